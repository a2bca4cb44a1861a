package io.cairn.proxy.bulk;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * bulk's result documents (Swift's {@code get_response_body} and {@code ACCEPTABLE_FORMATS}), which {@code slo}
 * answers with too: {@code text/plain}, JSON or XML per {@code Accept}.
 *
 * <p>Thread-safety: stateless.
 */
public final class BulkResults {
    private BulkResults() {}

    /** bulk's {@code ACCEPTABLE_FORMATS}: the types of SLO and bulk result documents. */
    public static final List<String> FORMATS = List.of("text/plain", "application/json", "application/xml", "text/xml");

    /**
     * swob's {@code Accept.best_match(FORMATS)}: the first option the highest-ranked pattern matches;
     * the first option without an {@code Accept}; null when none is acceptable (or the header is malformed).
     */
    public static @Nullable String bestFormat(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return FORMATS.get(0);
        }
        List<String[]> types = new java.util.ArrayList<>();
        for (String part : accept.split(",")) {
            String[] t = acceptEntry(part);
            if (t == null) {
                return null;
            }
            if (Double.parseDouble(t[1]) > 0) {
                types.add(t);
            }
        }
        types.sort((a, b) -> Double.compare(Double.parseDouble(b[1]), Double.parseDouble(a[1])));
        for (String[] t : types) {
            String[] ts = t[0].split("/", 2);
            for (String option : FORMATS) {
                String[] os = option.split("/", 2);
                if ((ts[0].equals("*") || ts[0].equals(os[0])) && (ts[1].equals("*") || ts[1].equals(os[1]))) {
                    return option;
                }
            }
        }
        return null;
    }

    /** One {@code type/sub;q=x} of an Accept header as {type, q}; null when malformed. */
    private static String @Nullable [] acceptEntry(String part) {
        String[] pieces = part.split(";");
        String type = pieces[0].strip().toLowerCase(Locale.ROOT);
        double q = 1.0;
        for (int i = 1; i < pieces.length; i++) {
            String param = pieces[i].strip();
            if (param.startsWith("q=")) {
                try {
                    q = Double.parseDouble(param.substring(2));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        if (type.isEmpty() || type.indexOf('/') < 0) {
            return null;
        }
        return new String[] {type, Double.toString(q)};
    }

    /**
     * bulk's {@code get_response_body}: a result document (keys of {@code data} sorted, as Swift writes text
     * and XML; insertion order in JSON) with the per-object errors {@code [name, status]}.
     */
    public static String body(String format, java.util.Map<String, Object> data, List<String[]> errors, String root) {
        if (format.equals("application/json")) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>(data);
            List<Object> list = new java.util.ArrayList<>();
            for (String[] e : errors) {
                list.add(List.of(e[0], e[1]));
            }
            m.put("Errors", list);
            return io.cairn.common.codec.Json.write(m);
        }
        StringBuilder sb = new StringBuilder();
        java.util.TreeMap<String, Object> sorted = new java.util.TreeMap<>(data);
        if (format.endsWith("/xml")) {
            sb.append('<').append(root).append(">\n");
            sorted.forEach((k, v) -> {
                String tag = k.replace(' ', '_').toLowerCase(Locale.ROOT);
                sb.append('<')
                        .append(tag)
                        .append('>')
                        .append(xmlEscape(String.valueOf(v)))
                        .append("</")
                        .append(tag)
                        .append(">\n");
            });
            sb.append("<errors>\n");
            for (String[] e : errors) {
                sb.append("<object><name>")
                        .append(xmlEscape(e[0]))
                        .append("</name><status>")
                        .append(xmlEscape(e[1]))
                        .append("</status></object>\n");
            }
            return sb.append("</errors>\n</").append(root).append(">\n").toString();
        }
        sorted.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        sb.append("Errors:\n");
        for (String[] e : errors) {
            sb.append(e[0]).append(", ").append(e[1]).append('\n');
        }
        return sb.toString();
    }

    /**
     * The summary of a bulk delete, which {@code slo}'s {@code multipart-manifest=delete} answers with too: Swift's
     * {@code resp_dict} keys in its order, ready for {@link #body}.
     */
    public static java.util.Map<String, Object> deleteSummary(String status, String body, long deleted, long notFound) {
        java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("Response Status", status);
        doc.put("Response Body", body);
        doc.put("Number Deleted", deleted);
        doc.put("Number Not Found", notFound);
        return doc;
    }

    /** {@code saxutils.escape}. */
    static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
