package io.cairn.proxy.s3api.op;

import io.cairn.common.time.Timestamp;
import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.s3api.xml.XmlNode;
import io.cairn.proxy.s3api.xml.XmlWriter;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * S3 Object Lock (Cairn's; s3api 2.30.1 answers NotImplemented): the bucket's {@code ObjectLockConfiguration}
 * kept in container sysmeta ({@link #BUCKET}: {@code Enabled}, or {@code Enabled|<mode>|Days|Years|<n>} with a
 * default retention rule), each version's retention and legal hold in transient object sysmeta ({@link #MODE},
 * {@link #RETAIN_UNTIL}, {@link #LEGAL_HOLD}: a POST can change them without rewriting the data), the parsing and
 * validation of the documents and {@code x-amz-object-lock-*} headers as AWS validates them, and the decisions
 * whether a version may be deleted or its retention changed.
 *
 * <p>Stateless.
 */
final class ObjectLock {
    /** The bucket's lock configuration. */
    static final String BUCKET = "X-Container-Sysmeta-S3Api-Object-Lock";

    /** {@link #BUCKET}'s key in the container info's sysmeta. */
    static final String INFO_BUCKET = "s3api-object-lock";

    /** {@code X-Container-Sysmeta-Versions-Enabled}'s key in the container info's sysmeta. */
    static final String INFO_VERSIONS_ENABLED = "versions-enabled";

    static final String MODE = "X-Object-Transient-Sysmeta-S3Api-Lock-Mode";
    static final String RETAIN_UNTIL = "X-Object-Transient-Sysmeta-S3Api-Lock-Retain-Until";
    static final String LEGAL_HOLD = "X-Object-Transient-Sysmeta-S3Api-Legal-Hold";

    static final String H_MODE = "x-amz-object-lock-mode";
    static final String H_RETAIN_UNTIL = "x-amz-object-lock-retain-until-date";
    static final String H_LEGAL_HOLD = "x-amz-object-lock-legal-hold";
    static final String H_BYPASS = "x-amz-bypass-governance-retention";

    static final int MAX_BODY = 10240;

    /** The retention modes. */
    enum Mode {
        GOVERNANCE,
        COMPLIANCE;

        /** The mode named exactly {@code text} (upper case), or null. */
        static @Nullable Mode of(@Nullable String text) {
            if (text == null) {
                return null;
            }
            for (Mode m : values()) {
                if (m.name().equals(text)) {
                    return m;
                }
            }
            return null;
        }
    }

    private ObjectLock() {}

    /**
     * A bucket's lock configuration.
     *
     * @param mode the default retention's mode, or null without a rule
     * @param years whether {@code period} counts years (else days)
     * @param period the default retention period, positive (0 without a rule)
     */
    record Config(@Nullable Mode mode, boolean years, int period) {
        static final Config ENABLED = new Config(null, false, 0);

        /** The stored form. */
        String stored() {
            Mode m = mode;
            return m == null ? "Enabled" : "Enabled|" + m.name() + "|" + (years ? "Years" : "Days") + "|" + period;
        }

        /** The configuration of a stored form; null for none (or one not understood). */
        static @Nullable Config fromStored(@Nullable String stored) {
            if (stored == null || stored.isEmpty()) {
                return null;
            }
            String[] p = stored.split("\\|", -1);
            if (!p[0].equals("Enabled")) {
                return null;
            }
            if (p.length != 4) {
                return ENABLED;
            }
            Mode m = Mode.of(p[1]);
            try {
                return m == null ? ENABLED : new Config(m, p[2].equals("Years"), Integer.parseInt(p[3]));
            } catch (NumberFormatException e) {
                return ENABLED;
            }
        }

        /** The configuration of a bucket's container sysmeta; null when object lock is not enabled. */
        static @Nullable Config ofBucket(Map<String, String> sysmeta) {
            return fromStored(sysmeta.get(INFO_BUCKET));
        }

        /** The default retain-until date for an object written at {@code now}; null without a rule. */
        @Nullable
        Instant defaultUntil(Instant now) {
            if (mode == null) {
                return null;
            }
            return years
                    ? now.atOffset(ZoneOffset.UTC).plusYears(period).toInstant()
                    : now.plus(period, ChronoUnit.DAYS);
        }

        String toXml() {
            XmlWriter w = S3Operation.xml().openRoot("ObjectLockConfiguration");
            w.element("ObjectLockEnabled", "Enabled");
            Mode m = mode;
            if (m != null) {
                w.open("Rule").open("DefaultRetention");
                w.element("Mode", m.name());
                w.element(years ? "Years" : "Days", Integer.toString(period));
                w.close("DefaultRetention").close("Rule");
            }
            return w.close("ObjectLockConfiguration").toString();
        }
    }

    /**
     * A PutObjectLockConfiguration document: {@code ObjectLockEnabled} must be {@code Enabled}; a {@code Rule} has a
     * {@code DefaultRetention} with a {@code Mode} ({@code GOVERNANCE|COMPLIANCE}) and exactly one of {@code Days}
     * and {@code Years} (MalformedXML otherwise), a positive integer (InvalidRetentionPeriod otherwise).
     */
    static Config parseConfig(byte[] xml) {
        XmlNode root = RequestBody.document(xml, "ObjectLockConfiguration", S3ErrorCode.MalformedXML);
        if (!"Enabled".equals(root.childText("ObjectLockEnabled"))) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        XmlNode rule = root.child("Rule");
        if (rule == null) {
            return Config.ENABLED;
        }
        XmlNode dr = rule.child("DefaultRetention");
        if (dr == null) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        Mode mode = Mode.of(dr.childText("Mode"));
        String days = dr.childText("Days");
        String years = dr.childText("Years");
        if (mode == null || (days == null) == (years == null)) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        String n = days != null ? days : years;
        int period;
        try {
            period = Integer.parseInt(n.trim());
        } catch (NumberFormatException e) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        if (period <= 0 || (years != null && period > 100) || (days != null && period > 36500)) {
            throw new S3Exception(S3ErrorCode.InvalidRetentionPeriod);
        }
        return new Config(mode, years != null, period);
    }

    /** A version's retention. */
    record Retention(Mode mode, Instant until) {}

    /** A PutObjectRetention document: {@code Mode} and {@code RetainUntilDate} (ISO 8601), else MalformedXML. */
    static Retention parseRetention(byte[] xml) {
        XmlNode root = RequestBody.document(xml, "Retention", S3ErrorCode.MalformedXML);
        Mode mode = Mode.of(root.childText("Mode"));
        String until = root.childText("RetainUntilDate");
        if (mode == null || until == null) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        Instant at = parseDate(until);
        if (at == null) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        return new Retention(mode, at);
    }

    /** A PutObjectLegalHold document's {@code Status}: ON (true) or OFF (false), else MalformedXML. */
    static boolean parseLegalHold(byte[] xml) {
        String status =
                RequestBody.document(xml, "LegalHold", S3ErrorCode.MalformedXML).childText("Status");
        if ("ON".equals(status)) {
            return true;
        }
        if ("OFF".equals(status)) {
            return false;
        }
        throw new S3Exception(S3ErrorCode.MalformedXML);
    }

    /** An ISO 8601 date-time with an offset (or {@code Z}), or null. */
    static @Nullable Instant parseDate(String text) {
        try {
            return OffsetDateTime.parse(text.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code 2030-01-01T00:00:00.000Z}, as AWS shows dates. */
    static String format(Instant at) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
                .withZone(ZoneOffset.UTC)
                .format(at.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * A version's lock as its sysmeta shows it.
     *
     * @param mode the retention mode, or null without retention
     * @param until the retain-until date, or null without retention
     * @param legalHold whether a legal hold is on
     * @param legalHoldSet whether a legal hold status was ever set
     */
    record Lock(@Nullable Mode mode, @Nullable Instant until, boolean legalHold, boolean legalHoldSet) {
        static final Lock NONE = new Lock(null, null, false, false);

        static Lock of(HttpHeaders object) {
            Mode m = Mode.of(object.get(MODE));
            String u = object.get(RETAIN_UNTIL);
            Instant until = u == null ? null : parseDate(u);
            String hold = object.get(LEGAL_HOLD);
            if (hold != null && hold.isEmpty()) {
                hold = null;
            }
            return new Lock(
                    m != null && until != null ? m : null, m != null ? until : null, "ON".equals(hold), hold != null);
        }

        /** Whether a retention is in force at {@code now}. */
        boolean retained(Instant now) {
            Instant u = until;
            return mode != null && u != null && u.isAfter(now);
        }
    }

    /** Whether the request asks to bypass governance retention and may: a signed (non-anonymous) request. */
    static boolean bypass(S3Request req) {
        return "true".equalsIgnoreCase(req.clientHeaders().get(H_BYPASS))
                && !req.auth().isAnonymous();
    }

    /**
     * Why a version under {@code lock} may not be deleted at {@code now} (AccessDenied), or null when it may: a
     * legal hold, COMPLIANCE retention, or GOVERNANCE retention without {@code bypass}.
     */
    static @Nullable S3Exception deleteRefusal(Lock lock, boolean bypass, Instant now) {
        if (lock.legalHold()) {
            return new S3Exception(S3ErrorCode.AccessDenied, "Object is under a legal hold and cannot be deleted.");
        }
        if (lock.retained(now) && (lock.mode() == Mode.COMPLIANCE || !bypass)) {
            return new S3Exception(
                    S3ErrorCode.AccessDenied, "Object is WORM protected and cannot be overwritten or deleted.");
        }
        return null;
    }

    /**
     * Why {@code current}'s retention may not become {@code next} at {@code now} (AccessDenied), or null when it
     * may: a retention in force in COMPLIANCE mode can only be extended (same mode, a later or equal date); in
     * GOVERNANCE mode, a change of mode or a shorter date needs {@code bypass}.
     */
    static @Nullable S3Exception retentionRefusal(Lock current, Retention next, boolean bypass, Instant now) {
        Instant until = current.until();
        if (!current.retained(now) || until == null) {
            return null;
        }
        boolean weaker = next.mode() != current.mode() || next.until().isBefore(until);
        if (!weaker) {
            return null;
        }
        if (current.mode() == Mode.COMPLIANCE || !bypass) {
            return new S3Exception(
                    S3ErrorCode.AccessDenied, "Object is WORM protected and cannot be overwritten or deleted.");
        }
        return null;
    }

    /**
     * The lock sysmeta for an object written with {@code client}'s {@code x-amz-object-lock-*} headers into a bucket
     * of lock configuration {@code bucket} (null: not enabled) at {@code now}, added to {@code out}; without
     * explicit retention the bucket's default rule applies. InvalidRequest for lock headers on a bucket without
     * object lock; InvalidArgument for a mode without a date (or the reverse), an unknown mode or legal hold
     * status, a date not ISO 8601 or not in the future.
     */
    static void forWrite(HttpHeaders client, @Nullable Config bucket, Instant now, HttpHeaders out) {
        String mode = client.get(H_MODE);
        String until = client.get(H_RETAIN_UNTIL);
        String hold = client.get(H_LEGAL_HOLD);
        if (bucket == null) {
            if (mode != null || until != null || hold != null) {
                throw new S3Exception(S3ErrorCode.InvalidRequest, "Bucket is missing ObjectLockConfiguration");
            }
            return;
        }
        if ((mode == null) != (until == null)) {
            throw S3Exception.invalidArgument(
                    mode == null ? H_MODE : H_RETAIN_UNTIL,
                    "",
                    "x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must both be supplied");
        }
        if (hold != null && !hold.equals("ON") && !hold.equals("OFF")) {
            throw S3Exception.invalidArgument(H_LEGAL_HOLD, hold, "Legal Hold must be either of 'ON' or 'OFF'");
        }
        if (mode != null && until != null) {
            Retention r = explicit(mode, until, now);
            out.set(MODE, r.mode().name());
            out.set(RETAIN_UNTIL, format(r.until()));
        } else {
            Instant at = bucket.defaultUntil(now);
            Mode m = bucket.mode();
            if (at != null && m != null) {
                out.set(MODE, m.name());
                out.set(RETAIN_UNTIL, format(at));
            }
        }
        if (hold != null) {
            out.set(LEGAL_HOLD, hold);
        }
    }

    /** The retention of the headers {@code x-amz-object-lock-mode} and {@code -retain-until-date}, checked. */
    private static Retention explicit(String mode, String until, Instant now) {
        Mode m = Mode.of(mode);
        if (m == null) {
            throw S3Exception.invalidArgument(H_MODE, mode, "Unknown wormMode directive.");
        }
        Instant at = parseDate(until);
        if (at == null) {
            throw S3Exception.invalidArgument(
                    H_RETAIN_UNTIL, until, "The retain until date must be provided in ISO 8601 format");
        }
        if (!at.isAfter(now)) {
            throw S3Exception.invalidArgument(H_RETAIN_UNTIL, until, "The retain until date must be in the future!");
        }
        return new Retention(m, at);
    }

    /** The {@code x-amz-object-lock-*} response headers of an object's Swift headers, added to {@code out}. */
    static void responseHeaders(HttpHeaders swift, HttpHeaders out) {
        Lock lock = Lock.of(swift);
        Mode m = lock.mode();
        Instant until = lock.until();
        if (m != null && until != null) {
            out.set(H_MODE, m.name());
            out.set(H_RETAIN_UNTIL, format(until));
        }
        if (lock.legalHoldSet()) {
            out.set(H_LEGAL_HOLD, lock.legalHold() ? "ON" : "OFF");
        }
    }

    /**
     * Where a POST reaches the stored version {@code versionId} of {@code key} in {@code bucket} (object
     * versioning keeps every version, the current one too, in {@code \0versions\0<bucket>} as {@code
     * \0<key>\0<inverted timestamp>}; it refuses a POST with {@code version-id}): {@code [container, object]}.
     */
    static String[] versionLocation(String bucket, String key, String versionId) {
        Timestamp ts = Timestamp.parse(versionId);
        Timestamp inverted = Timestamp.ofRaw(999_999_999_999_999L - ts.raw(), 0);
        return new String[] {"\u0000versions\u0000" + bucket, "\u0000" + key + "\u0000" + inverted.internal()};
    }
}
