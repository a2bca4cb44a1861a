package io.cairn.common.listing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/** Swift's {@code listing_to_text}: each name in UTF-8 followed by a newline. Not thread-safe. */
final class PlainListingEncoder extends ListingEncoder {
    @Override
    public void begin(ByteBuf out) {}

    @Override
    void writeObject(
            ByteBuf out,
            boolean first,
            CharSequence name,
            CharSequence hash,
            long bytes,
            CharSequence contentType,
            CharSequence lastModified) {
        line(out, name);
    }

    @Override
    void writeContainer(
            ByteBuf out, boolean first, CharSequence name, long count, long bytes, CharSequence lastModified) {
        line(out, name);
    }

    @Override
    void writeSubdir(ByteBuf out, boolean first, CharSequence name) {
        line(out, name);
    }

    private static void line(ByteBuf out, CharSequence name) {
        ByteBufUtil.writeUtf8(out, name);
        out.writeByte('\n');
    }

    @Override
    public void end(ByteBuf out) {}

    @Override
    public boolean isNoContent() {
        return entries() == 0;
    }
}
