package io.cairn.common.listing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * Swift's {@code container_to_xml} / {@code account_to_xml}: ElementTree serialisation with the XML
 * declaration rewritten to double quotes, text escaping only {@code & < >}, attribute escaping also {@code "
 * \n \r \t}; an empty container document is the self-closed {@code <container name="c" />}. Not
 * thread-safe.
 */
final class XmlListingEncoder extends ListingEncoder {
    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    enum Kind {
        CONTAINER,
        ACCOUNT
    }

    private final Kind kind;
    private final String name;

    XmlListingEncoder(Kind kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    @Override
    public void begin(ByteBuf out) {
        ByteBufUtil.writeAscii(out, DECLARATION);
        ByteBufUtil.writeAscii(out, kind == Kind.CONTAINER ? "<container name=\"" : "<account name=\"");
        attribute(out, name);
        out.writeByte('"');
        // the container root is closed (or self-closed) once the first entry or the end shows which
        if (kind == Kind.ACCOUNT) {
            ByteBufUtil.writeAscii(out, ">\n");
        }
    }

    @Override
    void writeObject(
            ByteBuf out,
            boolean first,
            CharSequence name,
            CharSequence hash,
            long bytes,
            CharSequence contentType,
            CharSequence lastModified) {
        openRoot(out, first);
        ByteBufUtil.writeAscii(out, "<object>");
        element(out, "name", name);
        element(out, "hash", hash);
        numberElement(out, "bytes", bytes);
        element(out, "content_type", contentType);
        element(out, "last_modified", lastModified);
        ByteBufUtil.writeAscii(out, "</object>");
        tail(out);
    }

    @Override
    void writeContainer(
            ByteBuf out, boolean first, CharSequence name, long count, long bytes, CharSequence lastModified) {
        openRoot(out, first);
        ByteBufUtil.writeAscii(out, "<container>");
        element(out, "name", name);
        numberElement(out, "count", count);
        numberElement(out, "bytes", bytes);
        element(out, "last_modified", lastModified);
        ByteBufUtil.writeAscii(out, "</container>");
        tail(out);
    }

    @Override
    void writeSubdir(ByteBuf out, boolean first, CharSequence name) {
        openRoot(out, first);
        ByteBufUtil.writeAscii(out, "<subdir name=\"");
        attribute(out, name);
        if (kind == Kind.CONTAINER) {
            ByteBufUtil.writeAscii(out, "\">");
            element(out, "name", name);
            ByteBufUtil.writeAscii(out, "</subdir>");
        } else {
            ByteBufUtil.writeAscii(out, "\" />");
        }
        tail(out);
    }

    @Override
    public void end(ByteBuf out) {
        if (kind == Kind.ACCOUNT) {
            ByteBufUtil.writeAscii(out, "</account>");
        } else if (entries() == 0) {
            ByteBufUtil.writeAscii(out, " />");
        } else {
            ByteBufUtil.writeAscii(out, "</container>");
        }
    }

    @Override
    public boolean isNoContent() {
        return false;
    }

    private void openRoot(ByteBuf out, boolean first) {
        if (first && kind == Kind.CONTAINER) {
            out.writeByte('>');
        }
    }

    private void tail(ByteBuf out) {
        if (kind == Kind.ACCOUNT) {
            out.writeByte('\n');
        }
    }

    private static void numberElement(ByteBuf out, String tag, long value) {
        out.writeByte('<');
        ByteBufUtil.writeAscii(out, tag);
        out.writeByte('>');
        writeDecimal(out, value);
        out.writeByte('<').writeByte('/');
        ByteBufUtil.writeAscii(out, tag);
        out.writeByte('>');
    }

    private static void element(ByteBuf out, String tag, CharSequence text) {
        out.writeByte('<');
        ByteBufUtil.writeAscii(out, tag);
        out.writeByte('>');
        text(out, text);
        out.writeByte('<').writeByte('/');
        ByteBufUtil.writeAscii(out, tag);
        out.writeByte('>');
    }

    /** ElementTree's {@code _escape_cdata}. */
    private static void text(ByteBuf out, CharSequence s) {
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            String entity = switch (s.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                default -> null;
            };
            if (entity != null) {
                ByteBufUtil.writeUtf8(out, s, start, i);
                ByteBufUtil.writeAscii(out, entity);
                start = i + 1;
            }
        }
        ByteBufUtil.writeUtf8(out, s, start, s.length());
    }

    /** ElementTree's {@code _escape_attrib} (Python 3.11). */
    private static void attribute(ByteBuf out, CharSequence s) {
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            String entity = switch (s.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\r' -> "&#13;";
                case '\n' -> "&#10;";
                case '\t' -> "&#09;";
                default -> null;
            };
            if (entity != null) {
                ByteBufUtil.writeUtf8(out, s, start, i);
                ByteBufUtil.writeAscii(out, entity);
                start = i + 1;
            }
        }
        ByteBufUtil.writeUtf8(out, s, start, s.length());
    }
}
