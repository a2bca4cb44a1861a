package io.cairn.common.listing;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of one account or container listing, validated as Swift 2.30.1 validates them
 * ({@code validate_container_params}, {@code constrain_req_limit}, the account server's {@code GET}): each
 * text parameter must be UTF-8 (400, checked in Swift's order so the same parameter is blamed), {@code
 * limit} of digits only is used when ≤ the maximum and is a 412 {@code Maximum limit is N} above it, any
 * other {@code limit} is ignored (the maximum applies), {@code reverse} is one of Swift's true values, and
 * the output content type is negotiated from {@code format} and {@code Accept}.
 *
 * <p>Text values keep Swift's distinction between absent (null) and blank ({@code ""}): a blank {@code
 * path} still selects path mode. Immutable and thread-safe.
 */
public final class ListingParams {
    /** Swift's {@code CONTAINER_LISTING_LIMIT} and {@code ACCOUNT_LISTING_LIMIT} default. */
    public static final int DEFAULT_MAX_LIMIT = 10_000;

    private static final Set<String> TRUE_VALUES = Set.of("true", "1", "yes", "on", "t", "y");

    private final @Nullable String prefix;
    private final @Nullable String delimiter;
    private final @Nullable String marker;
    private final @Nullable String endMarker;
    private final @Nullable String path;
    private final boolean reverse;
    private final int limit;
    private final ListingFormat format;
    private final String contentType;
    private final boolean formatGiven;

    private ListingParams(Builder b) {
        this.prefix = b.prefix;
        this.delimiter = b.delimiter;
        this.marker = b.marker;
        this.endMarker = b.endMarker;
        this.path = b.path;
        this.reverse = b.reverse;
        this.limit = b.limit;
        this.format = b.format;
        this.contentType = b.contentType;
        this.formatGiven = b.formatGiven;
    }

    /**
     * A container listing's parameters, in the order Swift's container server checks them (marker,
     * end_marker, prefix, delimiter, path, format, reverse, then limit, then the content type).
     *
     * @param rawQuery the percent-encoded query string without {@code ?}, or null
     * @param accept the request's {@code Accept} header, or null
     * @param maxLimit {@code container_listing_limit} (Swift: 10000)
     * @throws ListingException 400 (not UTF-8, bad Accept), 406 (nothing acceptable), 412 (limit too large)
     */
    public static ListingParams forContainer(@Nullable String rawQuery, @Nullable String accept, int maxLimit)
            throws ListingException {
        QueryParameters q = QueryParameters.parse(rawQuery);
        Builder b = new Builder();
        b.marker = q.get("marker");
        b.endMarker = q.get("end_marker");
        b.prefix = q.get("prefix");
        b.delimiter = q.get("delimiter");
        b.path = q.get("path");
        String format = q.get("format");
        b.reverse = isTrue(q.get("reverse"));
        q.get("states");
        q.get("includes");
        b.limit = limit(q, maxLimit);
        b.contentType(ListingContentType.negotiate(format, accept));
        b.formatGiven = q.contains("format");
        return new ListingParams(b);
    }

    /**
     * An account listing's parameters, in the order Swift's account server checks them (prefix, delimiter,
     * reverse, limit, marker, end_marker, then format and the content type). {@code path} is not an
     * account parameter and stays null.
     *
     * @throws ListingException as {@link #forContainer}
     */
    public static ListingParams forAccount(@Nullable String rawQuery, @Nullable String accept, int maxLimit)
            throws ListingException {
        QueryParameters q = QueryParameters.parse(rawQuery);
        Builder b = new Builder();
        b.prefix = q.get("prefix");
        b.delimiter = q.get("delimiter");
        b.reverse = isTrue(q.get("reverse"));
        b.limit = limit(q, maxLimit);
        b.marker = q.get("marker");
        b.endMarker = q.get("end_marker");
        b.contentType(ListingContentType.negotiate(q.get("format"), accept));
        b.formatGiven = q.contains("format");
        return new ListingParams(b);
    }

    /** Parameters built directly (tests, internal callers); {@code limit} must be ≥ 0. */
    public static ListingParams of(
            @Nullable String prefix,
            @Nullable String delimiter,
            @Nullable String marker,
            @Nullable String endMarker,
            @Nullable String path,
            boolean reverse,
            int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0: " + limit);
        }
        Builder b = new Builder();
        b.prefix = prefix;
        b.delimiter = delimiter;
        b.marker = marker;
        b.endMarker = endMarker;
        b.path = path;
        b.reverse = reverse;
        b.limit = limit;
        return new ListingParams(b);
    }

    /** Swift's {@code constrain_req_limit}. */
    static int limit(QueryParameters q, int maxLimit) throws ListingException {
        String given = q.get("limit");
        if (given == null || given.isEmpty()) {
            return maxLimit;
        }
        long value = 0;
        for (int i = 0; i < given.length(); ) {
            int cp = given.codePointAt(i);
            int digit = Character.digit(cp, 10);
            if (digit < 0 || !Character.isDigit(cp)) {
                return maxLimit; // Python's str.isdigit() is false: the parameter is ignored
            }
            value = Math.min(value * 10 + digit, (long) Integer.MAX_VALUE + 1);
            i += Character.charCount(cp);
        }
        if (value > maxLimit) {
            throw new ListingException(412, "Maximum limit is " + maxLimit);
        }
        return (int) value;
    }

    private static boolean isTrue(@Nullable String value) {
        return value != null && TRUE_VALUES.contains(value.toLowerCase(Locale.ROOT));
    }

    public @Nullable String prefix() {
        return prefix;
    }

    public @Nullable String delimiter() {
        return delimiter;
    }

    /** Exclusive lower bound (upper bound when {@link #reverse}); null or blank = none. */
    public @Nullable String marker() {
        return marker;
    }

    /** Exclusive upper bound (lower bound when {@link #reverse}); null or blank = none. */
    public @Nullable String endMarker() {
        return endMarker;
    }

    /** Container {@code path} mode (non-null, possibly blank) or null. */
    public @Nullable String path() {
        return path;
    }

    public boolean reverse() {
        return reverse;
    }

    public int limit() {
        return limit;
    }

    /** The negotiated output format ({@link ListingFormat#PLAIN} for {@link #of}). */
    public ListingFormat format() {
        return format;
    }

    /** The negotiated media type without charset: text/plain, application/json, application/xml or text/xml. */
    public String contentType() {
        return contentType;
    }

    /** Whether {@code format} was in the query; Swift's proxy adds {@code Vary: Accept} only when not. */
    public boolean formatGiven() {
        return formatGiven;
    }

    @Override
    public String toString() {
        return "ListingParams[prefix=" + prefix + ", delimiter=" + delimiter + ", marker=" + marker
                + ", endMarker=" + endMarker + ", path=" + path + ", reverse=" + reverse + ", limit=" + limit
                + ", format=" + format + "]";
    }

    private static final class Builder {
        @Nullable
        String prefix;

        @Nullable
        String delimiter;

        @Nullable
        String marker;

        @Nullable
        String endMarker;

        @Nullable
        String path;

        boolean reverse;
        int limit;
        ListingFormat format = ListingFormat.PLAIN;
        String contentType = ListingContentType.TEXT_PLAIN;
        boolean formatGiven;

        void contentType(String type) {
            this.contentType = type;
            this.format = ListingFormat.ofContentType(type);
        }
    }
}
