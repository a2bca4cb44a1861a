package io.cairn.proxy.tempurl;

import io.cairn.common.path.PercentCoding;

/** Swift's {@code disposition_format}: {@code type; filename="<quoted>"; filename*=UTF-8''<quoted>} (RFC 6266). */
final class Disposition {
    private Disposition() {}

    static String format(String type, String filename) {
        return type + "; filename=\"" + PercentCoding.quote(filename, " /") + "\"; filename*=UTF-8''"
                + PercentCoding.quote(filename, "/");
    }
}
