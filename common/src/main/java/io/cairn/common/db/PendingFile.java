package io.cairn.common.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A DB's {@code <hash>.db.pending} file as Swift's {@code put_record}/{@code _commit_puts} use it: an
 * append-only sequence of {@code ":" + base64(pickle.dumps(record_tuple, protocol=2))}. Cairn never
 * appends (it commits through the group-commit writer); it only folds in what a Swift process left
 * there and then truncates the file to zero length, as Swift does.
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

    /** Truncates the file to zero length (kept, as Swift keeps it); a missing file is fine. */
    public static void truncate(Path pendingFile) throws IOException {
        try (FileChannel ch = FileChannel.open(pendingFile, StandardOpenOption.WRITE)) {
            ch.truncate(0);
        } catch (NoSuchFileException e) {
            // nothing to truncate
        }
    }
}
