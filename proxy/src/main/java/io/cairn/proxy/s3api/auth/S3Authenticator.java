package io.cairn.proxy.s3api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cairn.common.http.HttpDates;
import io.cairn.common.path.PercentCoding;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Swift 2.30.1's s3api request authentication ({@code s3request.py}: {@code S3Request}, {@code SigV4Mixin}), with
 * tempauth's check of the signature folded in: SigV2 (header and query), SigV4 (header and presigned query),
 * clock skew, and the body-signing mode ({@code x-amz-content-sha256}, including the aws-chunked streaming modes
 * s3api 2.30 refuses). Errors are s3api's codes and messages.
 *
 * <p>Immutable and thread-safe.
 */
public final class S3Authenticator {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    private static final DateTimeFormatter V2_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);
    private static final Set<String> MUST_BE_SIGNED = Set.of("x-amz-copy", "x-amz-acl", "x-amz-grant", "x-amz-meta");
    private static final Set<String> SUB_RESOURCES = Set.of(
            "acl",
            "delete",
            "lifecycle",
            "location",
            "logging",
            "notification",
            "partNumber",
            "policy",
            "requestPayment",
            "torrent",
            "uploads",
            "uploadId",
            "versionId",
            "versioning",
            "versions",
            "website",
            "response-cache-control",
            "response-content-disposition",
            "response-content-encoding",
            "response-content-language",
            "response-content-type",
            "response-expires",
            "cors",
            "tagging",
            "restore");
    private static final String TIME_REQUIRED = "AWS authentication requires a valid Date or x-amz-date header";

    private final String location;
    private final long allowableClockSkew;
    private final S3Credentials credentials;
    private final Clock clock;
    /**
     * Signing keys by secret and day: a client signs every request of a day with the same key, and deriving it is
     * four HMACs. Bounded, so requests naming many secrets or days cannot grow it.
     */
    private final Cache<SigningScope, byte[]> signingKeys = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    private record SigningScope(String secret, String date) {}

    /**
     * @param location the region requests must be signed for ({@code location}, default {@code us-east-1})
     * @param allowableClockSkew seconds a header-signed request's time may differ from ours
     */
    public S3Authenticator(String location, long allowableClockSkew, S3Credentials credentials, Clock clock) {
        this.location = location;
        this.allowableClockSkew = allowableClockSkew;
        this.credentials = credentials;
        this.clock = clock;
    }

    /**
     * The request to authenticate.
     *
     * @param method the HTTP method
     * @param rawPath the path as received (wire characters, not decoded)
     * @param bucketInHost the bucket a virtual host named, or null
     */
    public record Signed(
            String method,
            String rawPath,
            S3Query query,
            HttpHeaders headers,
            @Nullable String bucketInHost) {}

    /** Whether the request carries S3 authentication at all (s3api's {@code NotS3Request} otherwise). */
    public static boolean isS3(S3Query q, HttpHeaders h) {
        String auth = h.get("Authorization");
        return q.has("AWSAccessKeyId")
                || q.has("X-Amz-Credential")
                || (auth != null && (auth.startsWith("AWS ") || auth.startsWith("AWS4-HMAC-SHA256")));
    }

    /** Authenticates {@code r}, or throws the S3 error to answer. */
    public S3Auth authenticate(Signed r) {
        String auth = r.headers().get("Authorization");
        boolean v4 = r.query().has("X-Amz-Credential") || (auth != null && auth.startsWith("AWS4-HMAC-SHA256 "));
        return v4 ? new V4(r).run() : new V2(r).run();
    }

    private long now() {
        return clock.millis() / 1000;
    }

    private void checkSkew(long timestamp) {
        if (timestamp < 0) {
            throw new S3Exception(S3ErrorCode.AccessDenied);
        }
        if (Math.abs(timestamp - now()) > allowableClockSkew) {
            throw new S3Exception(S3ErrorCode.RequestTimeTooSkewed);
        }
    }

    private String secretOf(String accessKey, SignatureDetails details) {
        String secret = accessKey.isEmpty() ? null : credentials.secret(accessKey);
        if (secret == null) {
            // tempauth answers an unknown user 401, which s3api turns into SignatureDoesNotMatch
            throw details.mismatch();
        }
        return secret;
    }

    /** What a {@code SignatureDoesNotMatch} document shows, as s3api's {@code signature_does_not_match_kwargs}. */
    private record SignatureDetails(
            String accessKey,
            String stringToSign,
            String provided,
            @Nullable String canonicalRequest) {
        S3Exception mismatch() {
            S3Exception e = new S3Exception(S3ErrorCode.SignatureDoesNotMatch)
                    .with("AWSAccessKeyId", accessKey)
                    .with("StringToSign", stringToSign)
                    .with("SignatureProvided", provided)
                    .with("StringToSignBytes", bytes(stringToSign));
            if (canonicalRequest != null) {
                e.with("CanonicalRequest", canonicalRequest).with("CanonicalRequestBytes", bytes(canonicalRequest));
            }
            return e;
        }

        private static String bytes(String s) {
            StringBuilder sb = new StringBuilder();
            for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(String.format(Locale.ROOT, "%02x", b & 0xff));
            }
            return sb.toString();
        }
    }

    /** The SigV4 signing key of {@code secret} for {@code date} (yyyyMMdd) in this region, derived once a day. */
    private byte[] signingKey(String secret, String date) {
        return signingKeys.get(
                new SigningScope(secret, date), k -> SigV4.signingKey(k.secret(), k.date(), location, "s3"));
    }

    /** SigV4, header or presigned query. */
    private final class V4 {
        private final Signed r;
        private final boolean query;
        private long timestamp;
        private String amzDate = "";
        private Set<String> signedHeaders = Set.of();

        V4(Signed r) {
            this.r = r;
            this.query = r.query().has("X-Amz-Credential");
        }

        S3Auth run() {
            String[] accessAndSig = query ? parseQuery() : parseHeader();
            String accessKey = accessAndSig[0];
            String provided = accessAndSig[1];
            String scope = scope();
            String payloadHash = payloadHash();
            String canonical = canonicalRequest(payloadHash);
            String sts = SigV4.stringToSign(amzDate, scope, canonical);
            SignatureDetails details = new SignatureDetails(accessKey, sts, provided, canonical);
            String secret = secretOf(accessKey, details);
            byte[] key = signingKey(secret, amzDate.substring(0, 8));
            String expected = SigV4.signature(key, sts);
            if (!SigV4.same(expected, provided)) {
                throw details.mismatch();
            }
            PayloadMode mode = mode(payloadHash);
            S3Auth.ChunkSigning chunks =
                    mode.chunkSigned() ? new S3Auth.ChunkSigning(key, amzDate, scope, provided) : null;
            return new S3Auth(
                    accessKey, mode, mode == PayloadMode.SIGNED ? payloadHash.toLowerCase(Locale.ROOT) : null, chunks);
        }

        private PayloadMode mode(String payloadHash) {
            return switch (payloadHash) {
                case "UNSIGNED-PAYLOAD" -> PayloadMode.UNSIGNED;
                case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD" -> PayloadMode.STREAMING_SIGNED;
                case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER" -> PayloadMode.STREAMING_SIGNED_TRAILER;
                case "STREAMING-UNSIGNED-PAYLOAD-TRAILER" -> PayloadMode.STREAMING_UNSIGNED_TRAILER;
                default -> {
                    if (!payloadHash.matches("[0-9a-fA-F]{64}")) {
                        throw new S3Exception(
                                        S3ErrorCode.InvalidArgument,
                                        "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, "
                                                + "STREAMING-AWS4-HMAC-SHA256-PAYLOAD(-TRAILER), "
                                                + "STREAMING-UNSIGNED-PAYLOAD-TRAILER or a valid sha256 value.")
                                .with("ArgumentName", "x-amz-content-sha256")
                                .with("ArgumentValue", payloadHash);
                    }
                    yield query ? PayloadMode.UNSIGNED : PayloadMode.SIGNED;
                }
            };
        }

        private String scope() {
            return amzDate.substring(0, 8) + "/" + location + "/s3/aws4_request";
        }

        private void readTimestamp() {
            String qd = r.query().get("X-Amz-Date");
            String hd = r.headers().get("X-Amz-Date");
            long t;
            if (query && qd != null) {
                t = parseAmzDate(qd);
            } else if (hd != null && !hd.isEmpty()) {
                t = parseAmzDate(hd);
            } else {
                t = HttpDates.parse(r.headers().get("Date"));
                if (t == HttpDates.INVALID) {
                    throw new S3Exception(S3ErrorCode.AccessDenied, TIME_REQUIRED);
                }
            }
            if (t < 0) {
                throw new S3Exception(S3ErrorCode.AccessDenied, TIME_REQUIRED);
            }
            timestamp = t;
            amzDate = AMZ_DATE.format(LocalDateTime.ofEpochSecond(t, 0, ZoneOffset.UTC));
        }

        private String[] parseHeader() {
            HttpHeaders h = r.headers();
            if (h.get("Date") == null && h.get("X-Amz-Date") == null) {
                throw new S3Exception(S3ErrorCode.AccessDenied, TIME_REQUIRED);
            }
            readTimestamp();
            checkSkew(timestamp);
            String auth = h.get("Authorization", "");
            Credential cred = credential(after(auth, "Credential=").split(",", -1)[0]);
            String sig = after(auth, "Signature=").split(",", -1)[0];
            if (sig.isEmpty()) {
                throw new S3Exception(S3ErrorCode.AccessDenied);
            }
            String signed = after(auth, "SignedHeaders=").split(",", 2)[0];
            if (signed.isEmpty()) {
                throw new S3Exception(S3ErrorCode.AuthorizationHeaderMalformed);
            }
            checkScope(cred, false);
            signedHeaders = Set.of(signed.split(";", -1));
            return new String[] {cred.access(), sig};
        }

        private String[] parseQuery() {
            S3Query q = r.query();
            if (!"AWS4-HMAC-SHA256".equals(q.get("X-Amz-Algorithm"))) {
                throw S3Exception.invalidArgument("X-Amz-Algorithm", q.get("X-Amz-Algorithm"), null);
            }
            readTimestamp();
            checkExpires(q.get("X-Amz-Expires"));
            String credential = q.get("X-Amz-Credential");
            String sig = q.get("X-Amz-Signature");
            if (credential == null || sig == null || sig.isEmpty()) {
                throw new S3Exception(S3ErrorCode.AccessDenied);
            }
            Credential cred = credential(credential);
            String signed = q.get("X-Amz-SignedHeaders");
            if (signed == null) {
                throw new S3Exception(S3ErrorCode.AuthorizationHeaderMalformed);
            }
            signedHeaders = Set.of(signed.split(";", -1));
            checkScope(cred, true);
            return new String[] {cred.access(), sig};
        }

        private void checkExpires(@Nullable String value) {
            if (value == null) {
                throw new S3Exception(S3ErrorCode.AccessDenied);
            }
            long expires;
            try {
                expires = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new S3Exception(
                        S3ErrorCode.AuthorizationQueryParametersError, "X-Amz-Expires should be a number");
            }
            if (expires < 0) {
                throw new S3Exception(
                        S3ErrorCode.AuthorizationQueryParametersError, "X-Amz-Expires must be non-negative");
            }
            if (expires > 604800) {
                throw new S3Exception(
                        S3ErrorCode.AuthorizationQueryParametersError,
                        "X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must "
                                + "be less than 604800 seconds");
            }
            if (timestamp + expires < now()) {
                throw new S3Exception(S3ErrorCode.AccessDenied, "Request has expired");
            }
        }

        private Credential credential(String s) {
            String[] parts = s.split("/", -1);
            if (parts.length != 5 || parts[0].isEmpty()) {
                throw new S3Exception(S3ErrorCode.AccessDenied);
            }
            return new Credential(parts[0], parts[1], parts[2], parts[3], parts[4]);
        }

        private void checkScope(Credential cred, boolean inQuery) {
            S3ErrorCode code =
                    inQuery ? S3ErrorCode.AuthorizationQueryParametersError : S3ErrorCode.AuthorizationHeaderMalformed;
            String what = inQuery
                    ? "Error parsing the X-Amz-Credential parameter;"
                    : "The authorization header is malformed;";
            String date = amzDate.substring(0, 8);
            if (!cred.date().equals(date)) {
                throw new S3Exception(
                        code,
                        "Invalid credential date \"" + cred.date() + "\". This date is not the same as X-Amz-Date: \""
                                + date + "\".");
            }
            String region = cred.region();
            if (!region.equals(location)
                    && !(!location.equals(location.toLowerCase(Locale.ROOT))
                            && region.equals(location.toLowerCase(Locale.ROOT)))) {
                throw new S3Exception(
                                code, what + " the region '" + region + "' is wrong; expecting '" + location + "'")
                        .with("Region", location);
            }
            if (!cred.service().equals("s3")) {
                throw new S3Exception(
                        code, what + " incorrect service \"" + cred.service() + "\". This endpoint belongs to \"s3\".");
            }
            if (!cred.terminal().equals("aws4_request")) {
                throw new S3Exception(
                        code,
                        what + " incorrect terminal \"" + cred.terminal() + "\". This endpoint uses \"aws4_request\".");
            }
        }

        private String payloadHash() {
            if (query) {
                return "UNSIGNED-PAYLOAD";
            }
            String v = r.headers().get("X-Amz-Content-SHA256");
            if (v == null) {
                throw new S3Exception(
                        S3ErrorCode.InvalidRequest, "Missing required header for this request: x-amz-content-sha256");
            }
            return v;
        }

        private String canonicalRequest(String payloadHash) {
            StringBuilder cr = new StringBuilder(512);
            cr.append(r.method().toUpperCase(Locale.ROOT)).append('\n');
            cr.append(PercentCoding.quote(PercentCoding.unquote(r.rawPath()), "-_.~/"))
                    .append('\n');
            boolean first = true;
            for (Map.Entry<String, String> e : r.query().all().entrySet()) {
                if (e.getKey().equals("X-Amz-Signature") || e.getKey().equals("Signature")) {
                    continue;
                }
                if (!first) {
                    cr.append('&');
                }
                first = false;
                cr.append(PercentCoding.quote(e.getKey(), "-_.~"))
                        .append('=')
                        .append(PercentCoding.quote(e.getValue(), "-_.~"));
            }
            cr.append('\n');
            Map<String, String> toSign = headersToSign();
            for (Map.Entry<String, String> e : toSign.entrySet()) {
                cr.append(e.getKey()).append(':').append(e.getValue()).append('\n');
            }
            cr.append('\n').append(String.join(";", toSign.keySet())).append('\n');
            cr.append(payloadHash);
            return cr.toString();
        }

        private Map<String, String> headersToSign() {
            Map<String, String> all = new TreeMap<>();
            for (Map.Entry<String, String> e : r.headers()) {
                String k = e.getKey().toLowerCase(Locale.ROOT).strip();
                String v = String.join(" ", e.getValue().strip().split("\\s+"));
                all.merge(k, v, (a, b) -> a + "," + b);
            }
            for (String k : all.keySet()) {
                if (!signedHeaders.contains(k)) {
                    for (String prefix : MUST_BE_SIGNED) {
                        if (k.startsWith(prefix)) {
                            throw new S3Exception(
                                            S3ErrorCode.AccessDenied,
                                            "There were headers present in the request which were not signed")
                                    .with("HeadersNotSigned", k);
                        }
                    }
                }
            }
            Map<String, String> out = new TreeMap<>();
            for (Map.Entry<String, String> e : all.entrySet()) {
                if (signedHeaders.contains(e.getKey())) {
                    out.put(e.getKey(), e.getValue());
                }
            }
            if (out.size() != signedHeaders.size()) {
                throw new S3Exception(S3ErrorCode.SignatureDoesNotMatch);
            }
            return out;
        }
    }

    /** {@code <access-key-id>/<date>/<region>/<service>/aws4_request}. */
    private record Credential(String access, String date, String region, String service, String terminal) {}

    private static String after(String s, String marker) {
        int i = s.indexOf(marker);
        return i < 0 ? "" : s.substring(i + marker.length());
    }

    private static long parseAmzDate(String s) {
        try {
            return LocalDateTime.parse(s, AMZ_DATE).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new S3Exception(S3ErrorCode.AccessDenied, TIME_REQUIRED);
        }
    }

    /** SigV2, header or query. */
    private final class V2 {
        private final Signed r;
        private final boolean query;

        V2(Signed r) {
            this.r = r;
            this.query = r.query().has("AWSAccessKeyId");
        }

        S3Auth run() {
            String accessKey;
            String provided;
            if (query) {
                checkExpires();
                accessKey = r.query().get("AWSAccessKeyId");
                provided = r.query().get("Signature");
                if (accessKey == null || provided == null || accessKey.isEmpty() || provided.isEmpty()) {
                    throw new S3Exception(S3ErrorCode.AccessDenied);
                }
            } else {
                checkDates();
                String auth = r.headers().get("Authorization", "");
                int colon = auth.lastIndexOf(':');
                if (!auth.startsWith("AWS ") || colon < 0) {
                    throw new S3Exception(S3ErrorCode.AccessDenied);
                }
                accessKey = auth.substring(4, colon);
                provided = auth.substring(colon + 1);
            }
            String sts = stringToSign();
            SignatureDetails details = new SignatureDetails(accessKey, sts, provided, null);
            String secret = secretOf(accessKey, details);
            String expected = java.util.Base64.getEncoder()
                    .encodeToString(SigV2.hmacSha1(secret.getBytes(StandardCharsets.UTF_8), sts));
            if (!SigV4.same(expected, provided)) {
                throw details.mismatch();
            }
            return new S3Auth(accessKey, PayloadMode.UNSIGNED, null, null);
        }

        private void checkExpires() {
            double ex;
            try {
                ex = Double.parseDouble(r.query().get("Expires"));
            } catch (NumberFormatException | NullPointerException e) {
                throw new S3Exception(S3ErrorCode.AccessDenied);
            }
            if (now() > ex) {
                throw new S3Exception(S3ErrorCode.AccessDenied, "Request has expired");
            }
            if (ex >= 2147483648.0) {
                throw new S3Exception(
                        S3ErrorCode.AccessDenied,
                        "Invalid date (should be seconds since epoch): "
                                + r.query().get("Expires"));
            }
        }

        private void checkDates() {
            HttpHeaders h = r.headers();
            String date = h.get("Date");
            String amz = h.get("X-Amz-Date");
            if ((date == null || date.isEmpty()) && (amz == null || amz.isEmpty())) {
                throw new S3Exception(S3ErrorCode.AccessDenied, TIME_REQUIRED);
            }
            long t;
            String ts = r.query().get("Timestamp");
            if (query && ts != null) {
                try {
                    t = LocalDateTime.parse(ts, V2_TIMESTAMP).toEpochSecond(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    throw new S3Exception(S3ErrorCode.AccessDenied, TIME_REQUIRED);
                }
            } else {
                t = HttpDates.parse(amz != null ? amz : date);
            }
            if (t == HttpDates.INVALID) {
                throw new S3Exception(S3ErrorCode.AccessDenied, TIME_REQUIRED);
            }
            checkSkew(t);
        }

        private String stringToSign() {
            HttpHeaders h = r.headers();
            StringBuilder sb = new StringBuilder(256);
            sb.append(r.method()).append('\n');
            sb.append(h.get("Content-MD5", "").strip()).append('\n');
            sb.append(h.get("Content-Type", "").strip()).append('\n');
            Map<String, String> amz = new TreeMap<>();
            for (Map.Entry<String, String> e : h) {
                String k = e.getKey().toLowerCase(Locale.ROOT);
                if (k.startsWith("x-amz-")) {
                    amz.merge(k.strip(), e.getValue().strip(), (a, b) -> a + "," + b);
                }
            }
            if (query) {
                sb.append(r.query().get("Expires")).append('\n');
            } else if (amz.containsKey("x-amz-date")) {
                sb.append('\n');
            } else if (h.contains("Date")) {
                sb.append(h.get("Date")).append('\n');
            }
            for (Map.Entry<String, String> e : amz.entrySet()) {
                sb.append(e.getKey()).append(':').append(e.getValue()).append('\n');
            }
            String bucket = r.bucketInHost();
            sb.append(bucket == null ? r.rawPath() : "/" + bucket + r.rawPath());
            StringBuilder params = new StringBuilder();
            if (!r.query().raw().isEmpty()) {
                for (Map.Entry<String, String> e : r.query().all().entrySet()) {
                    if (SUB_RESOURCES.contains(e.getKey())) {
                        params.append(params.length() == 0 ? "?" : "&").append(e.getKey());
                        if (!e.getValue().isEmpty()) {
                            params.append('=').append(e.getValue());
                        }
                    }
                }
            }
            return sb.append(params).toString();
        }
    }
}
