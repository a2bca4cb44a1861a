package io.cairn.common.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A DB's {@code <hash>.db.pending} file as Swift's {@code put_record}/{@code _commit_puts} use it: an
 * append-only sequence of {@code ":" + base64(pickle.dumps(record_tuple, protocol=2))}, folded into the DB
 * and then truncated to zero length (the file is kept).
 *
 * <h2>Format (Swift 2.30.1, byte for byte)</h2>
 *
 * <pre>
 *   pending file := entry*
 *   entry        := ':' base64(pickle)        (standard alphabet with '=' padding, no line breaks)
 *   pickle       := pickle.dumps(make_tuple_for_pickle(record), protocol=2)
 * </pre>
 *
 * <p>Colons never occur in base64, so they delimit entries. Cairn appends every row it acknowledges here
 * (one {@code write} per batch, no fsync, exactly as Swift's {@code put_record} does) and folds the file
 * when it grows past {@link #PENDING_CAP}, shortly after it became non-empty, or before any read.
 *
 * <p>Stateless and thread-safe; callers serialise access to one file (the broker's lock).
 */
public final class PendingFile {
    /** Swift's {@code PENDING_CAP}: past this size Swift commits instead of appending. */
    public static final int PENDING_CAP = 131072;

    private PendingFile() {}

    /** The pending file of {@code dbFile}. */
    public static Path of(Path dbFile) {
        return dbFile.resolveSibling(dbFile.getFileName() + ".pending");
    }

    /**
     * The decoded pickles of every entry, in file order; an entry that is not base64 is skipped (Swift
     * logs "Invalid pending entry" and goes on). Missing file → empty list.
     */
    public static List<byte[]> readEntries(Path pendingFile) throws IOException {
        byte[] all;
        try (FileChannel ch = FileChannel.open(pendingFile, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE - 16) {
                throw new IOException("pending file too large: " + pendingFile);
            }
            ByteBuffer buf = ByteBuffer.allocate((int) size);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // read it all
            }
            all = buf.array();
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= all.length; i++) {
            if (i == all.length || all[i] == ':') {
                if (i > start) {
                    String entry = new String(all, start, i - start, StandardCharsets.US_ASCII).strip();
                    try {
                        out.add(Base64.getDecoder().decode(entry));
                    } catch (IllegalArgumentException bad) {
                        // Swift: "Invalid pending entry"; skipped
                    }
                }
                start = i + 1;
            }
        }
        return out;
    }

    /**
     * One entry as Swift's {@code put_record} writes it: {@code b":" + base64.b64encode(pickle)}.
     */
    public static byte[] entry(byte[] pickle) {
        byte[] b64 = Base64.getEncoder().encode(pickle);
        byte[] out = new byte[b64.length + 1];
        out[0] = ':';
        System.arraycopy(b64, 0, out, 1, b64.length);
        return out;
    }

    /**
     * Appends the entries of {@code pickles} with ONE {@code write} (creating the file when missing), without
     * fsync: the data reaches the page cache, as Swift's {@code fp.write(); fp.flush()} leaves it. Returns the
     * file's size after the append. The caller holds the DB's pending lock.
     *
     * @throws IOException when the file cannot be opened or written; nothing or a torn tail may be left
     *     (a torn entry is skipped when folded, as Swift skips an invalid entry)
     */
    public static long append(Path pendingFile, List<byte[]> pickles) throws IOException {
        int total = 0;
        byte[][] entries = new byte[pickles.size()][];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = entry(pickles.get(i));
            total += entries[i].length;
        }
        ByteBuffer buf = ByteBuffer.allocate(total);
        for (byte[] e : entries) {
            buf.put(e);
        }
        buf.flip();
        try (FileChannel ch = FileChannel.open(
                pendingFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            return ch.size();
        }
    }

    /** The file's size; 0 when it does not exist. */
    public static long size(Path pendingFile) throws IOException {
        try {
            return Files.size(pendingFile);
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    /** Truncates the file to zero length (kept, as Swift keeps it); a missing file is fine. */
    public static void truncate(Path pendingFile) throws IOException {
        try (FileChannel ch = FileChannel.open(pendingFile, StandardOpenOption.WRITE)) {
            ch.truncate(0);
        } catch (NoSuchFileException e) {
            // nothing to truncate
        }
    }
}
