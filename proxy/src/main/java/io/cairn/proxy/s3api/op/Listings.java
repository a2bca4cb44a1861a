package io.cairn.proxy.s3api.op;

import io.cairn.common.codec.Json;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.netty.handler.codec.http.FullHttpResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reading Swift's JSON listings and writing their values as S3 shows them (s3api's {@code S3Timestamp} and
 * listing ETag rules).
 *
 * <p>Stateless.
 */
final class Listings {
    private static final DateTimeFormatter S3_XML =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'.000Z'", Locale.ROOT);

    private Listings() {}

    /** The JSON array of a listing answer. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parse(FullHttpResponse r) {
        if (r.status().code() == 204 || !r.content().isReadable()) {
            return List.of();
        }
        try {
            Object o = Json.parse(r.content().toString(StandardCharsets.UTF_8));
            if (o instanceof List<?> l) {
                return (List<Map<String, Object>>) l;
            }
        } catch (Json.JsonException e) {
            // fall through
        }
        throw new S3Exception(S3ErrorCode.InternalError, "unreadable listing");
    }

    static String string(Map<String, Object> item, String key) {
        Object v = item.get(key);
        return v == null ? "" : v.toString();
    }

    static long number(Map<String, Object> item, String key) {
        Object v = item.get(key);
        return v instanceof Number n ? n.longValue() : 0;
    }

    /** s3api's {@code S3Timestamp.from_isoformat(...).s3xmlformat}: rounded up to the second. */
    static String s3Time(String isoformat) {
        try {
            int dot = isoformat.indexOf('.');
            LocalDateTime t = LocalDateTime.parse(dot < 0 ? isoformat : isoformat.substring(0, dot));
            if (dot >= 0 && !isoformat.substring(dot + 1).matches("0*")) {
                t = t.plusSeconds(1);
            }
            return S3_XML.format(t);
        } catch (RuntimeException e) {
            return isoformat;
        }
    }

    /** An X-Timestamp / epoch seconds value as S3's XML time (rounded up). */
    static String s3TimeOfEpoch(String timestamp) {
        BigDecimal d = new BigDecimal(timestamp).setScale(0, RoundingMode.CEILING);
        return S3_XML.format(LocalDateTime.ofInstant(Instant.ofEpochSecond(d.longValue()), ZoneOffset.UTC));
    }

    /** The ETag a listing shows: the stored S3 ETag, an SLO's {@code -N} form, else the quoted hash. */
    static String listingEtag(Map<String, Object> o) {
        String hash = string(o, "hash");
        String s3 = param(hash, "s3_etag");
        if (s3 != null) {
            return "\"" + s3 + "\"";
        }
        Object slo = o.get("slo_etag");
        String sloEtag = slo != null ? slo.toString() : param(hash, "slo_etag");
        if (sloEtag != null) {
            return "\"" + strip(sloEtag) + "-N\"";
        }
        int semi = hash.indexOf(';');
        String etag = semi < 0 ? hash : hash.substring(0, semi).strip();
        if (etag.length() < 2 || etag.charAt(0) != '"' || etag.charAt(etag.length() - 1) != '"') {
            etag = "\"" + etag + "\"";
        }
        return etag;
    }

    private static String strip(String s) {
        String t = s;
        while (t.startsWith("\"")) {
            t = t.substring(1);
        }
        while (t.endsWith("\"")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    /** A {@code ; name=value} parameter of a header-like value, or null. */
    static @Nullable String param(String value, String name) {
        for (String part : value.split(";")) {
            String p = part.strip();
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        return null;
    }
}
