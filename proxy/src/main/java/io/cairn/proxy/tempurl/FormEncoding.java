package io.cairn.proxy.tempurl;

import io.cairn.common.path.PercentCoding;

/** Python's {@code urllib.parse.quote_plus} (what {@code urlencode} applies to each name and value). */
final class FormEncoding {
    private FormEncoding() {}

    static String encode(String s) {
        return PercentCoding.quote(s, " ").replace(' ', '+');
    }
}
