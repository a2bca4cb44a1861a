package io.cairn.bench.client;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 in the {@code Authorization} header, for the generator's S3 requests: signs {@code host},
 * {@code x-amz-content-sha256} and {@code x-amz-date} (what the AWS CLI signs for a plain GET or PUT; the payload hash
 * is {@code UNSIGNED-PAYLOAD} unless the request already carries one). Built for a hot path: the signing key and the
 * {@code Authorization} prefix are derived once per UTC day, {@code x-amz-date} once per second, and each thread keeps
 * its own SHA-256 digest, HMAC (keyed once per day) and byte buffer, so a request costs one SHA-256 of its canonical
 * request (~250 bytes), one HMAC of the string to sign, the hex signature and the header value. Thread-safe.
 */
public final class SigV4Signer implements RequestSigner {
    /** {@code x-amz-date}. */
    public static final AsciiString X_AMZ_DATE = AsciiString.cached("x-amz-date");
    /** {@code x-amz-content-sha256}. */
    public static final AsciiString X_AMZ_CONTENT_SHA256 = AsciiString.cached("x-amz-content-sha256");
    /** The payload hash of a request whose body is not signed. */
    public static final AsciiString UNSIGNED_PAYLOAD = AsciiString.cached("UNSIGNED-PAYLOAD");

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final String[] SIGNED_HEADERS = {"host", "x-amz-content-sha256", "x-amz-date"};
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final String accessKey;
    private final String secret;
    private final String region;
    private final String service;
    private final LongSupplier epochMillis;
    private volatile Day day;
    private volatile Second second;
    private final ThreadLocal<Work> work = ThreadLocal.withInitial(Work::new);

    /**
     * @param accessKey the access key id ({@code test:tester} with tempauth)
     * @param secret the secret key ({@code testing})
     * @param region the scope's region ({@code us-east-1}, s3api's default {@code location})
     * @param epochMillis the clock (milliseconds since the epoch); {@code System::currentTimeMillis} outside tests
     */
    public SigV4Signer(String accessKey, String secret, String region, LongSupplier epochMillis) {
        if (accessKey.isEmpty() || accessKey.contains("/") || region.isEmpty() || region.contains("/")) {
            throw new IllegalArgumentException("access key and region must be non-empty and contain no '/'");
        }
        this.accessKey = accessKey;
        this.secret = secret;
        this.region = region;
        this.service = "s3";
        this.epochMillis = epochMillis;
        long now = epochMillis.getAsLong() / 1000;
        this.second = new Second(now);
        this.day = newDay(second.amzDate.substring(0, 8));
    }

    /**
     * Signs {@code request}: sets {@code x-amz-date}, {@code x-amz-content-sha256} (to {@code UNSIGNED-PAYLOAD} when
     * absent) and {@code Authorization}. The request's {@code Host} header must be set; its URI must be the canonical
     * (already URI-encoded) path, optionally with a query of already-encoded {@code k=v} pairs.
     */
    @Override
    public void sign(HttpRequest request) {
        HttpHeaders h = request.headers();
        String host = h.get(HttpHeaderNames.HOST);
        if (host == null) {
            throw new IllegalArgumentException("an S3 request needs its Host header before it is signed");
        }
        String payload = h.get(X_AMZ_CONTENT_SHA256);
        if (payload == null) {
            h.set(X_AMZ_CONTENT_SHA256, UNSIGNED_PAYLOAD);
            payload = UNSIGNED_PAYLOAD.toString();
        }
        Second s = secondNow();
        Day d = dayOf(s);
        String uri = request.uri();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String query = q < 0 ? "" : canonicalQuery(uri.substring(q + 1));
        Work w = work.get();
        String[] values = w.values;
        values[0] = host.strip();
        values[1] = payload;
        values[2] = s.amzDate;
        String signature =
                w.signature(d, new Target(request.method().name(), path, query), SIGNED_HEADERS, values, payload, s);
        h.set(X_AMZ_DATE, s.amzDateValue);
        h.set(HttpHeaderNames.AUTHORIZATION, d.authorizationPrefix + signature);
    }

    /**
     * The hex signature of a request with the given canonical parts (for tests and for requests that sign more
     * headers): {@code headerNames} lower-case and sorted, {@code headerValues} trimmed, {@code amzDate} as
     * {@code yyyyMMdd'T'HHmmss'Z'}.
     */
    public String signature(
            String method,
            String path,
            String canonicalQuery,
            String[] headerNames,
            String[] headerValues,
            String payloadHash,
            String amzDate) {
        Day d = newDay(amzDate.substring(0, 8));
        Second s = new Second(amzDate);
        return new Work()
                .signature(d, new Target(method, path, canonicalQuery), headerNames, headerValues, payloadHash, s);
    }

