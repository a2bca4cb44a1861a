package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.s3api.xml.XmlNode;
import io.cairn.proxy.s3api.xml.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A bucket's lifecycle configuration (PutBucketLifecycleConfiguration's {@code LifecycleConfiguration}), validated
 * as AWS validates it and kept in container sysmeta ({@link #SYSMETA}, a {@link StoredDocument}; s3api 2.30.1 has
 * no lifecycle, so the name is Cairn's): at most 1,000 rules, each with a unique {@code ID} of at most 255
 * characters, a {@code Status} of {@code Enabled} or {@code Disabled}, a {@code Filter} ({@code Prefix}, {@code
 * Tag}, {@code ObjectSizeGreaterThan}/{@code LessThan} or an {@code And} of them) or the legacy {@code Prefix},
 * and at least one action: {@code Expiration} (exactly one of {@code Days}, {@code Date} at midnight UTC, {@code
 * ExpiredObjectDeleteMarker}), {@code NoncurrentVersionExpiration}, {@code AbortIncompleteMultipartUpload}, {@code
 * Transition}, {@code NoncurrentVersionTransition}. The stored document is the one given, re-written without its
 * namespace. {@link #expirationFor} tells what a new object's {@code Expiration Days} rule gives it.
 *
 * <p>Immutable.
 *
 * @param xml the document as stored and answered (no declaration)
 * @param rules the rules, in order
 */
record LifecycleConfiguration(String xml, List<Rule> rules) {
    /** Where the configuration is kept (parts {@code -0} … {@code -15}). */
    static final String SYSMETA = "X-Container-Sysmeta-S3Api-Lifecycle";

    static final int MAX_RULES = 1000;
    static final int MAX_BODY = 1 << 20;

    private static final Set<String> STORAGE_CLASSES =
            Set.of("GLACIER", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "DEEP_ARCHIVE", "GLACIER_IR");

    /**
     * What {@link #expirationFor} needs of a rule.
     *
     * @param id the rule's ID (empty when none)
     * @param enabled {@code Status} is {@code Enabled}
     * @param prefix the key prefix it applies to
     * @param filtered it also has tag or size filters (not applied to new objects by Cairn)
     * @param days {@code Expiration Days}, or 0
     * @param date {@code Expiration Date}, or null
     */
    record Rule(
            String id,
            boolean enabled,
            String prefix,
            boolean filtered,
            long days,
            @Nullable Instant date) {}

    LifecycleConfiguration {
        rules = List.copyOf(rules);
    }

    /** A {@code LifecycleConfiguration} document, checked. */
    static LifecycleConfiguration fromXml(byte[] body) {
        XmlNode root = RequestBody.document(body, "LifecycleConfiguration", S3ErrorCode.MalformedXML);
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (XmlNode r : root.children()) {
            if (!r.name().equals("Rule")) {
                throw malformed();
            }
            Rule rule = rule(r);
            if (!rule.id().isEmpty() && !ids.add(rule.id())) {
                throw new S3Exception(
                                S3ErrorCode.InvalidArgument,
                                "Rule ID must be unique. Found same ID for more than one rule")
                        .with("ArgumentName", "ID")
                        .with("ArgumentValue", rule.id());
            }
            rules.add(rule);
        }
        if (rules.isEmpty() || rules.size() > MAX_RULES) {
            throw malformed();
        }
        XmlWriter w = new XmlWriter().openRoot("LifecycleConfiguration");
        for (XmlNode r : root.children()) {
            write(r, w);
        }
        return new LifecycleConfiguration(w.close("LifecycleConfiguration").toString(), rules);
    }

    private static void write(XmlNode n, XmlWriter w) {
        if (n.children().isEmpty()) {
            w.element(n.name(), n.text().strip());
            return;
        }
        w.open(n.name());
        for (XmlNode c : n.children()) {
            write(c, w);
        }
        w.close(n.name());
    }

    private static S3Exception malformed() {
        return new S3Exception(S3ErrorCode.MalformedXML);
    }

    private static S3Exception invalid(String name, String value, String message) {
        return S3Exception.invalidArgument(name, value, message);
    }

    private static Rule rule(XmlNode r) {
        RuleParts parts = new RuleParts();
        Set<String> seen = new HashSet<>();
        for (XmlNode c : r.children()) {
            if (!seen.add(c.name())
                    && !c.name().equals("Transition")
                    && !c.name().equals("NoncurrentVersionTransition")) {
                throw malformed();
            }
            parts.take(c);
        }
        return parts.build(seen.contains("Prefix"));
    }

    /** A rule's elements as they are read. */
    private static final class RuleParts {
        private String id = "";
        private @Nullable String status;
        private @Nullable String prefix;
        private boolean filtered;
        private boolean haveFilter;
        private boolean tags;
        private long days;
        private @Nullable Instant date;
        private int actions;
        private boolean abort;

        void take(XmlNode c) {
            switch (c.name()) {
                case "ID" -> {
                    id = c.text();
                    if (id.length() > 255) {
                        throw invalid("ID", id, "ID length should not exceed allowed limit of 255");
                    }
                }
                case "Status" -> status = c.text().strip();
                case "Prefix" -> prefix = c.text();
                case "Filter" -> {
                    haveFilter = true;
                    Filter f = filter(c);
                    prefix = f.prefix();
                    filtered = f.other();
                    tags = f.tags();
                }
                case "Expiration" -> {
                    actions++;
                    Expiration e = expiration(c);
                    days = e.days();
                    date = e.date();
                }
                case "NoncurrentVersionExpiration" -> {
                    actions++;
                    noncurrentExpiration(c);
                }
                case "AbortIncompleteMultipartUpload" -> {
                    actions++;
                    abort = true;
                    positive(c, "DaysAfterInitiation", "AbortIncompleteMultipartUpload");
                }
                case "Transition", "NoncurrentVersionTransition" -> {
                    actions++;
                    transition(c);
                }
                default -> throw malformed();
            }
        }

        Rule build(boolean legacyPrefix) {
            String s = status;
            if (s == null || !(s.equals("Enabled") || s.equals("Disabled"))) {
                throw malformed();
            }
            if ((prefix == null && !haveFilter) || (haveFilter && legacyPrefix)) {
                throw malformed();
            }
            if (actions == 0) {
                throw new S3Exception(
                        S3ErrorCode.InvalidRequest, "At least one action needs to be specified in a rule");
            }
            if (abort && tags) {
                throw new S3Exception(
                        S3ErrorCode.InvalidRequest, "AbortIncompleteMultipartUpload cannot be specified with Tags.");
            }
            String p = prefix;
            return new Rule(id, s.equals("Enabled"), p == null ? "" : p, filtered, days, date);
        }
    }

    private static void noncurrentExpiration(XmlNode c) {
        positive(c, "NoncurrentDays", "NoncurrentVersionExpiration");
        if (c.child("NewerNoncurrentVersions") != null) {
            positive(c, "NewerNoncurrentVersions", "NoncurrentVersionExpiration");
        }
    }

    private record Filter(String prefix, boolean other, boolean tags) {}

    private static Filter filter(XmlNode f) {
        if (f.children().size() > 1) {
            throw malformed();
        }
        if (f.children().isEmpty()) {
            return new Filter("", false, false);
        }
        XmlNode c = f.children().get(0);
        return switch (c.name()) {
            case "Prefix" -> new Filter(c.text(), false, false);
            case "Tag" -> {
                tag(c);
                yield new Filter("", true, true);
            }
            case "ObjectSizeGreaterThan", "ObjectSizeLessThan" -> {
                size(c);
                yield new Filter("", true, false);
            }
            case "And" -> and(c);
            default -> throw malformed();
        };
    }

    private static Filter and(XmlNode and) {
        String prefix = "";
        boolean tags = false;
        int parts = 0;
        for (XmlNode c : and.children()) {
            parts++;
            switch (c.name()) {
                case "Prefix" -> prefix = c.text();
                case "Tag" -> {
                    tag(c);
                    tags = true;
                }
                case "ObjectSizeGreaterThan", "ObjectSizeLessThan" -> size(c);
                default -> throw malformed();
            }
        }
        if (parts < 2 && !tags) {
            // AWS: an And combines at least two filters (a prefix alone goes in Filter)
            throw malformed();
        }
        return new Filter(prefix, true, tags);
    }

    private static void tag(XmlNode t) {
        String key = t.childText("Key");
        if (key == null || t.childText("Value") == null || t.children().size() != 2) {
            throw malformed();
        }
        if (key.isEmpty() || key.length() > Tagging.MAX_KEY) {
            throw new S3Exception(S3ErrorCode.InvalidTag, "The TagKey you have provided is invalid");
        }
    }

    private static void size(XmlNode s) {
        try {
            if (Long.parseLong(s.text().strip()) < 0) {
                throw invalid(s.name(), s.text(), "'" + s.name() + "' should be a non-negative integer");
            }
        } catch (NumberFormatException e) {
            throw malformed();
        }
    }

    private record Expiration(long days, @Nullable Instant date) {}

    private static Expiration expiration(XmlNode e) {
        if (e.children().size() != 1) {
            throw malformed();
        }
        XmlNode c = e.children().get(0);
        return switch (c.name()) {
            case "Days" -> new Expiration(positive(e, "Days", "Expiration"), null);
            case "Date" -> new Expiration(0, midnight(c.text().strip()));
            case "ExpiredObjectDeleteMarker" -> {
                String v = c.text().strip();
                if (!v.equals("true") && !v.equals("false")) {
                    throw malformed();
                }
                yield new Expiration(0, null);
            }
            default -> throw malformed();
        };
    }

    private static Instant midnight(String text) {
        OffsetDateTime t;
        try {
            t = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            try {
                t = OffsetDateTime.parse(text + "T00:00:00Z");
            } catch (DateTimeParseException again) {
                throw invalid("Date", text, "Invalid date format");
            }
        }
        OffsetDateTime utc = t.withOffsetSameInstant(ZoneOffset.UTC);
        if (!utc.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            throw invalid("Date", text, "'Date' must be at midnight GMT");
        }
        return utc.toInstant();
    }

    /** {@code parent}'s child {@code name}, a positive integer. */
    private static long positive(XmlNode parent, String name, String action) {
        String text = parent.childText(name);
        if (text == null) {
            throw malformed();
        }
        long v;
        try {
            v = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw malformed();
        }
        if (v <= 0) {
            throw invalid(name, text, "'" + name + "' for " + action + " action must be a positive integer");
        }
        return v;
    }

    private static void transition(XmlNode t) {
        String storage = t.childText("StorageClass");
        if (storage == null) {
            throw malformed();
        }
        if (!STORAGE_CLASSES.contains(storage.strip())) {
            throw malformed();
        }
        for (XmlNode c : t.children()) {
            switch (c.name()) {
                case "StorageClass" -> {}
                case "Days", "NoncurrentDays", "NewerNoncurrentVersions" -> {
                    try {
                        if (Long.parseLong(c.text().strip()) < 0) {
                            throw invalid(c.name(), c.text(), "'" + c.name() + "' must be a non-negative integer");
                        }
                    } catch (NumberFormatException e) {
                        throw malformed();
                    }
                }
                case "Date" -> midnight(c.text().strip());
                default -> throw malformed();
            }
        }
    }

    /** The stored document read back; null when there is none (or it is unreadable). */
    static @Nullable LifecycleConfiguration fromStored(@Nullable String xml) {
        if (xml == null) {
            return null;
        }
        try {
            return fromXml(xml.getBytes(StandardCharsets.UTF_8));
        } catch (S3Exception e) {
            return null;
        }
    }

    /**
     * The expiry AWS gives an object {@code key} created at {@code created} by the first enabled rule with {@code
     * Expiration Days} (or a {@code Date}) whose prefix (and no tag or size filter) applies: {@code days} after its
     * creation, rounded up to the next midnight UTC; null when none applies.
     */
    @Nullable
    Expiry expirationFor(String key, Instant created) {
        for (Rule r : rules) {
            if (!r.enabled() || r.filtered() || !key.startsWith(r.prefix())) {
                continue;
            }
            Instant date = r.date();
            if (r.days() > 0) {
                long day = 86_400L;
                long at = created.getEpochSecond() + r.days() * day;
                long midnight = ((at + day - 1) / day) * day;
                return new Expiry(Instant.ofEpochSecond(midnight), r.id());
            }
            if (date != null) {
                return new Expiry(date, r.id());
            }
        }
        return null;
    }

    /**
     * An object's expiry by a rule.
     *
     * @param at when the object expires
     * @param ruleId the rule's ID
     */
    record Expiry(Instant at, String ruleId) {
        /** The object sysmeta naming the rule that set an object's {@code X-Delete-At} ({@code id:} + its ID, encoded). */
        static final String SYSMETA_RULE = "X-Object-Sysmeta-S3Api-Expiration-Rule";

        /** The {@code x-amz-expiration} header's value. */
        String header() {
            return header(at.getEpochSecond(), ruleId);
        }

        static String header(long at, String ruleId) {
            return "expiry-date=\"" + io.cairn.common.http.HttpDates.format(at) + "\", rule-id=\"" + ruleId + "\"";
        }

        /** The object PUT's headers for this expiry: Swift's {@code X-Delete-At} and the rule's name. */
        void apply(io.netty.handler.codec.http.HttpHeaders h) {
            h.set("X-Delete-At", Long.toString(at.getEpochSecond()));
            h.set(SYSMETA_RULE, "id:" + java.net.URLEncoder.encode(ruleId, StandardCharsets.UTF_8));
        }

        /** {@code x-amz-expiration} for an object a rule gave its expiry, from its Swift headers; null otherwise. */
        static @Nullable String fromObject(io.netty.handler.codec.http.HttpHeaders swift) {
            String rule = swift.get(SYSMETA_RULE);
            String at = swift.get("X-Delete-At");
            if (rule == null || at == null || !rule.startsWith("id:")) {
                return null;
            }
            try {
                return header(
                        Long.parseLong(at.strip()),
                        java.net.URLDecoder.decode(rule.substring(3), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
