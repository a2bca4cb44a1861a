package io.cairn.ring.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a gzip stream byte for byte as Python's {@code gzip.GzipFile} does (header with FNAME and a
 * fixed MTIME, raw deflate through zlib, CRC32 and ISIZE trailer), including what Swift's v2 writer does
 * on top: full flushes at section boundaries and switching the zlib level by starting a fresh compressor
 * (a new {@code zlib.compressobj}, not {@code deflateParams}).
 *
 * <p>The JDK's {@link Deflater} is zlib with the same defaults Python uses (window 15 bits, memLevel 8,
 * default strategy), so equal input gives equal output as long as both link the same zlib build.
 *
 * <p>Thread-safety: not thread-safe; one writer per file.
 */
final class PythonGzipWriter implements AutoCloseable {
    private static final int FNAME = 0x08;
    private static final int OS_UNKNOWN = 0xFF;

    private final CountingOutput out;
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[64 * 1024];
    private Deflater deflater;
    private long uncompressed;
    private boolean flushed = true;
    private boolean finished;

    /**
     * @param fileName the name Python's GzipFile was given; its basename minus {@code .gz} goes into the
     *     header when latin-1 encodable, as Python does
     */
    PythonGzipWriter(OutputStream sink, String fileName, long mtime, int level) throws IOException {
        this.out = new CountingOutput(sink);
        this.deflater = new Deflater(level, true);
        writeHeader(fileName, mtime, level);
    }

    private void writeHeader(String fileName, long mtime, int level) throws IOException {
        byte[] name = headerName(fileName);
        out.write(0x1f);
        out.write(0x8b);
        out.write(Deflater.DEFLATED);
        out.write(name.length > 0 ? FNAME : 0);
        writeIntLe(mtime);
        out.write(level == Deflater.BEST_COMPRESSION ? 2 : level == Deflater.BEST_SPEED ? 4 : 0);
        out.write(OS_UNKNOWN);
        if (name.length > 0) {
            out.write(name, 0, name.length);
            out.write(0);
        }
    }

    static byte[] headerName(String fileName) {
        int slash = fileName.lastIndexOf('/');
        String base = slash >= 0 ? fileName.substring(slash + 1) : fileName;
        if (base.endsWith(".gz")) {
            base = base.substring(0, base.length() - 3);
        }
        if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(base)) {
            return new byte[0];
        }
        return base.getBytes(StandardCharsets.ISO_8859_1);
    }

    void write(byte[] data) throws IOException {
        write(data, 0, data.length);
    }

    void write(byte[] data, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        flushed = false;
        crc.update(data, off, len);
        uncompressed += len;
        deflater.setInput(data, off, len);
        while (!deflater.needsInput()) {
            int n = deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH);
            out.write(buffer, 0, n);
        }
    }

    /** Z_FULL_FLUSH, but only when something was written since the last flush (as Swift's writer). */
    void fullFlush() throws IOException {
        if (flushed) {
            return;
        }
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length);
        flushed = true;
    }

    /** Finishes the current deflate stream's data with a full flush and continues with a new compressor. */
    void switchLevel(int level) throws IOException {
        fullFlush();
        deflater.end();
        deflater = new Deflater(level, true);
    }

    /** Position in the compressed file; flushes first so the position is a full-flush boundary. */
    long compressedPosition() throws IOException {
        fullFlush();
        return out.count;
    }

    /** Position in the decompressed stream; flushes first as Swift's {@code tell()} does. */
    long uncompressedPosition() throws IOException {
        fullFlush();
        return uncompressed;
    }

    /** Z_FINISH, then the CRC32 and ISIZE trailer. Does not close the sink. */
    void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        deflater.finish();
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH);
            out.write(buffer, 0, n);
        }
        deflater.end();
        writeIntLe(crc.getValue());
        writeIntLe(uncompressed);
    }

    private void writeIntLe(long v) throws IOException {
        out.write((int) (v & 0xFF));
        out.write((int) ((v >>> 8) & 0xFF));
        out.write((int) ((v >>> 16) & 0xFF));
        out.write((int) ((v >>> 24) & 0xFF));
    }

    @Override
    public void close() {
        if (!finished) {
            deflater.end();
        }
    }

    private static final class CountingOutput {
        private final OutputStream sink;
        private long count;

        CountingOutput(OutputStream sink) {
            this.sink = sink;
        }

        void write(int b) throws IOException {
            sink.write(b);
            count++;
        }

        void write(byte[] b, int off, int len) throws IOException {
            sink.write(b, off, len);
            count += len;
        }
    }
}
