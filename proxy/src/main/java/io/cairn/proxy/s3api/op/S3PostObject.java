package io.cairn.proxy.s3api.op;

import io.cairn.common.time.Timestamp;
import io.cairn.proxy.formpost.Disposition;
import io.cairn.proxy.formpost.MimeHeaders;
import io.cairn.proxy.formpost.MultipartReader;
import io.cairn.proxy.pipeline.AccessPolicy;
import io.cairn.proxy.s3api.S3ApiConfig;
import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.auth.PayloadMode;
import io.cairn.proxy.s3api.auth.S3Auth;
import io.cairn.proxy.s3api.auth.SigV2;
import io.cairn.proxy.s3api.auth.SigV4;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.swift.BodySource;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * PostObject: a browser-based upload ({@code POST /<bucket>} with {@code multipart/form-data}; s3api 2.30.1
 * answers NotImplemented). The form is read as it arrives with FormPost's streaming reader ({@link
 * MultipartReader}); its fields (at most {@value #MAX_FIELDS_BYTES} bytes before the file, else
 * MaxPostPreDataLengthExceededError) say who signed it — SigV4 ({@code x-amz-algorithm}, {@code
 * x-amz-credential}, {@code x-amz-date}, {@code x-amz-signature} over the policy), SigV2 ({@code AWSAccessKeyId},
 * {@code signature}), or nobody (an anonymous upload, which the bucket's write ACL must allow) — and the policy
 * ({@link PostPolicy}) is checked when the {@code file} part begins. The file then streams into the Swift PUT of
 * {@code key} ({@code ${filename}} replaced) as the signer, paced by it; its last chunk is held back until the
 * {@code content-length-range} is known to hold (EntityTooLarge/EntityTooSmall store nothing). Fields after the
 * file are ignored, as AWS does. The answer: a 303 to {@code success_action_redirect} (or {@code redirect}) with
 * {@code bucket}, {@code key} and {@code etag}, else {@code success_action_status} 200, 201 (a {@code
 * PostResponse}) or 204; it goes out once the client's body is all in.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3PostObject extends S3Operation {
    /** AWS's limit on the form's fields before the file. */
    static final int MAX_FIELDS_BYTES = 20 * 1024;

    private static final Set<String> CANNED = Set.of(
            "private",
            "public-read",
            "public-read-write",
            "authenticated-read",
            "aws-exec-read",
            "bucket-owner-read",
            "bucket-owner-full-control");

    private final S3ApiConfig config;
    private final @Nullable MultipartReader reader;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final ByteArrayOutputStream field = new ByteArrayOutputStream();
    private int fieldsBytes;
    private @Nullable String fieldName;

    private enum Part {
        NONE,
        FIELD,
        FILE,
        IGNORED
    }

    private Part part = Part.NONE;
    private boolean fileSeen;
    private String key = "";
    private @Nullable Operation put;
    private boolean putReady;
    private boolean awaitingPut;
    private long fileBytes;
    private long minLength;
    private long maxLength = Long.MAX_VALUE;
    private boolean pumping;
    private @Nullable Runnable answer;
    private boolean sent;

    public S3PostObject(Exchange ex, SwiftApp app, S3Request req, S3ApiConfig config) {
        super(ex, app, req);
        this.config = config;
        String boundary = boundary(req.clientHeaders().get("Content-Type"));
        this.reader = boundary == null
                ? null
                : new MultipartReader(
                        boundary.getBytes(StandardCharsets.UTF_8), ex.channel().alloc());
    }

    /** Whether a bucket POST is a form upload ({@code multipart/form-data}). */
    public static boolean isForm(@Nullable String contentType) {
        return contentType != null
                && contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    private static @Nullable String boundary(@Nullable String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String p : contentType.split(";")) {
            String t = p.strip();
            if (t.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = t.substring("boundary=".length()).strip();
                if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
                    b = b.substring(1, b.length() - 1);
                }
                return b.isEmpty() ? null : b;
            }
        }
        return null;
    }

    @Override
    protected void run() {
        if (reader == null) {
            throw new S3Exception(
                    S3ErrorCode.MalformedPOSTRequest,
                    "The body of your POST request is not well-formed multipart/form-data.");
        }
        if (!ex.requestComplete() && HttpUtil.is100ContinueExpected(ex.request())) {
            ex.channel().writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
        pump();
    }

    @Override
    public void content(HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        MultipartReader r = reader;
        if (answer != null || isClosed() || r == null) {
            content.release();
        } else {
            r.feed(content.content().retain());
            content.release();
            if (last) {
                r.endOfInput();
            }
            pump();
        }
        if (last) {
            sendIfDone();
        }
    }

    private void pump() {
        MultipartReader r = reader;
        if (pumping || r == null) {
            return;
        }
        pumping = true;
        try {
            while (answer == null && !isClosed() && !awaitingPut && (part != Part.FILE || putReady)) {
                if (!step(r)) {
                    break;
                }
            }
        } catch (MultipartReader.InvalidFormException e) {
            refuse(new S3Exception(S3ErrorCode.MalformedPOSTRequest));
        } catch (S3Exception e) {
            refuse(e);
        } finally {
            pumping = false;
        }
        readClient();
    }

    private boolean step(MultipartReader r) throws MultipartReader.InvalidFormException {
        switch (r.next()) {
            case NEED_INPUT:
                return false;
            case PART:
                beginPart(MimeHeaders.parse(r.headerLines()));
                return true;
            case DATA:
                data(r.takeData());
                return true;
            case PART_END:
                endPart(r.endedByDelimiter());
                return true;
            case END:
            default:
                if (!fileSeen) {
                    throw new S3Exception(
                                    S3ErrorCode.InvalidArgument, "POST requires exactly one file upload per request.")
                            .with("ArgumentName", "file")
                            .with("ArgumentValue", "0");
                }
                // the file is stored or being stored: what followed it is ignored
                return false;
        }
    }

    private void readClient() {
        if (ex.requestComplete() || isClosed()) {
            return;
        }
        boolean wanted = answer != null || (!awaitingPut && (part != Part.FILE || putReady));
        ex.channel().config().setAutoRead(wanted);
        if (wanted) {
            ex.channel().read();
        }
    }

    private void beginPart(MimeHeaders headers) {
        String disposition = headers.get("Content-Disposition");
        Disposition d = Disposition.parse(disposition == null ? "" : disposition);
        String name = d.attributes().get("name");
        if (fileSeen) {
            part = Part.IGNORED;
            return;
        }
        if (name != null && name.equalsIgnoreCase("file")) {
            fileSeen = true;
            String filename = d.attributes().get("filename");
            beginFile(headers, filename == null ? "" : filename);
            return;
        }
        part = Part.FIELD;
        fieldName = name;
        field.reset();
    }

    private void data(ByteBuf piece) {
        try {
            if (part == Part.FIELD) {
                int n = piece.readableBytes();
                fieldsBytes += n;
                if (fieldsBytes > MAX_FIELDS_BYTES) {
                    throw new S3Exception(S3ErrorCode.MaxPostPreDataLengthExceededError);
                }
                byte[] b = new byte[n];
                piece.readBytes(b);
                field.write(b, 0, n);
            } else if (part == Part.FILE) {
                fileData(piece.retain());
            }
        } finally {
            piece.release();
        }
    }

    private void endPart(boolean byDelimiter) {
        if (part == Part.FIELD) {
            String name = fieldName;
            if (name != null && !fields.containsKey(name)) {
                fields.put(name, new String(field.toByteArray(), StandardCharsets.UTF_8));
            }
        } else if (part == Part.FILE) {
            if (!byDelimiter) {
                stopPut();
                throw new S3Exception(S3ErrorCode.MalformedPOSTRequest);
            }
            if (fileBytes < minLength) {
                stopPut();
                throw new S3Exception(S3ErrorCode.EntityTooSmall)
                        .with("ProposedSize", Long.toString(fileBytes))
                        .with("MinSizeAllowed", Long.toString(minLength));
            }
            Operation p = put;
            if (p != null) {
                awaitingPut = true;
                p.content(LastHttpContent.EMPTY_LAST_CONTENT);
            }
        }
        part = Part.NONE;
    }

    private @Nullable String field(String name) {
        return PostPolicy.field(fields, name);
    }

    private static S3Exception missing(String name) {
        return new S3Exception(
                        S3ErrorCode.InvalidArgument,
                        "Bucket POST must contain a field named '" + name
                                + "'.  If it is specified, please check the order of the fields.")
                .with("ArgumentName", name)
                .with("ArgumentValue", "");
    }

    private String required(String name) {
        String v = field(name);
        if (v == null) {
            throw missing(name);
        }
        return v;
    }

    /** Who signed the form (rebinding to their account), or an anonymous form where that is allowed. */
    private void authenticate() {
        String policy = field("policy");
        AccessPolicy access = ex.services().access();
        if (field("x-amz-signature") != null || field("x-amz-credential") != null || field("x-amz-algorithm") != null) {
            policy = signedV4(access);
        } else if (field("AWSAccessKeyId") != null || field("signature") != null) {
            policy = signedV2(access);
        } else if (policy != null) {
            throw missing("AWSAccessKeyId");
        } else if (config.anonymousAccount().isEmpty()) {
            throw new S3Exception(S3ErrorCode.AccessDenied);
        }
        String k = field("key");
        if (k == null) {
            throw missing("key");
        }
        if (policy != null) {
            PostPolicy p = PostPolicy.parse(policy);
            p.check(fields, req.bucketName(), Instant.now(ex.services().clock()));
            PostPolicy.Condition range = p.range();
            if (range != null) {
                minLength = range.min();
                maxLength = range.max();
            }
        }
    }

    /** A SigV2-signed form: the signer bound; the policy returned. */
    private String signedV2(AccessPolicy access) {
        String accessKey = required("AWSAccessKeyId");
        String policy = required("policy");
        String signature = required("signature");
        AccessPolicy.S3User user = access.s3User(accessKey);
        if (user == null) {
            throw new S3Exception(S3ErrorCode.InvalidAccessKeyId).with("AWSAccessKeyId", accessKey);
        }
        String want = Base64.getEncoder()
                .encodeToString(SigV2.hmacSha1(user.secret().getBytes(StandardCharsets.UTF_8), policy));
        if (!SigV4.same(want, signature.strip())) {
            throw new S3Exception(S3ErrorCode.SignatureDoesNotMatch).with("AWSAccessKeyId", accessKey);
        }
        bind(accessKey, user);
        return policy;
    }

    /** A SigV4-signed form: the signer bound; the policy returned. */
    private String signedV4(AccessPolicy access) {
        String algorithm = required("x-amz-algorithm");
        String credential = required("x-amz-credential");
        required("x-amz-date");
        String signature = required("x-amz-signature");
        String policy = required("policy");
        if (!algorithm.equals("AWS4-HMAC-SHA256")) {
            throw S3Exception.invalidArgument(
                    "x-amz-algorithm", algorithm, "Only AWS4-HMAC-SHA256 is supported for the POST policy.");
        }
        String[] scope = credential.split("/");
        if (scope.length < 5
                || !scope[scope.length - 1].equals("aws4_request")
                || !scope[scope.length - 2].equals("s3")) {
            throw S3Exception.invalidArgument("x-amz-credential", credential, "Invalid credential scope.");
        }
        int n = scope.length;
        String region = scope[n - 3];
        String date = scope[n - 4];
        String accessKey = String.join("/", java.util.Arrays.copyOfRange(scope, 0, n - 4));
        if (!region.equalsIgnoreCase(config.location())) {
            throw new S3Exception(
                            S3ErrorCode.AuthorizationQueryParametersError,
                            "Error parsing the X-Amz-Credential parameter; the region '" + region
                                    + "' is wrong; expecting '" + config.location() + "'")
                    .with("Region", config.location());
        }
        AccessPolicy.S3User user = access.s3User(accessKey);
        if (user == null) {
            throw new S3Exception(S3ErrorCode.InvalidAccessKeyId).with("AWSAccessKeyId", accessKey);
        }
        String want = SigV4.signature(SigV4.signingKey(user.secret(), date, region, "s3"), policy);
        if (!SigV4.same(want, signature.strip())) {
            throw new S3Exception(S3ErrorCode.SignatureDoesNotMatch).with("AWSAccessKeyId", accessKey);
        }
        bind(accessKey, user);
        return policy;
    }

    private void bind(String accessKey, AccessPolicy.S3User user) {
        rebind(new S3Request(
                req.method(),
                req.bucket(),
                req.key(),
                req.query(),
                new S3Auth(accessKey, PayloadMode.UNSIGNED, null, null),
                user.account(),
                user.authToken(),
                req.resource(),
                req.clientHeaders()));
    }

    private void beginFile(MimeHeaders headers, String filename) {
        authenticate();
        String k = required("key").replace("${filename}", filename);
        if (k.isEmpty()) {
            throw S3Exception.invalidArgument("key", "", "User key must have a length greater than 0.");
        }
        if (k.getBytes(StandardCharsets.UTF_8).length > 1024) {
            throw new S3Exception(S3ErrorCode.KeyTooLongError);
        }
        key = k;
        String acl = field("acl");
        if (acl != null && !CANNED.contains(acl)) {
            throw S3Exception.invalidArgument("acl", acl, null);
        }
        HttpHeaders given = new DefaultHttpHeaders();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            String lower = e.getKey().toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-amz-meta-")
                    || Set.of("content-type", "content-disposition", "content-encoding", "cache-control", "expires")
                            .contains(lower)) {
                try {
                    given.add(e.getKey(), e.getValue().replace('\r', ' ').replace('\n', ' '));
                } catch (IllegalArgumentException bad) {
                    throw S3Exception.invalidArgument(e.getKey(), e.getValue(), "Invalid field name.");
                }
            }
        }
        String partType = headers.get("Content-Type");
        if (!given.contains("Content-Type") && partType != null && !partType.isEmpty()) {
            given.set("Content-Type", partType);
        }
        S3Request asHeaders = new S3Request(
                req.method(),
                req.bucket(),
                key,
                req.query(),
                req.auth(),
                req.account(),
                req.authToken(),
                req.resource(),
                given);
        HttpHeaders h = swiftHeaders();
        ObjectWriteHeaders.metadataAndContent(asHeaders, h);
        String tagging = field("tagging");
        if (tagging != null) {
            Tagging tags = Tagging.fromXml(tagging.getBytes(StandardCharsets.UTF_8), Tagging.MAX_OBJECT_TAGS);
            if (!tags.isEmpty()) {
                h.set(Tagging.OBJECT, tags.stored());
            }
        }
        h.set("Transfer-Encoding", "chunked");
        part = Part.FILE;
        fileBytes = 0;
        putReady = false;
        Exchange parent = ex.withTimestamp(Timestamp.now(ex.services().clock()));
        Operation p =
                Subrequests.uploadPaced(parent, app, path(req.bucketName(), key, ""), h, pacing, this::putAnswered);
        put = p;
        if (p == null) {
            throw new S3Exception(S3ErrorCode.InternalError);
        }
        p.start();
    }

    private void fileData(ByteBuf piece) {
        fileBytes += piece.readableBytes();
        if (fileBytes > maxLength) {
            piece.release();
            stopPut();
            throw new S3Exception(S3ErrorCode.EntityTooLarge)
                    .with("ProposedSize", Long.toString(fileBytes))
                    .with("MaxSizeAllowed", Long.toString(maxLength));
        }
        Operation p = put;
        if (p == null) {
            piece.release();
            return;
        }
        p.content(new DefaultHttpContent(piece));
    }

    private void putAnswered(FullHttpResponse r) {
        try {
            if (answer != null || isClosed()) {
                return;
            }
            put = null;
            boolean whole = awaitingPut;
            awaitingPut = false;
            if (r.status().code() / 100 != 2) {
                part = Part.NONE;
                refuse(swiftError(r, "PUT", S3ErrorResponses.Target.OBJECT, true));
                return;
            }
            if (!whole) {
                refuse(new S3Exception(S3ErrorCode.InternalError));
                return;
            }
            part = Part.NONE;
            String etag = r.headers().get("ETag", "").replace("\"", "");
            String versionId = r.headers().get("X-Object-Version-Id");
            decide(() -> succeeded(etag, versionId));
        } finally {
            r.release();
        }
        if (!pumping) {
            pump();
        }
    }

    private void succeeded(String etag, @Nullable String versionId) {
        HttpHeaders out = new DefaultHttpHeaders();
        String quoted = "\"" + etag + "\"";
        out.set("ETag", quoted);
        if (versionId != null) {
            out.set("x-amz-version-id", versionId);
        }
        String location = location();
        String redirect = field("success_action_redirect");
        if (redirect == null) {
            redirect = field("redirect");
        }
        if (redirect != null && isUrl(redirect)) {
            String q = "bucket=" + enc(req.bucketName()) + "&key=" + enc(key) + "&etag=" + enc(quoted);
            out.set("Location", redirect + (redirect.contains("?") ? "&" : "?") + q);
            respond(303, out, null);
            return;
        }
        out.set("Location", location);
        String status = field("success_action_status");
        if ("201".equals(status)) {
            String xml = xml().openRoot("PostResponse")
                    .element("Location", location)
                    .element("Bucket", req.bucketName())
                    .element("Key", key)
                    .element("ETag", quoted)
                    .close("PostResponse")
                    .toString();
            respond(201, out, xml);
        } else if ("200".equals(status)) {
            respond(200, out, null);
        } else {
            respond(204, out, null);
        }
    }

    private static boolean isUrl(String s) {
        try {
            java.net.URI u = new java.net.URI(s);
            return u.getScheme() != null && u.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The object's URL as the client addressed the bucket. */
    private String location() {
        String host = req.clientHeaders().get("Host", "localhost");
        String path = req.resource();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        StringBuilder encoded = new StringBuilder();
        for (String seg : key.split("/", -1)) {
            if (encoded.length() > 0 || key.startsWith("/")) {
                encoded.append('/');
            }
            encoded.append(enc(seg));
        }
        return "http://" + host + path + encoded;
    }

    private final BodySource pacing = new BodySource() {
        @Override
        public void pause() {
            putReady = false;
            readClient();
        }

        @Override
        public void resume() {
            putReady = true;
            if (!pumping) {
                pump();
            }
        }

        @Override
        public void ready() {
            resume();
        }

        @Override
        public void abort() {
            // the PUT failed: its answer says why
        }
    };

    private void stopPut() {
        Operation p = put;
        put = null;
        awaitingPut = false;
        if (p != null) {
            p.clientClosed();
        }
    }

    /** Ends the form with an error (the rest of the body is read and dropped first). */
    private void refuse(S3Exception e) {
        stopPut();
        decide(() -> fail(e));
    }

    private void decide(Runnable response) {
        if (answer != null || isClosed()) {
            return;
        }
        answer = response;
        part = Part.NONE;
        MultipartReader r = reader;
        if (r != null) {
            r.close();
        }
        sendIfDone();
    }

    private void sendIfDone() {
        Runnable a = answer;
        if (a != null && !sent && ex.requestComplete()) {
            sent = true;
            guarded(a);
        }
    }

    @Override
    public void clientClosed() {
        super.clientClosed();
        stopPut();
        MultipartReader r = reader;
        if (r != null) {
            r.close();
        }
    }
}
