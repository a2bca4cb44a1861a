package io.cairn.proxy.tempurl;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * TempURL's header lists: a name is removed when a remove entry matches it (exactly, or as a prefix when the entry
 * ends with {@code *}) and no allow entry does; names compare without regard to case, as Swift's WSGI keys and
 * title-cased response headers do.
 *
 * <p>Thread-safety: stateless.
 */
final class HeaderFilter {
    private HeaderFilter() {}

    /** Removes from {@code headers} (a request's or a response's) what {@code remove} names and {@code allow} does not. */
    static void removeMatching(HttpHeaders headers, List<String> remove, List<String> allow) {
        if (remove.isEmpty()) {
            return;
        }
        List<String> gone = new ArrayList<>();
        for (String name : headers.names()) {
            if (matches(name, remove) && !matches(name, allow)) {
                gone.add(name);
            }
        }
        gone.forEach(headers::remove);
    }

    static boolean matches(String name, List<String> entries) {
        String n = name.toLowerCase(Locale.ROOT);
        for (String e : entries) {
            String entry = e.toLowerCase(Locale.ROOT);
            if (entry.endsWith("*") ? n.startsWith(entry.substring(0, entry.length() - 1)) : n.equals(entry)) {
                return true;
            }
        }
        return false;
    }
}
