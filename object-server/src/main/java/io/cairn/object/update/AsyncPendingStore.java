package io.cairn.object.update;

import io.cairn.common.codec.PickleException;
import io.cairn.common.codec.PickleReader;
import io.cairn.common.codec.PickleWriter;
import io.cairn.common.io.DurableFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * async_pending files (reference §8.1): {@code <dev>/async_pending[-N]/<hash[-3:]>/<hash>-<ts internal>},
 * written through a temp file in {@code <dev>/tmp[-N]} with fsync and rename (Swift's {@code write_pickle}).
 *
 * <p>Content: the dict Swift's {@code async_update} builds — {@code op}, {@code account}, {@code container},
 * {@code obj}, {@code headers} (keys Title-Cased as {@code HeaderKeyDict} stores them), optional {@code
 * container_path}. Difference from Swift 2.30.1, documented in the README: Swift pickles it at protocol 0
 * with {@code headers} as a {@code HeaderKeyDict} (via {@code copy_reg._reconstructor}); Cairn writes
 * protocol 2 with a plain dict, because the shared pickle writer offers protocol 2 only. Swift's updater
 * loads either ({@code pickle.load} reads every protocol and it wraps {@code headers} in a new {@code
 * HeaderKeyDict}); reading accepts both.
 *
 * <p>Thread-safety: stateless and thread-safe. Blocks on the disk: call it from the device's executor.
 */
public final class AsyncPendingStore {
    private AsyncPendingStore() {}

    /** One stored update and its file. */
    public record Pending(Path file, AsyncUpdate update) {}

    /** The file an update of the object with {@code nameHash} goes to. */
    public static Path pendingFile(Path asyncDir, String nameHash, AsyncUpdate update) {
        return asyncDir.resolve(nameHash.substring(nameHash.length() - 3))
                .resolve(nameHash + "-" + update.timestamp().internal());
    }

    /** Writes {@code update} durably; returns the file. */
    public static Path write(Path asyncDir, Path tmpDir, String nameHash, AsyncUpdate update) throws IOException {
        Path target = pendingFile(asyncDir, nameHash, update);
        writeTo(target, tmpDir, update);
        return target;
    }

    /**
     * Replaces {@code file} with {@code update} durably (temp file, fsync, rename over it), as Swift's
     * updater rewrites a pending whose {@code successes} grew. The name stays: it was derived from the
     * object and the update's timestamp, which a rewrite does not change.
     */
    public static void rewrite(Path file, Path tmpDir, AsyncUpdate update) throws IOException {
        writeTo(file, tmpDir, update);
    }

    private static void writeTo(Path target, Path tmpDir, AsyncUpdate update) throws IOException {
        byte[] pickle = PickleWriter.dumpProtocol2(toDict(update));
        DurableFiles.createDirectories(tmpDir);
        Path tmp = Files.createTempFile(tmpDir, "cairn-", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(pickle);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            DurableFiles.renameInto(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static Map<String, Object> toDict(AsyncUpdate update) {
        Map<String, Object> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : update.headers().entrySet()) {
            headers.put(titleCase(e.getKey()), e.getValue());
        }
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("op", update.op());
        dict.put("account", update.account());
        dict.put("container", update.container());
        dict.put("obj", update.object());
        dict.put("headers", headers);
        String containerPath = update.containerPath();
        if (containerPath != null) {
            dict.put("container_path", containerPath);
        }
        if (!update.successes().isEmpty()) {
            dict.put("successes", new ArrayList<Object>(update.successes()));
        }
        return dict;
    }

    /** Python's {@code str.title()} as {@code HeaderKeyDict} applies it to header names. */
    static String titleCase(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        boolean prevCased = false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            sb.append(prevCased ? Character.toLowerCase(c) : Character.toUpperCase(c));
            prevCased = Character.isLetter(c);
        }
        return sb.toString();
    }

    /**
     * Loads one async_pending file (written by Cairn or by Swift).
     *
     * @throws IOException if unreadable or not an update dict (the updater quarantines it)
     */
    public static AsyncUpdate read(Path file) throws IOException {
        Object loaded;
        try {
            loaded = PickleReader.load(Files.readAllBytes(file));
        } catch (PickleException | RuntimeException e) {
            throw new IOException("unreadable async_pending " + file + ": " + e.getMessage(), e);
        }
        if (!(loaded instanceof Map<?, ?> dict) || !(dict.get("headers") instanceof Map<?, ?> headers)) {
            throw new IOException("async_pending " + file + " is not an update dict");
        }
        Map<String, String> h = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : headers.entrySet()) {
            h.put(text(e.getKey(), file), text(e.getValue(), file));
        }
        Object path = dict.get("container_path");
        List<Integer> successes = successes(dict.get("successes"), file);
        try {
            return new AsyncUpdate(
                    text(dict.get("op"), file),
                    text(dict.get("account"), file),
                    text(dict.get("container"), file),
                    text(dict.get("obj"), file),
                    h,
                    path == null ? null : text(path, file),
                    successes);
        } catch (IllegalArgumentException e) {
            throw new IOException("async_pending " + file + " is invalid: " + e.getMessage(), e);
        }
    }

    /** Swift's {@code successes}: a list of node ids (ints), absent when no replica accepted yet. */
    private static List<Integer> successes(@Nullable Object value, Path file) throws IOException {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IOException("async_pending " + file + " has successes that are not a list: " + value);
        }
        List<Integer> ids = new ArrayList<>(list.size());
        for (Object id : list) {
            if (!(id instanceof Long || id instanceof Integer)) {
                throw new IOException("async_pending " + file + " has a non-integer node id in successes: " + id);
            }
            ids.add(((Number) id).intValue());
        }
        return ids;
    }

    private static String text(@Nullable Object o, Path file) throws IOException {
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof io.cairn.common.codec.PyBytes b) {
            return b.asUtf8();
        }
        if (o instanceof Long || o instanceof Integer) {
            return o.toString(); // Swift stores some header values (X-Size) as ints
        }
        throw new IOException("async_pending " + file + " holds a non-string value: " + o);
    }

    /** Every pending update under {@code asyncDir}, suffix by suffix (for the updater and tests). */
    public static List<Pending> list(Path asyncDir) throws IOException {
        List<Pending> out = new ArrayList<>();
        try (DirectoryStream<Path> suffixes = Files.newDirectoryStream(asyncDir)) {
            for (Path suffix : suffixes) {
                if (!Files.isDirectory(suffix)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(suffix)) {
                    for (Path f : files) {
                        out.add(new Pending(f, read(f)));
                    }
                }
            }
        } catch (NoSuchFileException e) {
            return out;
        }
        return out;
    }
}
