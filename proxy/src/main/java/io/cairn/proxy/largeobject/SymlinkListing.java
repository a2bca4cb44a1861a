package io.cairn.proxy.largeobject;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code SymlinkContainerContext._extract_symlink_path_json}: in a JSON listing, a symlink's {@code hash}
 * carries {@code <md5>; symlink_target=<c/o>[; symlink_target_account=…][; symlink_target_etag=…;
 * symlink_target_bytes=…]}; the entry is answered with the bare hash, {@code symlink_path} ({@code
 * /v1/<account>/<c/o>}) and, for a static link, {@code symlink_etag} and {@code symlink_bytes}.
 *
 * <p>Thread-safety: stateless.
 */
final class SymlinkListing {
    private SymlinkListing() {}

    /** The rewritten listing; null when it is not a JSON list. */
    static @Nullable String rewrite(String json, String version, String quotedAccount) {
        return LargeObjects.rewriteRows(json, (row, hash) -> entry(row, hash, version, quotedAccount));
    }

    private static void entry(Map<String, Object> item, String hash, String version, String quotedAccount) {
        String[] parts = hash.split(";");
        StringBuilder h = new StringBuilder(parts[0].strip());
        String target = null;
        String account = quotedAccount;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            int eq = p.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = p.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
            String value = p.substring(eq + 1).strip();
            switch (key) {
                case "symlink_target" -> target = value;
                case "symlink_target_account" -> account = value;
                case "symlink_target_etag" -> item.put("symlink_etag", value);
                case "symlink_target_bytes" -> item.put("symlink_bytes", LargeObjects.parseLong(value));
                default -> h.append("; ").append(key).append('=').append(value);
            }
        }
        item.put("hash", h.toString());
        if (target != null) {
            item.put("symlink_path", "/" + version + "/" + account + "/" + target);
        }
    }
}
