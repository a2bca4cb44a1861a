package io.cairn.proxy.s3api;

import io.cairn.common.path.Names;
import io.cairn.common.path.PercentCoding;
import io.cairn.proxy.pipeline.AccessPolicy;
import io.cairn.proxy.s3api.auth.S3Auth;
import io.cairn.proxy.s3api.auth.S3Authenticator;
import io.cairn.proxy.s3api.auth.S3Query;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.s3api.op.BucketNames;
import io.cairn.proxy.s3api.op.S3PostObject;
import io.cairn.proxy.swift.SwiftPath;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Recognises, parses and authenticates S3 requests (Swift's {@code S3Request.__init__} with tempauth's signature
 * check): a request carrying S3 authentication whose path is not the Swift API's ({@code /v1/}, {@code /v1.0/}),
 * the auth prefix, {@code /info} or {@code /healthcheck}; path style ({@code /<bucket>/<key>}) or virtual-host
 * style ({@code <bucket>.<storage_domain>}). The result addresses the user's Swift account.
 *
 * <p>Immutable and thread-safe.
 */
public final class S3Front {
    /** The verbs s3api's controllers handle; any other is MethodNotAllowed. */
    private static final Set<String> S3_METHODS = Set.of("GET", "HEAD", "PUT", "POST", "DELETE", "OPTIONS");

    /**
     * Where a POST form is addressed while its signer is not yet known and unsigned requests have no account: never
     * used for a subrequest ({@code S3PostObject} acts as the signer, or refuses an unsigned form).
     */
    static final String FORM_ACCOUNT = "AUTH_.s3-post-form";

    private final S3ApiConfig config;
    private final AccessPolicy access;
    private final S3Authenticator authenticator;
    private final String authPrefix;
    private final int maxKeyLength;

    /**
     * @param authPrefix tempauth's {@code auth_prefix} ({@code /auth/}): never S3
     * @param maxKeyLength {@code max_object_name_length}
     */
    public S3Front(S3ApiConfig config, AccessPolicy access, Clock clock, String authPrefix, int maxKeyLength) {
        this.config = config;
        this.access = access;
        this.authPrefix = authPrefix;
        this.maxKeyLength = maxKeyLength;
        this.authenticator = new S3Authenticator(
                config.location(),
                config.allowableClockSkew(),
                accessKey -> {
                    AccessPolicy.S3User u = access.s3User(accessKey);
                    return u == null ? null : u.secret();
                },
                clock);
    }

    /** Whether {@code rawPath} belongs to the Swift API side whatever the request carries. */
    boolean isSwiftPath(String rawPath) {
        return rawPath.startsWith("/v1/")
                || rawPath.equals("/v1")
                || rawPath.startsWith("/v1.0/")
                || rawPath.equals("/v1.0")
                || rawPath.equals("/info")
                || rawPath.equals("/healthcheck")
                || rawPath.startsWith(authPrefix)
                || (rawPath + "/").equals(authPrefix);
    }

    /**
     * The request as an authenticated S3 request, or null when it is not one (no S3 authentication, or a path of
     * the Swift API).
     *
     * @throws S3Exception the error to answer
     */
    public @Nullable S3HttpRequest translate(HttpRequest request) {
        String uri = request.uri();
        int q = uri.indexOf('?');
        String rawPath = q < 0 ? uri : uri.substring(0, q);
        if (isSwiftPath(rawPath)) {
            return null;
        }
        S3Query query = S3Query.parse(q < 0 ? "" : uri.substring(q + 1));
        HttpHeaders h = request.headers();
        String bucketInHost = bucketInHost(h.get("Host"));
        String method = request.method().name();
        if (!S3Authenticator.isS3(query, h)) {
            return anonymous(request, rawPath, query, bucketInHost);
        }
        if (!S3_METHODS.contains(method)) {
            // as s3api, which picks the controller and refuses a verb it has no handler for before the signature is
            // checked (that happens on its first request to Swift)
            throw new S3Exception(S3ErrorCode.MethodNotAllowed)
                    .with("Method", method)
                    .with("ResourceType", resourceType(rawPath, bucketInHost));
        }
        S3Auth auth = authenticator.authenticate(new S3Authenticator.Signed(method, rawPath, query, h, bucketInHost));
        AccessPolicy.S3User user = access.s3User(auth.accessKey());
        if (user == null) {
            throw new S3Exception(S3ErrorCode.SignatureDoesNotMatch);
        }
        BucketKey bk = bucketAndKey(rawPath, bucketInHost);
        S3Request s3 = new S3Request(
                method, bk.bucket(), bk.key(), query, auth, user.account(), user.authToken(), rawPath, h.copy());
        return addressed(request, s3);
    }

