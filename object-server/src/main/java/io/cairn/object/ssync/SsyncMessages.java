package io.cairn.object.ssync;

import io.cairn.common.path.PercentCoding;
import io.cairn.common.time.Timestamp;
import io.cairn.object.diskfile.ObjectTimestamps;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The line formats of SSYNC, exactly as Swift 2.30.1 writes and reads them:
 *
 * <pre>
 *   missing_check, sender → receiver:  &lt;hash&gt; &lt;ts_data internal&gt;[ m:&lt;hex&gt;[,t:&lt;hex&gt;][,durable:False]]
 *       m = ts_meta.raw - ts_data.raw, t = ts_ctype.raw - ts_data.raw (Python's '%x': a '-' for negative)
 *   missing_check, receiver → sender:  &lt;hash&gt; &lt;d|m|dm&gt;     d = wants the data, m = wants the metadata
 * </pre>
 *
 * {@code encode_missing} / {@code decode_wanted} ({@code ssync_sender.py}), {@code decode_missing} / {@code
 * encode_wanted} ({@code ssync_receiver.py}). Stateless and thread-safe.
 */
public final class SsyncMessages {
    public static final String MISSING_CHECK_START = ":MISSING_CHECK: START";
    public static final String MISSING_CHECK_END = ":MISSING_CHECK: END";
    public static final String UPDATES_START = ":UPDATES: START";
    public static final String UPDATES_END = ":UPDATES: END";

    private static final Set<String> TRUE_VALUES = Set.of("true", "1", "yes", "on", "t", "y");

    private SsyncMessages() {}

    /** What the receiver asks for one hash ({@code decode_wanted}). */
    public record Wanted(boolean data, boolean meta) {}

    /**
     * Swift's {@code encode_missing}: the line (without CRLF) offering one object. {@code tsMeta}/{@code
     * tsCtype} may be null (none); {@code durable} is written only when false.
     */
    public static String encodeMissing(ObjectTimestamps t) {
        StringBuilder sb = new StringBuilder(80);
        sb.append(PercentCoding.quote(t.nameHash()))
                .append(' ')
                .append(PercentCoding.quote(t.tsData().internal()));
        StringBuilder extra = new StringBuilder();
        Timestamp meta = t.tsMeta();
        if (meta != null && !meta.equals(t.tsData())) {
            extra.append("m:").append(pythonHex(meta.raw() - t.tsData().raw()));
            Timestamp ctype = t.tsCtype();
            if (ctype != null && !ctype.equals(t.tsData())) {
                extra.append(",t:").append(pythonHex(ctype.raw() - t.tsData().raw()));
            }
        }
        if (!t.durable()) {
            if (extra.length() > 0) {
                extra.append(',');
            }
            extra.append("durable:False");
        }
        if (extra.length() > 0) {
            sb.append(' ').append(extra);
        }
        return sb.toString();
    }

    /**
     * Swift's {@code decode_missing}: ts_meta and ts_ctype default to ts_data (so never null here),
     * durable to true; unknown {@code k:v} items are ignored, items without {@code :} skipped.
     *
     * @throws IllegalArgumentException for a line Swift's parser would also raise on (too few parts, a bad
     *     timestamp or hex delta, an item with two colons)
     */
    public static ObjectTimestamps decodeMissing(String line) {
        String[] parts = line.strip().split("\\s+");
        if (parts.length < 2 || parts[0].isEmpty()) {
            throw new IllegalArgumentException("missing_check line needs <hash> <timestamp>: " + abbreviate(line));
        }
        String hash = PercentCoding.unquote(parts[0]);
        Timestamp data = Timestamp.parse(PercentCoding.unquote(parts[1]));
        Timestamp meta = data;
        Timestamp ctype = data;
        boolean durable = true;
        if (parts.length > 2) {
            for (String item : PercentCoding.unquote(parts[2]).split(",", -1)) {
                int colon = item.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                if (item.indexOf(':', colon + 1) >= 0) {
                    throw new IllegalArgumentException("too many values to unpack in " + abbreviate(item));
                }
                String k = item.substring(0, colon);
                String v = item.substring(colon + 1);
                switch (k) {
                    case "m" -> meta = Timestamp.ofRaw(data.raw() + parseHex(v), data.offset());
                    case "t" -> ctype = Timestamp.ofRaw(data.raw() + parseHex(v), data.offset());
                    case "durable" -> durable = TRUE_VALUES.contains(v.toLowerCase(Locale.ROOT));
                    default -> {
                        // future-proofing, as Swift: unknown keys are ignored
                    }
                }
            }
        }
        return new ObjectTimestamps(hash, data, meta, ctype, durable);
    }

    /**
     * Swift's {@code encode_wanted}: compares the offered object with what is here ({@code local} null =
     * nothing; a tombstone has only {@code tsData}) and returns the wanted line, or null when in sync.
     */
    public static @Nullable String encodeWanted(ObjectTimestamps remote, @Nullable ObjectTimestamps local) {
        boolean data = false;
        boolean meta = false;
        if (local != null) {
            data = remote.tsData().compareTo(local.tsData()) > 0;
            Timestamp remoteMeta = remote.tsMeta() == null ? remote.tsData() : remote.tsMeta();
            Timestamp remoteCtype = remote.tsCtype() == null ? remote.tsData() : remote.tsCtype();
            if (local.tsMeta() != null && remoteMeta.compareTo(local.tsMeta()) > 0) {
                meta = true;
            }
            if (local.tsCtype() != null
                    && remoteCtype.compareTo(local.tsCtype()) > 0
                    && remoteCtype.compareTo(remote.tsData()) > 0) {
                meta = true;
            }
        } else {
            data = true;
            meta = true;
        }
        if (!data && !meta) {
            return null;
        }
        return PercentCoding.quote(remote.nameHash()) + ' ' + (data ? "d" : "") + (meta ? "m" : "");
    }

    /**
     * Swift's {@code decode_wanted} of the parts after the hash: 'd' and/or 'm' in the first part; nothing
     * (a legacy receiver) means data only.
     */
    public static Wanted decodeWanted(String[] partsAfterHash) {
        boolean data = false;
        boolean meta = false;
        if (partsAfterHash.length > 0) {
            data = partsAfterHash[0].indexOf('d') >= 0;
            meta = partsAfterHash[0].indexOf('m') >= 0;
        }
        if (!data && !meta) {
            data = true;
        }
        return new Wanted(data, meta);
    }

    /** Python's {@code '%x' % n}: lowercase hex, a leading {@code -} for negative numbers. */
    static String pythonHex(long n) {
        return n < 0 ? "-" + Long.toHexString(-n) : Long.toHexString(n);
    }

    /** Python's {@code int(v, 16)} for what {@link #pythonHex} and Swift write (sign, optional 0x, underscores). */
    static long parseHex(String v) {
        String s = v.strip().replace("_", "");
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        if (s.startsWith("0x") || s.startsWith("0X")) {
            s = s.substring(2);
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("invalid literal for int() with base 16: '" + v + "'");
        }
        try {
            long n = Long.parseLong(s, 16);
            return negative ? -n : n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid literal for int() with base 16: '" + v + "'", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 1024 ? s.substring(0, 1024) : s;
    }
}
