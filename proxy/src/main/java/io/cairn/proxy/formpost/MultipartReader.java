package io.cairn.proxy.formpost;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.util.ByteProcessor;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@code multipart/form-data} body read as it arrives, split as Swift's {@code iter_multipart_mime_documents}
 * and {@code parse_mime_headers} split it: the body is pushed in ({@link #feed}, {@link #endOfInput}) and read
 * back as events ({@link #next}), so a file part streams through without ever being held whole.
 *
 * <p>What Swift's reader does, and so this one: the first line (at most {@code len("--" + boundary) + 2} bytes,
 * blank lines before it skipped) must strip to {@code --boundary}, else the form is invalid. A part is everything
 * up to the first {@code \r\n--boundary} (or the end of the body); after that delimiter two more bytes are
 * skipped, whatever they are, unless they are {@code --} (the last part). A part's header lines end with
 * {@code \r\n}, the headers at the first empty line; what follows is its body. The end of the body ends the
 * current part quietly ({@link #endedByDelimiter} tells the caller). The epilogue is ignored.
 *
 * <p>Memory: at most the bytes not yet read back (the caller reads them back as it gets them; a body chunk
 * holds back {@code len(delimiter) - 1} bytes that may begin a delimiter) plus one part's header block, which
 * is limited to {@link #MAX_HEADER_BYTES} (Swift has no limit; a browser sends a few hundred bytes).
 *
 * <p>Not thread-safe: confined to the exchange's event loop. Owns the buffers fed to it until {@link #close}.
 */
public final class MultipartReader implements AutoCloseable {
    /** The most bytes of one part's header block. */
    static final int MAX_HEADER_BYTES = 64 << 10;

    /** The most bytes of one {@link Kind#DATA} event. */
    static final int MAX_DATA_BYTES = 64 << 10;

    /** What {@link #next} found. */
    public enum Kind {
        /** A part begins: {@link #headerLines} are its header lines. */
        PART,
        /** A piece of the current part's body: {@link #takeData}. */
        DATA,
        /** The current part ended ({@link #endedByDelimiter}). */
        PART_END,
        /** The form ended: the closing delimiter or the end of the body. */
        END,
        /** More of the body is needed. */
        NEED_INPUT
    }

    /** A body Swift's reader refuses, with the message Swift (or Cairn, where Swift has none) answers. */
    public static final class InvalidFormException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidFormException(String message) {
            super(message);
        }
    }

    private enum State {
        PREAMBLE,
        HEADERS,
        BODY,
        AFTER_DELIMITER,
        PART_END_PENDING,
        DONE
    }

    private final byte[] firstLine;
    private final byte[] delimiter;
    private final CompositeByteBuf in;
    private final List<String> headerLines = new ArrayList<>();
    private State state = State.PREAMBLE;
    /** Where a part that ended inside its headers goes once its {@link Kind#PART_END} is out. */
    private State afterPending = State.DONE;

    private int headerBytes;
    private boolean eof;
    private boolean endedByDelimiter;
    private @Nullable ByteBuf data;

    /** @param boundary the {@code boundary} parameter's bytes (UTF-8 of the decoded value, as Swift encodes it) */
    public MultipartReader(byte[] boundary, ByteBufAllocator alloc) {
        this.firstLine = concat(new byte[] {'-', '-'}, boundary);
        this.delimiter = concat(new byte[] {'\r', '\n', '-', '-'}, boundary);
        this.in = alloc.compositeBuffer(Integer.MAX_VALUE);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** More of the body; ownership of {@code chunk} passes here. Dropped once the form has ended. */
    public void feed(ByteBuf chunk) {
        if (state == State.DONE || !chunk.isReadable()) {
            chunk.release();
            return;
        }
        in.addComponent(true, chunk);
    }

    /** The body is complete. */
    public void endOfInput() {
        eof = true;
    }

    /** The header lines of the part {@link Kind#PART} announced, decoded as Swift does (UTF-8, else Latin-1). */
    public List<String> headerLines() {
        return List.copyOf(headerLines);
    }

    /** The body piece {@link Kind#DATA} announced; ownership passes to the caller. */
    public ByteBuf takeData() {
        ByteBuf d = data;
        if (d == null) {
            throw new IllegalStateException("no data event");
        }
        data = null;
        return d;
    }

    /** After {@link Kind#PART_END}: whether the part ended at a delimiter (false: at the end of the body). */
    public boolean endedByDelimiter() {
        return endedByDelimiter;
    }

    /** The next event. */
    public Kind next() throws InvalidFormException {
        while (true) {
            Kind k = switch (state) {
                case PREAMBLE -> preamble();
                case HEADERS -> headers();
                case BODY -> body();
                case AFTER_DELIMITER -> afterDelimiter();
                case PART_END_PENDING -> {
                    state = afterPending;
                    yield Kind.PART_END;
                }
                case DONE -> {
                    discardInput();
                    yield Kind.END;
                }
            };
            if (k != null) {
                in.discardReadComponents();
                return k;
            }
        }
    }

    /** {@code readline(len(boundary) + 2)} until a line that is not {@code \r\n}, which must be the boundary. */
    private @Nullable Kind preamble() throws InvalidFormException {
        int limit = firstLine.length + 2;
        int avail = in.readableBytes();
        int scan = Math.min(avail, limit);
        int lf = in.forEachByte(in.readerIndex(), scan, ByteProcessor.FIND_LF);
        int length;
        if (lf >= 0) {
            length = lf - in.readerIndex() + 1;
        } else if (avail >= limit) {
            length = limit;
        } else if (eof) {
            length = avail;
        } else {
            return Kind.NEED_INPUT;
        }
        byte[] line = new byte[length];
        in.readBytes(line);
        if (length == 2 && line[0] == '\r' && line[1] == '\n') {
            return null;
        }
        if (!java.util.Arrays.equals(strip(line), firstLine)) {
            throw new InvalidFormException("invalid starting boundary");
        }
        startPart();
        return null;
    }

    /** Python's {@code bytes.strip()}: ASCII whitespace off both ends. */
    private static byte[] strip(byte[] b) {
        int from = 0;
        int to = b.length;
        while (from < to && isSpace(b[from])) {
            from++;
        }
        while (to > from && isSpace(b[to - 1])) {
            to--;
        }
        return java.util.Arrays.copyOfRange(b, from, to);
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c;
    }

    private void startPart() {
        state = State.HEADERS;
        headerLines.clear();
        headerBytes = 0;
    }

    /** One header line, the end of the headers ({@link Kind#PART}), or the part's end inside them. */
    private @Nullable Kind headers() throws InvalidFormException {
        int r = in.readerIndex();
        int avail = in.readableBytes();
        int crlf = indexOfCrLf(r, avail);
        if (crlf < 0) {
            if (!eof) {
                checkHeaderSize(avail);
                return Kind.NEED_INPUT;
            }
            // the body ended inside the headers: what is left is the last line, and the part ends
            addHeaderLine(avail);
            endedByDelimiter = false;
            state = State.PART_END_PENDING;
            afterPending = State.DONE;
            return Kind.PART;
        }
        int lineLength = crlf - r;
        int delimiterAt = delimiterAt(crlf);
        if (delimiterAt < 0) {
            checkHeaderSize(avail);
            return Kind.NEED_INPUT;
        }
        if (delimiterAt == 1) {
            // the part ends here: the text before the delimiter is its last header line, its body is empty
            addHeaderLine(lineLength);
            in.skipBytes(delimiter.length);
            endedByDelimiter = true;
            state = State.PART_END_PENDING;
            afterPending = State.AFTER_DELIMITER;
            return Kind.PART;
        }
        if (lineLength == 0) {
            in.skipBytes(2);
            state = State.BODY;
            return Kind.PART;
        }
        checkHeaderSize(lineLength + 2);
        addHeaderLine(lineLength + 2);
        return null;
    }

    /** Whether the delimiter starts at {@code at}: 1 yes, 0 no, -1 not known until more arrives. */
    private int delimiterAt(int at) {
        int end = in.writerIndex();
        for (int i = 0; i < delimiter.length; i++) {
            if (at + i >= end) {
                return eof ? 0 : -1;
            }
            if (in.getByte(at + i) != delimiter[i]) {
                return 0;
            }
        }
        return 1;
    }

    private void checkHeaderSize(int more) throws InvalidFormException {
        if (headerBytes + more > MAX_HEADER_BYTES) {
            throw new InvalidFormException("part headers longer than " + MAX_HEADER_BYTES + " bytes");
        }
    }

    private void addHeaderLine(int length) {
        byte[] line = new byte[length];
        in.readBytes(line);
        headerBytes += length;
        if (length > 0) {
            headerLines.add(decode(line));
        }
    }

    /** {@code line.decode('utf-8')}, falling back to Latin-1 as Swift's {@code parse_mime_headers}. */
    private static String decode(byte[] line) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(line))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(line, StandardCharsets.ISO_8859_1);
        }
    }

    /** Body bytes up to the next delimiter (holding back what may begin one), or the part's end. */
    private @Nullable Kind body() {
        int r = in.readerIndex();
        int avail = in.readableBytes();
        int d = indexOfDelimiter(r, avail);
        if (d == r) {
            in.skipBytes(delimiter.length);
            state = State.AFTER_DELIMITER;
            endedByDelimiter = true;
            return Kind.PART_END;
        }
        int ready;
        if (d > r) {
            ready = d - r;
        } else if (eof) {
            ready = avail;
        } else {
            ready = avail - (delimiter.length - 1);
        }
        if (ready <= 0) {
            if (eof) {
                state = State.DONE;
                endedByDelimiter = false;
                return Kind.PART_END;
            }
            return Kind.NEED_INPUT;
        }
        int n = Math.min(ready, MAX_DATA_BYTES);
        ByteBuf out = in.alloc().buffer(n);
        in.readBytes(out, n);
        data = out;
        return Kind.DATA;
    }

    /** After a delimiter: {@code --} ends the form; otherwise two bytes are skipped and a part begins. */
    private @Nullable Kind afterDelimiter() {
        int avail = in.readableBytes();
        if (avail < 2 && !eof) {
            return Kind.NEED_INPUT;
        }
        int r = in.readerIndex();
        if (avail >= 2 && in.getByte(r) == '-' && in.getByte(r + 1) == '-') {
            state = State.DONE;
            return Kind.END;
        }
        in.skipBytes(Math.min(2, avail));
        startPart();
        return null;
    }

    private int indexOfCrLf(int from, int length) {
        int i = from;
        int end = from + length;
        while (i < end) {
            int cr = in.forEachByte(i, end - i, ByteProcessor.FIND_CR);
            if (cr < 0 || cr + 1 >= end) {
                return -1;
            }
            if (in.getByte(cr + 1) == '\n') {
                return cr;
            }
            i = cr + 1;
        }
        return -1;
    }

    /** The first complete delimiter at or after {@code from}, or -1. */
    private int indexOfDelimiter(int from, int length) {
        int i = from;
        int end = from + length;
        while (i < end) {
            int cr = in.forEachByte(i, end - i, ByteProcessor.FIND_CR);
            if (cr < 0 || cr + delimiter.length > end) {
                return -1;
            }
            if (delimiterAt(cr) == 1) {
                return cr;
            }
            i = cr + 1;
        }
        return -1;
    }

    private void discardInput() {
        in.skipBytes(in.readableBytes());
    }

    /** Releases what is buffered. */
    @Override
    public void close() {
        ByteBuf d = data;
        data = null;
        if (d != null) {
            d.release();
        }
        if (in.refCnt() > 0) {
            in.release();
        }
    }
}