    /**
     * An unsigned request on an S3 path (Cairn's {@code cairn_anonymous_account}; s3api leaves them to Swift): a
     * CORS preflight, a browser POST form (signed inside its body, see {@code S3PostObject}), or an anonymous request
     * on a public bucket, addressed to that account without a token. Null (not S3) without the setting, without a
     * bucket, or for a path naming no valid bucket and key.
     */
    private @Nullable S3HttpRequest anonymous(
            HttpRequest request, String rawPath, S3Query query, @Nullable String bucketInHost) {
        String account = config.anonymousAccount();
        boolean form = request.method().name().equals("POST")
                && S3PostObject.isForm(request.headers().get("Content-Type"));
        if ((account.isEmpty() && !form)
                || !S3_METHODS.contains(request.method().name())) {
            return null;
        }
        BucketKey bk;
        try {
            bk = bucketAndKey(rawPath, bucketInHost);
        } catch (S3Exception e) {
            return null;
        }
        if (bk.bucket() == null) {
            return null;
        }
        S3Request s3 = new S3Request(
                request.method().name(),
                bk.bucket(),
                bk.key(),
                query,
                S3Auth.anonymous(),
                account.isEmpty() ? FORM_ACCOUNT : account,
                "",
                rawPath,
                request.headers().copy());
        return addressed(request, s3);
    }

    /** {@code request} re-addressed to {@code s3}'s account, with its token (none for an unsigned request). */
    private static S3HttpRequest addressed(HttpRequest request, S3Request s3) {
        String bucket = s3.bucket();
        String key = s3.key();
        HttpHeaders swift = request.headers().copy();
        swift.remove("Authorization");
        swift.remove("X-Storage-Token");
        swift.remove("X-Service-Token");
        swift.remove("X-Auth-Token");
        if (!s3.authToken().isEmpty()) {
            swift.set("X-Auth-Token", s3.authToken());
        }
        StringBuilder target = new StringBuilder("/v1/").append(SwiftPath.quote(s3.account()));
        if (bucket != null) {
            target.append('/').append(SwiftPath.quote(bucket));
            if (key != null) {
                target.append('/').append(SwiftPath.quote(key));
            }
        }
        return new S3HttpRequest(request.protocolVersion(), request.method(), target.toString(), swift, s3);
    }

    /** What the controller s3api would pick is called in its MethodNotAllowed: the service, a bucket or an object. */
    private static String resourceType(String rawPath, @Nullable String bucketInHost) {
        String path = rawPath.length() > 1 ? rawPath.substring(1) : "";
        if (bucketInHost != null) {
            return path.isEmpty() ? "BUCKET" : "OBJECT";
        }
        int slash = path.indexOf('/');
        return path.isEmpty() ? "SERVICE" : slash < 0 || slash == path.length() - 1 ? "BUCKET" : "OBJECT";
    }

    private record BucketKey(
            @Nullable String bucket, @Nullable String key) {}

    /** The bucket and key a path names (s3api's {@code _parse_uri}), validated. */
    private BucketKey bucketAndKey(String rawPath, @Nullable String bucketInHost) {
        byte[] pathBytes = PercentCoding.unquoteToBytes(rawPath);
        if (!Names.checkUtf8(pathBytes, 0, pathBytes.length, false)) {
            throw new S3Exception(S3ErrorCode.InvalidURI).with("URI", rawPath);
        }
        String path = new String(pathBytes, StandardCharsets.UTF_8);
        String bucket;
        String key;
        if (bucketInHost != null) {
            bucket = bucketInHost;
            key = path.length() > 1 ? path.substring(1) : null;
        } else {
            String[] parts = path.split("/", 3);
            bucket = parts.length > 1 && !parts[1].isEmpty() ? parts[1] : null;
            key = parts.length > 2 && !parts[2].isEmpty() ? parts[2] : null;
            if (bucket == null && key != null) {
                throw new S3Exception(S3ErrorCode.InvalidURI).with("URI", rawPath);
            }
        }
        if (bucket != null && !BucketNames.valid(bucket, config.dnsCompliantBucketNames())) {
            throw new S3Exception(S3ErrorCode.InvalidBucketName).with("BucketName", bucket);
        }
        if (key != null && key.getBytes(StandardCharsets.UTF_8).length > maxKeyLength) {
            throw new S3Exception(S3ErrorCode.KeyTooLongError).with("Size", Integer.toString(key.length()));
        }
        return new BucketKey(bucket, key);
    }

    private @Nullable String bucketInHost(@Nullable String host) {
        if (host == null || config.storageDomains().isEmpty()) {
            return null;
        }
        String given = host.toLowerCase(Locale.ROOT);
        int colon = given.lastIndexOf(':');
        if (colon >= 0 && given.indexOf(']') < colon) {
            given = given.substring(0, colon);
        }
        for (String d : config.storageDomains()) {
            String domain = d.startsWith(".") ? d : "." + d;
            if (given.endsWith(domain) && given.length() > domain.length()) {
                return given.substring(0, given.length() - domain.length());
            }
        }
        return null;
    }
}
