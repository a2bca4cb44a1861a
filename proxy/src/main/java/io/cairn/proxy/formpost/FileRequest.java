package io.cairn.proxy.formpost;

import io.cairn.common.codec.PythonInts;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftPath;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One file's PUT as Swift's {@code _perform_subrequest} builds it from the form's fields, or the refusal its checks
 * give, in Swift's order: no keys (401), {@code max_file_size}, {@code x_delete_at}, {@code x_delete_after} (400),
 * {@code expires} (400 when not an integer, 401 when past), the signature (401).
 *
 * <p>Immutable.
 *
 * @param path the object: the request's path, a {@code /} when it names only a container, and the file's name
 * @param headers the PUT's headers (chunked, with the fields' type, encoding and expiry)
 * @param maxFileSize the most bytes the file may have
 * @param refusal the answer instead of the PUT, or null
 */
record FileRequest(
        @Nullable SwiftPath path,
        HttpHeaders headers,
        long maxFileSize,
        @Nullable FullHttpResponse refusal) {

    private static FileRequest refused(FullHttpResponse refusal) {
        return new FileRequest(null, new DefaultHttpHeaders(), 0, refusal);
    }

    /**
     * @param file the form's fields so far with {@code filename} and the part's own type and encoding
     * @param nowMillis the time, for {@code expires}
     */
    static FileRequest check(Map<String, String> file, List<String> keys, FormContext form, long nowMillis) {
        Exchange ex = form.exchange();
        if (keys.isEmpty()) {
            return refused(FormAnswers.unauthorized("invalid signature"));
        }
        BigInteger maxFileSize = FormPostOperation.intOf(file.get("max_file_size"));
        if (maxFileSize == null) {
            return refused(FormAnswers.invalid("max_file_size not an integer"));
        }
        HttpHeaders h = new DefaultHttpHeaders();
        h.set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
        String agent = (ex.headers().get(HttpHeaderNames.USER_AGENT, "") + " FormPost").strip();
        h.set(HttpHeaderNames.USER_AGENT, agent);
        String origin = ex.headers().get(HttpHeaderNames.ORIGIN);
        if (origin != null) {
            h.set(HttpHeaderNames.ORIGIN, origin);
        }
        FullHttpResponse bad = expiryHeaders(file, h);
        if (bad != null) {
            return refused(bad);
        }
        if (file.containsKey("content-type")) {
            String type = file.get("content-type");
            h.set(HttpHeaderNames.CONTENT_TYPE, type == null || type.isEmpty() ? "application/octet-stream" : type);
        }
        if (file.containsKey("content-encoding")) {
            h.set(HttpHeaderNames.CONTENT_ENCODING, file.getOrDefault("content-encoding", ""));
        }
        BigInteger expires = FormPostOperation.intOf(file.get("expires"));
        if (expires == null) {
            return refused(FormAnswers.invalid("expired not an integer"));
        }
        if (expires.multiply(BigInteger.valueOf(1000)).compareTo(BigInteger.valueOf(nowMillis)) < 0) {
            return refused(FormAnswers.unauthorized("form expired"));
        }
        String message = FormSignature.message(
                form.pathInfo(),
                orDefault(file.get("redirect"), ""),
                orDefault(file.get("max_file_size"), "0"),
                orDefault(file.get("max_file_count"), "0"),
                orDefault(file.get("expires"), "0"));
        if (!FormSignature.valid(
                file.getOrDefault("signature", ""),
                message,
                keys,
                form.digests().allowed())) {
            return refused(FormAnswers.unauthorized("invalid signature"));
        }
        long max = maxFileSize.bitLength() < 63 ? maxFileSize.longValue() : maxFileSize.signum() * Long.MAX_VALUE;
        return new FileRequest(objectPath(form, ex, file.getOrDefault("filename", "filename")), h, max, null);
    }

    /** {@code x_delete_at} and {@code x_delete_after} as integers, or Swift's 400 when one is not. */
    private static @Nullable FullHttpResponse expiryHeaders(Map<String, String> file, HttpHeaders h) {
        String at = file.get("x_delete_at");
        if (at != null) {
            BigInteger v = PythonInts.parse(at);
            if (v == null) {
                return FormAnswers.invalid("x_delete_at not an integer: Unix timestamp required.");
            }
            h.set("X-Delete-At", v.toString());
        }
        String after = file.get("x_delete_after");
        if (after != null) {
            BigInteger v = PythonInts.parse(after);
            if (v == null) {
                return FormAnswers.invalid("x_delete_after not an integer: Number of seconds required.");
            }
            h.set("X-Delete-After", v.toString());
        }
        return null;
    }

    /** Python's {@code value or default}. */
    private static String orDefault(@Nullable String value, String dflt) {
        return value == null || value.isEmpty() ? dflt : value;
    }

    /** {@code PATH_INFO}, a {@code /} when it has fewer than four, then the file's name. */
    private static SwiftPath objectPath(FormContext form, Exchange ex, String filename) {
        String p = form.pathInfo();
        long slashes = p.chars().filter(c -> c == '/').count();
        if (!p.endsWith("/") && slashes < 4) {
            p += "/";
        }
        p += filename.isEmpty() ? "filename" : filename;
        String[] segs = p.split("/", 5);
        SwiftPath here = ex.path();
        String container = segs.length > 3 ? segs[3] : here.containerName();
        String object = segs.length > 4 ? segs[4] : "";
        return new SwiftPath(here.version(), here.account(), container, object, "");
    }
}
