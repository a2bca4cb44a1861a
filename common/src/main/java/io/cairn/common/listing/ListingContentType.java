package io.cairn.common.listing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code get_listing_content_type} with swob's {@code Accept.best_match}: a non-blank {@code
 * format} parameter replaces the Accept header ({@code plain}/{@code json}/{@code xml}, anything else means
 * plain); the Accept header's media ranges are ordered by quality, then exact types before wildcards
 * (stable otherwise; {@code q=0} is not an exclusion in swob), and the first of {@code text/plain,
 * application/json, application/xml, text/xml} matching the first range wins. A malformed header is 400
 * {@code Invalid Accept header}; no match is 406.
 *
 * <p>Stateless and thread-safe.
 */
public final class ListingContentType {
    public static final String TEXT_PLAIN = "text/plain";
    public static final String APPLICATION_JSON = "application/json";
    public static final String APPLICATION_XML = "application/xml";
    public static final String TEXT_XML = "text/xml";

    private static final List<String> OPTIONS = List.of(TEXT_PLAIN, APPLICATION_JSON, APPLICATION_XML, TEXT_XML);

    // RFC 2616 section 2.2, exactly as swob spells it
    private static final String TOKEN = "[^()<>@,;:\\\\\"/\\[\\]?={}\\x00-\\x20\\x7f]+";
    private static final String QUOTED_STRING = "\"(?:[^\"\\\\]|(?:\\\\.))*\"";
    private static final String EXTENSION =
            "(?:\\s*;\\s*(?:" + TOKEN + ")\\s*=\\s*(?:" + TOKEN + "|" + QUOTED_STRING + "))";
    private static final Pattern MEDIA_RANGE =
            Pattern.compile("^\\s*(" + TOKEN + ")/(" + TOKEN + ")(" + EXTENSION + "*?\\s*)$", Pattern.DOTALL);
    private static final Pattern PYTHON_FLOAT = Pattern.compile(
            "\\s*[+-]?((\\d(_?\\d)*)?\\.?\\d(_?\\d)*([eE][+-]?\\d(_?\\d)*)?|(\\d(_?\\d)*)\\.|inf|infinity|nan)\\s*",
            Pattern.CASE_INSENSITIVE);

    private ListingContentType() {}

    /**
     * The media type of the listing (without charset).
     *
     * @param format the {@code format} parameter (already UTF-8 checked), or null
     * @param accept the {@code Accept} header, or null
     * @throws ListingException 400 for a malformed Accept header, 406 when nothing is acceptable
     */
    public static String negotiate(@Nullable String format, @Nullable String accept) throws ListingException {
        String header = accept;
        if (format != null && !format.isEmpty()) {
            switch (format.toLowerCase(Locale.ROOT)) {
                case "json" -> header = APPLICATION_JSON;
                case "xml" -> header = APPLICATION_XML;
                default -> header = TEXT_PLAIN;
            }
        }
        List<Pattern> ranges = parse(header);
        if (ranges.isEmpty()) {
            return OPTIONS.get(0);
        }
        for (Pattern range : ranges) {
            for (String option : OPTIONS) {
                if (range.matcher(option).matches()) {
                    return option;
                }
            }
        }
        throw new ListingException(406, "<html><h1>Not Acceptable</h1><p>The request is not acceptable.</p></html>");
    }

    private record Range(Pattern pattern, double quality, boolean exact, int position) {}

    private static List<Pattern> parse(@Nullable String header) throws ListingException {
        List<Pattern> result = new ArrayList<>();
        if (header == null || header.isEmpty()) {
            return result;
        }
        List<Range> ranges = new ArrayList<>();
        String[] parts = header.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            Matcher m = MEDIA_RANGE.matcher(parts[i]);
            if (!m.matches()) {
                throw invalid();
            }
            String type = m.group(1);
            String subtype = m.group(2);
            double quality = quality(m.group(3));
            String pattern = (type.equals("*") ? TOKEN : Pattern.quote(type)) + "/"
                    + (subtype.equals("*") ? TOKEN : Pattern.quote(subtype));
            ranges.add(new Range(Pattern.compile(pattern), quality, !type.equals("*") && !subtype.equals("*"), i));
        }
        // Python: sort(reverse=True, key=(quality, exact)) — stable, so equal keys keep header order
        ranges.sort((a, b) -> {
            int byQuality = Double.compare(b.quality(), a.quality());
            if (byQuality != 0) {
                return byQuality;
            }
            int byExact = Boolean.compare(b.exact(), a.exact());
            return byExact != 0 ? byExact : Integer.compare(a.position(), b.position());
        });
        for (Range r : ranges) {
            result.add(r.pattern());
        }
        return result;
    }

    private static double quality(String params) throws ListingException {
        double quality = 1.0;
        boolean seenQ = false;
        for (String param : params.split(";", -1)) {
            String p = param.strip();
            if (p.isEmpty()) {
                continue;
            }
            String[] nameValue = p.split("=", -1);
            if (nameValue.length != 2) {
                throw invalid();
            }
            if (nameValue[0].strip().equals("q")) {
                if (seenQ) {
                    throw invalid();
                }
                seenQ = true;
                quality = pythonFloat(nameValue[1].strip());
            }
        }
        return quality;
    }

    private static double pythonFloat(String value) throws ListingException {
        if (!PYTHON_FLOAT.matcher(value).matches()) {
            throw invalid();
        }
        String v = value.strip().replace("_", "").toLowerCase(Locale.ROOT);
        String unsigned = v.startsWith("-") || v.startsWith("+") ? v.substring(1) : v;
        double sign = v.startsWith("-") ? -1 : 1;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        return Double.parseDouble(v);
    }

    private static ListingException invalid() {
        return new ListingException(400, "Invalid Accept header");
    }
}
