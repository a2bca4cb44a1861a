package io.cairn.common.listing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * Writes one listing body incrementally, byte for byte as Swift 2.30.1 writes it, so a server can stream
 * a page in chunks instead of building it in memory: call {@link #begin}, then {@link #object}, {@link
 * #container} or {@link #subdir} once per entry in listing order, then {@link #end}; each call appends to
 * the buffer given (which may be a fresh chunk each time).
 *
 * <p>Shapes: plain is each name or subdir followed by {@code \n}; JSON is Python's {@code json.dumps} with
 * ASCII escapes ({@code [{"bytes": 1, "hash": "…", "name": "…", "content_type": "…", "last_modified":
 * "…"}, {"subdir": "p/"}]} for containers, {@code {"name", "count", "bytes", "last_modified"}} for
 * accounts); XML is ElementTree's output as Swift post-processes it (container rows without whitespace and
 * {@code <subdir name="p/"><name>p/</name></subdir>}; account rows one per line and {@code <subdir
 * name="p/" />}). For plain, an empty listing is an empty body, which Swift answers with 204.
 *
 * <p>Not thread-safe: one instance per response, used by one thread at a time.
 */
public abstract class ListingEncoder {
    private int entries;

    ListingEncoder() {}

    /**
     * An encoder for a container listing (object rows and subdirs).
     *
     * @param format the negotiated format
     * @param containerName the container's name (the XML root element's {@code name} attribute)
     */
    public static ListingEncoder forContainer(ListingFormat format, String containerName) {
        return switch (format) {
            case PLAIN -> new PlainListingEncoder();
            case JSON -> new JsonListingEncoder();
            case XML -> new XmlListingEncoder(XmlListingEncoder.Kind.CONTAINER, containerName);
        };
    }

    /**
     * An encoder for an account listing (container rows and subdirs).
     *
     * @param format the negotiated format
     * @param accountName the account's name (the XML root element's {@code name} attribute)
     */
    public static ListingEncoder forAccount(ListingFormat format, String accountName) {
        return switch (format) {
            case PLAIN -> new PlainListingEncoder();
            case JSON -> new JsonListingEncoder();
            case XML -> new XmlListingEncoder(XmlListingEncoder.Kind.ACCOUNT, accountName);
        };
    }

    /** Writes what precedes the first entry. */
    public abstract void begin(ByteBuf out);

    /**
     * Writes one object row of a container listing.
     *
     * @param name object name
     * @param hash the etag column
     * @param bytes size (Swift: {@code swift_bytes} from the content type, when present, already applied)
     * @param contentType content type (with any {@code swift_bytes} parameter already removed)
     * @param lastModified ISO form {@code YYYY-MM-DDTHH:MM:SS.ffffff}
     */
    public final void object(
            ByteBuf out,
            CharSequence name,
            CharSequence hash,
            long bytes,
            CharSequence contentType,
            CharSequence lastModified) {
        writeObject(out, entries++ == 0, name, hash, bytes, contentType, lastModified);
    }

    /**
     * Writes one container row of an account listing.
     *
     * @param name container name
     * @param count object count
     * @param bytes bytes used
     * @param lastModified ISO form of the container's put timestamp
     */
    public final void container(ByteBuf out, CharSequence name, long count, long bytes, CharSequence lastModified) {
        writeContainer(out, entries++ == 0, name, count, bytes, lastModified);
    }

    /** Writes one {@code subdir} entry (the name ends with the delimiter). */
    public final void subdir(ByteBuf out, CharSequence name) {
        writeSubdir(out, entries++ == 0, name);
    }

    /** Writes what follows the last entry. */
    public abstract void end(ByteBuf out);

    /** How many entries were written so far. */
    public final int entries() {
        return entries;
    }

    /** Whether Swift answers this listing with 204 No Content: a plain listing with no entries. */
    public abstract boolean isNoContent();

    /** Writes {@code value} in decimal ASCII without allocating, as {@code Long.toString} would print it. */
    static void writeDecimal(ByteBuf out, long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                ByteBufUtil.writeAscii(out, "-9223372036854775808");
                return;
            }
            out.writeByte('-');
            value = -value;
        }
        long divisor = 1;
        while (divisor <= value / 10) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            out.writeByte((int) ('0' + (value / divisor) % 10));
        }
    }

    abstract void writeObject(
            ByteBuf out,
            boolean first,
            CharSequence name,
            CharSequence hash,
            long bytes,
            CharSequence contentType,
            CharSequence lastModified);

    abstract void writeContainer(
            ByteBuf out, boolean first, CharSequence name, long count, long bytes, CharSequence lastModified);

    abstract void writeSubdir(ByteBuf out, boolean first, CharSequence name);
}
