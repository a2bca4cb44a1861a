package io.cairn.compute.compute.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A host's base-image cache, as nova-compute keeps it: {@code _base/<sha1(image id)>}, written as {@code .part}
 * while it streams in and kept only if its sha512 equals the image's {@code os_hash_value}. One download per image
 * at a time; later spawns of the same image reuse the file.
 */
final class ImageCache {
    private final Path base;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    ImageCache(Path instancesPath) throws IOException {
        this.base = Files.createDirectories(instancesPath.resolve("_base"));
    }

    /** The cached, verified file of an image. */
    Path fetch(String imageId, Map<String, String> image, ImageSource images) throws IOException {
        Path target = base.resolve(sha1(imageId));
        synchronized (locks.computeIfAbsent(imageId, k -> new Object())) {
            if (Files.exists(target)) {
                return target;
            }
            String status = image.getOrDefault("status", "");
            if (!status.equals("active")) {
                throw new IOException("image " + imageId + " is " + status + ", not active");
            }
            Path part = base.resolve(sha1(imageId) + ".part");
            try {
                String sha512 = images.download(imageId, part);
                String expected = image.get("os_hash_value");
                boolean isSha512 = "sha512".equals(image.getOrDefault("os_hash_algo", "sha512"));
                if (expected != null && isSha512 && !expected.equalsIgnoreCase(sha512)) {
                    throw new IOException("image " + imageId + " failed verification: sha512 " + sha512
                            + " is not its os_hash_value " + expected);
                }
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
                return target;
            } finally {
                Files.deleteIfExists(part);
            }
        }
    }

    static String sha1(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
