package io.cairn.common.listing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * Python's {@code json.dumps(listing)} with default separators ({@code ", "}, {@code ": "}) and {@code
 * ensure_ascii}: every character outside printable ASCII is a lowercase {@code \\uXXXX} escape (astral
 * characters as surrogate pairs). Not thread-safe.
 */
final class JsonListingEncoder extends ListingEncoder {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Override
    public void begin(ByteBuf out) {
        out.writeByte('[');
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
        separator(out, first);
        ByteBufUtil.writeAscii(out, "{\"bytes\": ");
        writeDecimal(out, bytes);
        ByteBufUtil.writeAscii(out, ", \"hash\": ");
        string(out, hash);
        ByteBufUtil.writeAscii(out, ", \"name\": ");
        string(out, name);
        ByteBufUtil.writeAscii(out, ", \"content_type\": ");
        string(out, contentType);
        ByteBufUtil.writeAscii(out, ", \"last_modified\": ");
        string(out, lastModified);
        out.writeByte('}');
    }

    @Override
    void writeContainer(
            ByteBuf out, boolean first, CharSequence name, long count, long bytes, CharSequence lastModified) {
        separator(out, first);
        ByteBufUtil.writeAscii(out, "{\"name\": ");
        string(out, name);
        ByteBufUtil.writeAscii(out, ", \"count\": ");
        writeDecimal(out, count);
        ByteBufUtil.writeAscii(out, ", \"bytes\": ");
        writeDecimal(out, bytes);
        ByteBufUtil.writeAscii(out, ", \"last_modified\": ");
        string(out, lastModified);
        out.writeByte('}');
    }

    @Override
    void writeSubdir(ByteBuf out, boolean first, CharSequence name) {
        separator(out, first);
        ByteBufUtil.writeAscii(out, "{\"subdir\": ");
        string(out, name);
        out.writeByte('}');
    }

    @Override
    public void end(ByteBuf out) {
        out.writeByte(']');
    }

    @Override
    public boolean isNoContent() {
        return false;
    }

    private static void separator(ByteBuf out, boolean first) {
        if (!first) {
            out.writeByte(',').writeByte(' ');
        }
    }

    /** A JSON string as Python's {@code py_encode_basestring_ascii} writes it. */
    static void string(ByteBuf out, CharSequence s) {
        // hot path: no allocation
        out.writeByte('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.writeByte('\\').writeByte('"');
                case '\\' -> out.writeByte('\\').writeByte('\\');
                case '\n' -> out.writeByte('\\').writeByte('n');
                case '\r' -> out.writeByte('\\').writeByte('r');
                case '\t' -> out.writeByte('\\').writeByte('t');
                case '\b' -> out.writeByte('\\').writeByte('b');
                case '\f' -> out.writeByte('\\').writeByte('f');
                default -> {
                    if (c >= ' ' && c <= '~') {
                        out.writeByte(c);
                    } else {
                        out.writeByte('\\').writeByte('u');
                        out.writeByte(HEX[(c >> 12) & 0xf]).writeByte(HEX[(c >> 8) & 0xf]);
                        out.writeByte(HEX[(c >> 4) & 0xf]).writeByte(HEX[c & 0xf]);
                    }
                }
            }
        }
        out.writeByte('"');
    }
}
