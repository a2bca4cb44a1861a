package io.cairn.account.http;

import io.cairn.common.path.Names;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * {@code /<device>/<partition>/<account>[/<container>]} (or {@code /<device>/<partition>/<hash>} for
 * REPLICATE) as Swift's {@code split_path(path, 3, 4)} reads it: percent-decoded, UTF-8 checked (412
 * {@code Invalid UTF8} otherwise), more segments are a 400 {@code Invalid path}. Immutable.
 *
 * @param device device name
 * @param partition partition
 * @param account account name (or the DB hash for REPLICATE)
 * @param container container name, or null for account requests
 */
public record AccountPath(
        String device,
        String partition,
        String account,
        @Nullable String container) {

    /** Thrown for a path Swift rejects; carries the status and body. */
    static final class BadPath extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        BadPath(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** Parses the request URI's path (query excluded). */
    static AccountPath parse(String uri) throws BadPath {
        int q = uri.indexOf('?');
        String raw = q < 0 ? uri : uri.substring(0, q);
        byte[] bytes = percentDecode(raw);
        if (!Names.checkUtf8(bytes, 0, bytes.length, true)) {
            throw new BadPath(412, "Invalid UTF8");
        }
        String path = new String(bytes, StandardCharsets.UTF_8);
        // split_path(path, 3, 4): a container name cannot hold a slash (unlike object names)
        String[] parts = path.split("/", -1);
        if (!path.startsWith("/")
                || parts.length < 4
                || parts.length > 5
                || parts[1].isEmpty()
                || parts[2].isEmpty()
                || parts[3].isEmpty()) {
            throw new BadPath(400, "Invalid path: " + raw);
        }
        String container = parts.length == 5 ? parts[4] : null;
        if (container != null && container.isEmpty()) {
            container = null;
        }
        return new AccountPath(parts[1], parts[2], parts[3], container);
    }

    private static byte[] percentDecode(String s) throws BadPath {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            if (c > 0xff) {
                throw new BadPath(412, "Invalid UTF8");
            }
            out.write(c);
        }
        return out.toByteArray();
    }
}
