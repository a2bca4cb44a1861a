package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.s3api.xml.XmlNode;
import io.cairn.proxy.s3api.xml.XmlWriter;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A bucket's CORS configuration (PutBucketCors's {@code CORSConfiguration}), validated as AWS does, kept in
 * container sysmeta ({@link #SYSMETA}, a {@link StoredDocument}; s3api 2.30.1 has no CORS, so the name is
 * Cairn's), and matched against preflights and actual requests: the first rule whose {@code AllowedOrigin} (one
 * {@code *} wildcard, case-sensitive), {@code AllowedMethod} and, for a preflight, every requested header ({@code
 * AllowedHeader}, case-insensitive, one wildcard) match.
 *
 * <p>Immutable.
 *
 * @param rules the rules, in order
 */
record CorsConfiguration(List<Rule> rules) {
    /** Where the configuration is kept (parts {@code -0} … {@code -15}). */
    static final String SYSMETA = "X-Container-Sysmeta-S3Api-Cors";

    /** AWS's limits: rules per configuration, bytes of the document. */
    static final int MAX_RULES = 100;

    static final int MAX_BODY = 64 * 1024;

    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "HEAD");

    /**
     * One {@code CORSRule}.
     *
     * @param id its {@code ID}, or null
     * @param origins {@code AllowedOrigin}s
     * @param methods {@code AllowedMethod}s
     * @param headers {@code AllowedHeader}s
     * @param expose {@code ExposeHeader}s
     * @param maxAge {@code MaxAgeSeconds}, or null
     */
    record Rule(
            @Nullable String id,
            List<String> origins,
            List<String> methods,
            List<String> headers,
            List<String> expose,
            @Nullable Long maxAge) {
        Rule {
            origins = List.copyOf(origins);
            methods = List.copyOf(methods);
            headers = List.copyOf(headers);
            expose = List.copyOf(expose);
        }

        boolean allowsOrigin(String origin) {
            for (String o : origins) {
                if (wildcard(o, origin, false)) {
                    return true;
                }
            }
            return false;
        }

        boolean allowsHeader(String header) {
            for (String h : headers) {
                if (wildcard(h, header, true)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the rule's only origin matching {@code origin} is {@code *} (AWS then answers {@code *}). */
        boolean anyOrigin() {
            return origins.contains("*");
        }
    }

    CorsConfiguration {
        rules = List.copyOf(rules);
    }

    /** A {@code CORSConfiguration} document, checked as AWS checks it. */
    static CorsConfiguration fromXml(byte[] xml) {
        XmlNode root = RequestBody.document(xml, "CORSConfiguration", S3ErrorCode.MalformedXML);
        List<Rule> rules = new ArrayList<>();
        for (XmlNode r : root.children()) {
            if (!r.name().equals("CORSRule")) {
                throw new S3Exception(S3ErrorCode.MalformedXML);
            }
            rules.add(rule(r));
        }
        if (rules.isEmpty() || rules.size() > MAX_RULES) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        return new CorsConfiguration(rules);
    }

    private static Rule rule(XmlNode r) {
        String id = null;
        Long maxAge = null;
        List<String> origins = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        List<String> expose = new ArrayList<>();
        for (XmlNode c : r.children()) {
            String text = c.text();
            switch (c.name()) {
                case "ID" -> {
                    if (id != null || text.length() > 255) {
                        throw new S3Exception(S3ErrorCode.MalformedXML);
                    }
                    id = text;
                }
                case "AllowedOrigin" -> {
                    if (count(text, '*') > 1) {
                        throw new S3Exception(
                                S3ErrorCode.InvalidRequest,
                                "AllowedOrigin \"" + text + "\" can not have more than one wildcard.");
                    }
                    origins.add(text);
                }
                case "AllowedMethod" -> {
                    if (!METHODS.contains(text)) {
                        throw new S3Exception(
                                S3ErrorCode.InvalidRequest,
                                "Found unsupported HTTP method in CORS config. Unsupported method is " + text);
                    }
                    methods.add(text);
                }
                case "AllowedHeader" -> {
                    if (count(text, '*') > 1) {
                        throw new S3Exception(
                                S3ErrorCode.InvalidRequest,
                                "AllowedHeader \"" + text + "\" can not have more than one wildcard.");
                    }
                    headers.add(text);
                }
                case "ExposeHeader" -> {
                    if (text.contains("*")) {
                        throw new S3Exception(
                                S3ErrorCode.InvalidRequest,
                                "ExposeHeader \"" + text
                                        + "\" contains wildcard. We currently do not support wildcard for"
                                        + " ExposeHeader.");
                    }
                    expose.add(text);
                }
                case "MaxAgeSeconds" -> {
                    if (maxAge != null) {
                        throw new S3Exception(S3ErrorCode.MalformedXML);
                    }
                    try {
                        maxAge = Long.parseLong(text.strip());
                    } catch (NumberFormatException e) {
                        throw new S3Exception(S3ErrorCode.MalformedXML);
                    }
                }
                default -> throw new S3Exception(S3ErrorCode.MalformedXML);
            }
        }
        if (origins.isEmpty() || methods.isEmpty()) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        return new Rule(id, origins, methods, headers, expose, maxAge);
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /** {@code pattern} (at most one {@code *}, matching any run of characters) against {@code value}. */
    static boolean wildcard(String pattern, String value, boolean ignoreCase) {
        String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        String v = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
        int star = p.indexOf('*');
        if (star < 0) {
            return p.equals(v);
        }
        String prefix = p.substring(0, star);
        String suffix = p.substring(star + 1);
        return v.length() >= prefix.length() + suffix.length() && v.startsWith(prefix) && v.endsWith(suffix);
    }

    /**
     * The first rule allowing {@code origin}, {@code method} and every one of {@code requestHeaders} (a preflight's
     * {@code Access-Control-Request-Headers}; none for an actual request), or null.
     */
    @Nullable
    Rule match(String origin, String method, List<String> requestHeaders) {
        for (Rule r : rules) {
            if (!r.allowsOrigin(origin) || !r.methods().contains(method)) {
                continue;
            }
            boolean all = true;
            for (String h : requestHeaders) {
                if (!r.allowsHeader(h)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return r;
            }
        }
        return null;
    }

    /** The headers {@code Access-Control-Request-Headers} names (comma separated, trimmed, lower-case). */
    static List<String> requestHeaders(@Nullable String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String h : value.split(",")) {
            String t = h.strip();
            if (!t.isEmpty()) {
                out.add(t.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /**
     * The CORS headers of an answer {@code rule} allows, as AWS sends them: the origin (or {@code *} for a rule
     * allowing any and then no credentials), the rule's methods, exposed headers and max age, and {@code Vary}.
     */
    static void allow(Rule rule, String origin, HttpHeaders out) {
        if (rule.anyOrigin()) {
            out.set("Access-Control-Allow-Origin", "*");
        } else {
            out.set("Access-Control-Allow-Origin", origin);
            out.set("Access-Control-Allow-Credentials", "true");
        }
        out.set("Access-Control-Allow-Methods", String.join(", ", rule.methods()));
        if (!rule.expose().isEmpty()) {
            out.set("Access-Control-Expose-Headers", String.join(", ", rule.expose()));
        }
        Long age = rule.maxAge();
        if (age != null) {
            out.set("Access-Control-Max-Age", Long.toString(age));
        }
        String vary = out.get("Vary");
        String ours = "Origin, Access-Control-Request-Headers, Access-Control-Request-Method";
        out.set("Vary", vary == null || vary.isEmpty() ? ours : vary + ", " + ours);
    }

    /** The document GetBucketCors answers (and the stored form). */
    String toXml() {
        XmlWriter w = new XmlWriter().openRoot("CORSConfiguration");
        for (Rule r : rules) {
            w.open("CORSRule");
            for (String h : r.headers()) {
                w.element("AllowedHeader", h);
            }
            for (String m : r.methods()) {
                w.element("AllowedMethod", m);
            }
            for (String o : r.origins()) {
                w.element("AllowedOrigin", o);
            }
            for (String e : r.expose()) {
                w.element("ExposeHeader", e);
            }
            String id = r.id();
            if (id != null) {
                w.element("ID", id);
            }
            Long age = r.maxAge();
            if (age != null) {
                w.element("MaxAgeSeconds", Long.toString(age));
            }
            w.close("CORSRule");
        }
        return w.close("CORSConfiguration").toString();
    }

    /** The stored document read back; null when there is none (or it is unreadable). */
    static @Nullable CorsConfiguration fromStored(@Nullable String xml) {
        if (xml == null) {
            return null;
        }
        try {
            return fromXml(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (S3Exception e) {
            return null;
        }
    }
}
