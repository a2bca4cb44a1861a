package io.cairn.proxy.swift;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Content-Type guessing from an object name's extension, as Swift's proxy does with Python's {@code
 * mimetypes} (which on Debian reads {@code /etc/mime.types}, overriding its built-in table) plus {@code
 * /etc/swift/mime.types}; {@code application/octet-stream} when nothing matches.
 *
 * <p>Thread-safety: immutable after construction.
 */
public final class ContentTypes {
    /** The default when the extension is unknown. */
    public static final String DEFAULT = "application/octet-stream";

    private static final Map<String, String> BUILT_IN = Map.ofEntries(
            Map.entry("txt", "text/plain"),
            Map.entry("html", "text/html"),
            Map.entry("htm", "text/html"),
            Map.entry("css", "text/css"),
            Map.entry("js", "application/javascript"),
            Map.entry("json", "application/json"),
            Map.entry("xml", "text/xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/gzip"),
            Map.entry("tar", "application/x-tar"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("iso", "application/x-iso9660-image"),
            Map.entry("csv", "text/csv"),
            Map.entry("svg", "image/svg+xml"));

    private final Map<String, String> byExtension;

    private ContentTypes(Map<String, String> byExtension) {
        this.byExtension = Map.copyOf(byExtension);
    }

    /** The built-in table overridden by the given {@code mime.types} files that exist. */
    public static ContentTypes load(List<Path> mimeTypesFiles) {
        Map<String, String> map = new HashMap<>(BUILT_IN);
        for (Path p : mimeTypesFiles) {
            if (!Files.isReadable(p)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    int hash = line.indexOf('#');
                    String[] words =
                            (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
                    for (int i = 1; i < words.length; i++) {
                        map.put(words[i], words[0]);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + p + ": " + e.getMessage(), e);
            }
        }
        return new ContentTypes(map);
    }

    /** The system tables Swift's proxy reads on Debian. */
    public static ContentTypes system() {
        return load(List.of(Path.of("/etc/mime.types"), Path.of("/etc/swift/mime.types")));
    }

    /** Python's {@code mimetypes.guess_type(name)[0] or 'application/octet-stream'}. */
    public String guess(String objectName) {
        int slash = objectName.lastIndexOf('/');
        String base = objectName.substring(slash + 1);
        int dot = base.lastIndexOf('.');
        if (dot < 0 || dot == base.length() - 1) {
            return DEFAULT;
        }
        String ext = base.substring(dot + 1);
        String t = byExtension.get(ext);
        if (t == null) {
            t = byExtension.get(ext.toLowerCase(Locale.ROOT));
        }
        return t == null ? DEFAULT : t;
    }
}
