package io.cairn.proxy.s3api.error;

/**
 * The S3 error codes, their HTTP statuses and default messages: every {@code ErrorResponse} of Swift 2.30.1's
 * {@code s3api/s3response.py} (generated from it, so codes and texts are word for word Swift's; {@code
 * S3NotImplemented} is S3's {@code NotImplemented}, {@code VersionedBucketNotEmpty} answers {@code BucketNotEmpty}),
 * plus the few AWS codes s3api 2.30 lacks because it has no aws-chunked bodies ({@code XAmzContentSHA256Mismatch},
 * {@code InvalidChunkSizeError}, {@code MalformedTrailerError}, {@code InvalidPartNumber}) or tagging ({@code
 * InvalidTag}, {@code NoSuchTagSet}) or object lock ({@code InvalidRetentionPeriod}, {@code
 * NoSuchObjectLockConfiguration}, {@code ObjectLockConfigurationNotFoundError}).
 *
 * <p>Immutable.
 */
public enum S3ErrorCode {
    AccessDenied("AccessDenied", 403, "Access Denied."),
    AccountProblem(
            "AccountProblem",
            403,
            "There is a problem with your AWS account that prevents the operation from completing successfully."),
    AmbiguousGrantByEmailAddress(
            "AmbiguousGrantByEmailAddress",
            400,
            "The e-mail address you provided is associated with more than one account."),
    AuthorizationHeaderMalformed(
            "AuthorizationHeaderMalformed",
            400,
            "The authorization header is malformed; the authorization header requires three components: Credential, SignedHeaders, and Signature."),
    AuthorizationQueryParametersError("AuthorizationQueryParametersError", 400, ""),
    BadDigest("BadDigest", 400, "The Content-MD5 you specified did not match what we received."),
    BrokenMPU("BrokenMPU", 409, "Multipart upload has broken segment data."),
    BucketAlreadyExists(
            "BucketAlreadyExists",
            409,
            "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again."),
    BucketAlreadyOwnedByYou(
            "BucketAlreadyOwnedByYou",
            409,
            "Your previous request to create the named bucket succeeded and you already own it."),
    BucketNotEmpty("BucketNotEmpty", 409, "The bucket you tried to delete is not empty"),
    CredentialsNotSupported("CredentialsNotSupported", 400, "This request does not support credentials."),
    CrossLocationLoggingProhibited(
            "CrossLocationLoggingProhibited",
            403,
            "Cross location logging not allowed. Buckets in one geographic location cannot log information to a bucket in another location."),
    EntityTooLarge("EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed object size."),
    EntityTooSmall("EntityTooSmall", 400, "Your proposed upload is smaller than the minimum allowed object size."),
    ExpiredToken("ExpiredToken", 400, "The provided token has expired."),
    IllegalVersioningConfigurationException(
            "IllegalVersioningConfigurationException",
            400,
            "The Versioning configuration specified in the request is invalid."),
    IncompleteBody(
            "IncompleteBody",
            400,
            "You did not provide the number of bytes specified by the Content-Length HTTP header."),
    IncorrectNumberOfFilesInPostRequest(
            "IncorrectNumberOfFilesInPostRequest", 400, "POST requires exactly one file upload per request."),
    InlineDataTooLarge("InlineDataTooLarge", 400, "Inline data exceeds the maximum allowed size."),
    InternalError("InternalError", 500, "We encountered an internal error. Please try again."),
    InvalidAccessKeyId("InvalidAccessKeyId", 403, "The AWS Access Key Id you provided does not exist in our records."),
    InvalidArgument("InvalidArgument", 400, "Invalid Argument."),
    InvalidBucketName("InvalidBucketName", 400, "The specified bucket is not valid."),
    InvalidBucketState("InvalidBucketState", 409, "The request is not valid with the current state of the bucket."),
    InvalidDigest("InvalidDigest", 400, "The Content-MD5 you specified was an invalid."),
    InvalidLocationConstraint("InvalidLocationConstraint", 400, "The specified location constraint is not valid."),
    InvalidObjectState("InvalidObjectState", 403, "The operation is not valid for the current state of the object."),
    InvalidPart(
            "InvalidPart",
            400,
            "One or more of the specified parts could not be found. The part might not have been uploaded, or the specified entity tag might not have matched the part's entity tag."),
    InvalidPartNumber("InvalidPartNumber", 416, "The requested partnumber is not satisfiable"),
    InvalidPartOrder(
            "InvalidPartOrder",
            400,
            "The list of parts was not in ascending order.Parts list must specified in order by part number."),
    InvalidPayer("InvalidPayer", 403, "All access to this object has been disabled."),
    InvalidPolicyDocument(
            "InvalidPolicyDocument",
            400,
            "The content of the form does not meet the conditions specified in the policy document."),
    InvalidRange("InvalidRange", 416, "The requested range cannot be satisfied."),
    InvalidRequest("InvalidRequest", 400, "Invalid Request."),
    InvalidRetentionPeriod("InvalidRetentionPeriod", 400, "Default retention period must be a positive integer value."),
    InvalidTag("InvalidTag", 400, "The tag provided was not a valid tag."),
    InvalidSOAPRequest("InvalidSOAPRequest", 400, "The SOAP request body is invalid."),
    InvalidSecurity("InvalidSecurity", 403, "The provided security credentials are not valid."),
    InvalidStorageClass("InvalidStorageClass", 400, "The storage class you specified is not valid."),
    InvalidTargetBucketForLogging(
            "InvalidTargetBucketForLogging",
            400,
            "The target bucket for logging does not exist, is not owned by you, or does not have the appropriate grants for the log-delivery group."),
    InvalidToken("InvalidToken", 400, "The provided token is malformed or otherwise invalid."),
    InvalidURI("InvalidURI", 400, "Couldn't parse the specified URI."),
    KeyTooLongError("KeyTooLongError", 400, "Your key is too long."),
    MalformedACLError(
            "MalformedACLError",
            400,
            "The XML you provided was not well-formed or did not validate against our published schema."),
    MalformedPOSTRequest(
            "MalformedPOSTRequest", 400, "The body of your POST request is not well-formed multipart/form-data."),
    MalformedXML(
            "MalformedXML",
            400,
            "The XML you provided was not well-formed or did not validate against our published schema"),
    MaxMessageLengthExceeded("MaxMessageLengthExceeded", 400, "Your request was too big."),
    MaxPostPreDataLengthExceededError(
            "MaxPostPreDataLengthExceededError",
            400,
            "Your POST request fields preceding the upload file were too large."),
    MetadataTooLarge("MetadataTooLarge", 400, "Your metadata headers exceed the maximum allowed metadata size."),
    MethodNotAllowed("MethodNotAllowed", 405, "The specified method is not allowed against this resource."),
    MissingContentLength("MissingContentLength", 411, "You must provide the Content-Length HTTP header."),
    MissingRequestBodyError("MissingRequestBodyError", 400, "Request body is empty."),
    MissingSecurityElement("MissingSecurityElement", 400, "The SOAP 1.1 request is missing a security element."),
    MissingSecurityHeader("MissingSecurityHeader", 400, "Your request was missing a required header."),
    NoLoggingStatusForKey(
            "NoLoggingStatusForKey", 400, "There is no such thing as a logging status sub-resource for a key."),
    NoSuchBucket("NoSuchBucket", 404, "The specified bucket does not exist."),
    NoSuchKey("NoSuchKey", 404, "The specified key does not exist."),
    NoSuchLifecycleConfiguration("NoSuchLifecycleConfiguration", 404, "The lifecycle configuration does not exist. ."),
    NoSuchObjectLockConfiguration(
            "NoSuchObjectLockConfiguration", 404, "The specified object does not have a ObjectLock configuration"),
    NoSuchTagSet("NoSuchTagSet", 404, "The TagSet does not exist"),
    NoSuchUpload(
            "NoSuchUpload",
            404,
            "The specified multipart upload does not exist. The upload ID might be invalid, or the multipart upload might have been aborted or completed."),
    NoSuchVersion("NoSuchVersion", 404, "The specified version does not exist."),
    ObjectLockConfigurationNotFoundError(
            "ObjectLockConfigurationNotFoundError", 404, "Object Lock configuration does not exist for this bucket"),
    NotSignedUp("NotSignedUp", 403, "Your account is not signed up for the Amazon S3 service."),
    NotSuchBucketPolicy("NotSuchBucketPolicy", 404, "The specified bucket does not have a bucket policy."),
    OperationAborted(
            "OperationAborted",
            409,
            "A conflicting conditional operation is currently in progress against this resource. Please try again."),
    PermanentRedirect(
            "PermanentRedirect",
            301,
            "The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint."),
    PreconditionFailed("PreconditionFailed", 412, "At least one of the preconditions you specified did not hold."),
    Redirect("Redirect", 307, "Temporary redirect."),
    RequestIsNotMultiPartContent(
            "RequestIsNotMultiPartContent", 400, "Bucket POST must be of the enclosure-type multipart/form-data."),
    RequestTimeTooSkewed(
            "RequestTimeTooSkewed", 403, "The difference between the request time and the current time is too large."),
    RequestTimeout(
            "RequestTimeout",
            400,
            "Your socket connection to the server was not read from or written to within the timeout period."),
    RequestTorrentOfBucketError(
            "RequestTorrentOfBucketError", 400, "Requesting the torrent file of a bucket is not permitted."),
    RestoreAlreadyInProgress("RestoreAlreadyInProgress", 409, "Object restore is already in progress."),
    S3NotImplemented("NotImplemented", 501, "Not implemented."),
    ServiceUnavailable("ServiceUnavailable", 503, "Please reduce your request rate."),
    SignatureDoesNotMatch(
            "SignatureDoesNotMatch",
            403,
            "The request signature we calculated does not match the signature you provided. Check your key and signing method."),
    SlowDown("SlowDown", 503, "Please reduce your request rate."),
    TemporaryRedirect("TemporaryRedirect", 307, "You are being redirected to the bucket while DNS updates."),
    TokenRefreshRequired("TokenRefreshRequired", 400, "The provided token must be refreshed."),
    TooManyBuckets("TooManyBuckets", 400, "You have attempted to create more buckets than allowed."),
    UnexpectedContent("UnexpectedContent", 400, "This request does not support content."),
    UnresolvableGrantByEmailAddress(
            "UnresolvableGrantByEmailAddress",
            400,
            "The e-mail address you provided does not match any account on record."),
    UserKeyMustBeSpecified(
            "UserKeyMustBeSpecified",
            400,
            "The bucket POST must contain the specified field name. If it is specified, please check the order of the fields."),
    VersionedBucketNotEmpty(
            "BucketNotEmpty",
            409,
            "The bucket you tried to delete is not empty. You must delete all versions in the bucket."),
    XAmzContentSHA256Mismatch(
            "XAmzContentSHA256Mismatch",
            400,
            "The provided 'x-amz-content-sha256' header does not match what was computed."),
    InvalidChunkSizeError(
            "InvalidChunkSizeError", 403, "Only the last chunk is allowed to have a size less than 8192 bytes"),
    MalformedTrailerError(
            "MalformedTrailerError",
            400,
            "The request contained trailing data that was not well-formed or did not conform to our published schema."),
    /** AWS's answer to a CORS preflight no rule allows (s3api 2.30.1 has no CORS). */
    CorsForbidden(
            "AccessForbidden",
            403,
            "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec."),
    NoSuchCORSConfiguration("NoSuchCORSConfiguration", 404, "The CORS configuration does not exist"),
    /** AWS's bucket policy errors (s3api 2.30.1 has no bucket policies; its NotSuchBucketPolicy is a typo). */
    MalformedPolicy("MalformedPolicy", 400, "Policies must be valid JSON and the first byte must be '{'"),
    NoSuchBucketPolicy("NoSuchBucketPolicy", 404, "The bucket policy does not exist"),
    NoSuchPublicAccessBlockConfiguration(
            "NoSuchPublicAccessBlockConfiguration", 404, "The public access block configuration was not found"),
    /** AWS's 400 for a request it cannot make sense of (a preflight without {@code Origin}, say). */
    BadRequest("BadRequest", 400, "Bad Request");

    private final String code;
    private final int status;
    private final String message;

    S3ErrorCode(String code, int status, String message) {
        this.code = code;
        this.status = status;
        this.message = message;
    }

    /** The {@code <Code>} text. */
    public String code() {
        return code;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The default {@code <Message>} text. */
    public String message() {
        return message;
    }
}