    /** {@code k=v} pairs sorted by name, a bare {@code k} as {@code k=}; the parts must be URI-encoded already. */
    static String canonicalQuery(String query) {
        if (query.isEmpty()) {
            return "";
        }
        String[] pairs = query.split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            if (pairs[i].indexOf('=') < 0) {
                pairs[i] = pairs[i] + "=";
            }
        }
        Arrays.sort(pairs);
        return String.join("&", pairs);
    }

    private Second secondNow() {
        long now = epochMillis.getAsLong() / 1000;
        Second s = second;
        if (s.epochSecond != now) {
            s = new Second(now);
            second = s;
        }
        return s;
    }

    private Day dayOf(Second s) {
        Day d = day;
        if (!s.amzDate.startsWith(d.date)) {
            d = newDay(s.amzDate.substring(0, 8));
            day = d;
        }
        return d;
    }

    private Day newDay(String date) {
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        k = hmac(k, region);
        k = hmac(k, service);
        k = hmac(k, "aws4_request");
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        return new Day(date, new SecretKeySpec(k, "HmacSHA256"), scope, accessKey);
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The request line's canonical parts. */
    private record Target(String method, String path, String query) {}

    /** One UTC day's signing key, scope and {@code Authorization} prefix. Immutable. */
    private static final class Day {
        final String date;
        final SecretKeySpec key;
        final String scope;
        final String authorizationPrefix;

        Day(String date, SecretKeySpec key, String scope, String accessKey) {
            this.date = date;
            this.key = key;
            this.scope = scope;
            this.authorizationPrefix = ALGORITHM + " Credential=" + accessKey + "/" + scope + ", SignedHeaders="
                    + String.join(";", SIGNED_HEADERS) + ", Signature=";
        }
    }

    /** One second's {@code x-amz-date}. Immutable. */
    private static final class Second {
        final long epochSecond;
        final String amzDate;
        final AsciiString amzDateValue;

        Second(long epochSecond) {
            this.epochSecond = epochSecond;
            LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
            this.amzDate = String.format(
                    Locale.ROOT,
                    "%04d%02d%02dT%02d%02d%02dZ",
                    t.getYear(),
                    t.getMonthValue(),
                    t.getDayOfMonth(),
                    t.getHour(),
                    t.getMinute(),
                    t.getSecond());
            this.amzDateValue = new AsciiString(amzDate);
        }

        Second(String amzDate) {
            this.epochSecond = -1;
            this.amzDate = amzDate;
            this.amzDateValue = new AsciiString(amzDate);
        }
    }

    /** One thread's digest, HMAC and buffer. Confined to its thread. */
    private static final class Work {
        final MessageDigest sha256;
        final Mac mac;
        final String[] values = new String[SIGNED_HEADERS.length];
        byte[] buf = new byte[512];
        int len;

        @org.jspecify.annotations.Nullable
        Day macDay;

        Work() {
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
                this.mac = Mac.getInstance("HmacSHA256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 and HmacSHA256 are part of every JDK", e);
            }
        }

        String signature(Day d, Target t, String[] names, String[] values, String payload, Second s) {
            // the canonical request
            len = 0;
            ascii(t.method()).nl();
            ascii(t.path()).nl();
            ascii(t.query()).nl();
            for (int i = 0; i < names.length; i++) {
                ascii(names[i]).put((byte) ':').ascii(values[i]).nl();
            }
            nl();
            for (int i = 0; i < names.length; i++) {
                if (i > 0) {
                    put((byte) ';');
                }
                ascii(names[i]);
            }
            nl();
            ascii(payload);
            sha256.update(buf, 0, len);
            byte[] canonicalHash = sha256.digest();
            // the string to sign
            len = 0;
            ascii(ALGORITHM).nl().ascii(s.amzDate).nl().ascii(d.scope).nl().hex(canonicalHash);
            if (macDay != d) {
                try {
                    mac.init(d.key);
                } catch (InvalidKeyException e) {
                    throw new IllegalStateException("an HmacSHA256 key of 32 bytes is valid", e);
                }
                macDay = d;
            }
            mac.update(buf, 0, len);
            byte[] sig = mac.doFinal();
            len = 0;
            hex(sig);
            return new String(buf, 0, len, StandardCharsets.US_ASCII);
        }

        private Work ascii(String s) {
            int n = s.length();
            ensure(n);
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c > 0x7f) {
                    throw new IllegalArgumentException("the generator signs ASCII requests only: " + s);
                }
                buf[len++] = (byte) c;
            }
            return this;
        }

        private Work hex(byte[] b) {
            ensure(b.length * 2);
            for (byte x : b) {
                buf[len++] = HEX[(x >> 4) & 0xf];
                buf[len++] = HEX[x & 0xf];
            }
            return this;
        }

        private Work nl() {
            return put((byte) '\n');
        }

        private Work put(byte b) {
            ensure(1);
            buf[len++] = b;
            return this;
        }

        private void ensure(int n) {
            if (len + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
            }
        }
    }
}
