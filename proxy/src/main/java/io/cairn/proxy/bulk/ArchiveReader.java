package io.cairn.proxy.bulk;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads a spooled archive one regular file at a time, as Python's {@code tarfile.open(mode='r|' + compression)}
 * streams it: other entries are skipped; a broken archive is an {@link ArchiveException} with the message
 * Python's {@code tarfile} gives ({@code empty file}, {@code invalid header}, {@code not a gzip file}, {@code
 * invalid compressed data}, {@code unexpected end of data}), which Swift puts in its answer.
 *
 * <p>Blocking: used on a worker thread, one call at a time.
 */
final class ArchiveReader implements Closeable {
    /**
     * The most bytes of one file read into memory whole and written with one call; a bigger file streams from the
     * archive into its PUT ({@link #readContent}), so an extraction holds at most this much of a file.
     */
    static final long MAX_ENTRY_BYTES = 1L << 20;

    private final InputStream raw;
    private final String compression;
    private @Nullable TarArchiveInputStream tar;
    private boolean first = true;

    /** A broken archive, with Python's message. */
    static final class ArchiveException extends Exception {
        private static final long serialVersionUID = 1L;

        ArchiveException(String message) {
            super(message);
        }
    }

    /**
     * One regular file of the archive: its name as raw bytes (the ISO-8859-1 string of its UTF-8 bytes, Swift's
     * WSGI string), the size its header declares, its content (null when not read: over {@link
     * #MAX_ENTRY_BYTES}) and its PAX headers.
     */
    static final class Entry {
        private final String name;
        private final long size;
        private final byte @Nullable [] data;
        private final Map<String, String> pax;

        Entry(String name, long size, byte @Nullable [] data, Map<String, String> pax) {
            this.name = name;
            this.size = size;
            this.data = data;
            this.pax = pax;
        }

        String name() {
            return name;
        }

        long size() {
            return size;
        }

        byte @Nullable [] data() {
            return data;
        }

        Map<String, String> pax() {
            return pax;
        }
    }

    /** @param compression {@code ""}, {@code gz} or {@code bz2} */
    ArchiveReader(Path file, String compression) throws IOException {
        this.raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        this.compression = compression;
    }

    private TarArchiveInputStream open() throws ArchiveException {
        TarArchiveInputStream t = tar;
        if (t != null) {
            return t;
        }
        InputStream in = raw;
        try {
            raw.mark(1);
            boolean empty = raw.read() < 0;
            raw.reset();
            if (compression.equals("gz")) {
                if (empty) {
                    throw new ArchiveException("not a gzip file");
                }
                in = new GzipCompressorInputStream(raw);
            } else if (compression.equals("bz2")) {
                if (empty) {
                    throw new ArchiveException("empty file");
                }
                in = new BZip2CompressorInputStream(raw);
            } else if (empty) {
                throw new ArchiveException("empty file");
            }
        } catch (IOException e) {
            throw new ArchiveException(compression.equals("gz") ? "not a gzip file" : "invalid compressed data");
        }
        t = new TarArchiveInputStream(in, "UTF-8");
        tar = t;
        return t;
    }

    /** The next regular file, or null at the end of the archive. */
    @Nullable
    Entry next() throws ArchiveException {
        TarArchiveInputStream t = open();
        while (true) {
            TarArchiveEntry e;
            try {
                e = t.getNextEntry();
            } catch (EOFException ex) {
                throw new ArchiveException(first ? "empty file" : "unexpected end of data");
            } catch (IOException ex) {
                if (first) {
                    throw new ArchiveException(message(ex, "invalid header"));
                }
                // tarfile ends the archive at a bad header after the first member
                return null;
            }
            first = false;
            if (e == null) {
                return null;
            }
            if (!e.isFile()) {
                continue;
            }
            return read(t, e);
        }
    }

    private static Entry read(TarArchiveInputStream t, TarArchiveEntry e) throws ArchiveException {
        Map<String, String> pax = new LinkedHashMap<>(e.getExtraPaxHeaders());
        String name = new String(
                e.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        long size = e.getSize();
        if (size > MAX_ENTRY_BYTES) {
            return new Entry(name, size, null, pax);
        }
        byte[] data = new byte[(int) size];
        int off = 0;
        try {
            while (off < data.length) {
                int n = t.read(data, off, data.length - off);
                if (n < 0) {
                    throw new ArchiveException("unexpected end of data");
                }
                off += n;
            }
        } catch (IOException ex) {
            throw new ArchiveException(message(ex, "unexpected end of data"));
        }
        return new Entry(name, size, data, pax);
    }

    /**
     * Up to {@code max} more bytes of the file {@link #next()} returned without its content (over {@link
     * #MAX_ENTRY_BYTES}); the caller asks only for bytes the entry's size says remain.
     *
     * @throws ArchiveException when the archive ends (or breaks) inside the file
     */
    byte[] readContent(int max) throws ArchiveException {
        TarArchiveInputStream t = open();
        byte[] buf = new byte[max];
        int off = 0;
        try {
            while (off < max) {
                int n = t.read(buf, off, max - off);
                if (n < 0) {
                    throw new ArchiveException("unexpected end of data");
                }
                off += n;
            }
        } catch (IOException ex) {
            throw new ArchiveException(message(ex, "unexpected end of data"));
        }
        return buf;
    }

    /** Python's message for a compression error, else {@code fallback}. */
    private static String message(IOException ex, String fallback) {
        String m = String.valueOf(ex.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (m.contains("gzip") || m.contains(".gz")) {
            return "not a gzip file";
        }
        if (m.contains("bzip2") || m.contains("crc") || m.contains("block")) {
            return "invalid compressed data";
        }
        return fallback;
    }

    @Override
    public void close() throws IOException {
        TarArchiveInputStream t = tar;
        if (t != null) {
            t.close();
        } else {
            raw.close();
        }
    }
}
