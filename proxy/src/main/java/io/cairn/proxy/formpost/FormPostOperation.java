package io.cairn.proxy.formpost;

import io.cairn.common.codec.PythonInts;
import io.cairn.common.time.Timestamp;
import io.cairn.proxy.swift.BodySource;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftPath;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One form upload (Swift's {@code _translate_form}): reads the form as it arrives, keeps its fields (the first
 * {@value #MAX_VALUE_LENGTH} bytes of each), and streams each file into its PUT, one file after the other, the
 * PUT's pacing holding the client back. A refusal (a bad field, a bad or expired signature, too many files, a file
 * over {@code max_file_size}) stops the form; files stored before it stay. The answer goes out once the client's
 * body is all in (the rest of a stopped form is read and dropped, as Swift's server does), so the connection
 * stays usable.
 *
 * <p>Confined to the exchange's event loop.
 */
final class FormPostOperation implements Operation {
    /** Swift's {@code MAX_VALUE_LENGTH}: the bytes of a field's value kept. */
    static final int MAX_VALUE_LENGTH = 4096;

    private final FormContext form;
    private final Exchange ex;
    private final List<String> keys;
    private final MultipartReader reader;
    private final Map<String, String> attributes = new HashMap<>();
    private final ByteArrayOutputStream field = new ByteArrayOutputStream();
    private @Nullable String fieldName;
    private int fileCount;
    private String status = "";
    private String message = "";
    private HttpHeaders putHeaders = EmptyHttpHeaders.INSTANCE;

    private enum Part {
        NONE,
        FIELD,
        FILE
    }

    private Part part = Part.NONE;
    private @Nullable Operation put;
    private long maxFileSize;
    private long fileBytes;
    /** The PUT takes body now (its replicas are ready and not pushing back). */
    private boolean putReady;
    /** The file is all sent; the PUT's answer is awaited. */
    private boolean awaitingPut;

    private boolean pumping;
    /** The answer, once decided; it goes out when the request's body is all in. */
    private @Nullable FullHttpResponse answer;

    private boolean sent;
    /** The answer is the last PUT's result (its CORS headers are Swift's), not a refusal of the form. */
    private boolean sentAfterPut;

    private boolean closed;

    FormPostOperation(FormContext form, List<String> keys) {
        this.form = form;
        this.ex = form.exchange();
        this.keys = List.copyOf(keys);
        this.reader = new MultipartReader(
                form.boundary().getBytes(StandardCharsets.UTF_8), ex.channel().alloc());
    }

    @Override
    public void start() {
        ex.filterResponse(this::corsAsSwift);
        // the body's end comes as its LastHttpContent, also when the request is already complete (a Deferred
        // lookup hands over the chunks it held after this start)
        if (!ex.requestComplete() && HttpUtil.is100ContinueExpected(ex.request())) {
            // the form is read from here on (Swift's server answers 100 Continue at the first read of the body)
            ex.channel().writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
        pump();
    }

    @Override
    public void content(HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        if (answer != null || closed) {
            content.release();
        } else {
            reader.feed(content.content().retain());
            content.release();
            if (last) {
                reader.endOfInput();
            }
            pump();
        }
        if (last) {
            sendIfDone();
        }
    }

    /** Reads events while the form can go on: not waiting for a PUT's answer or pacing. */
    private void pump() {
        if (pumping) {
            return;
        }
        pumping = true;
        try {
            while (answer == null && !closed && !awaitingPut && (part != Part.FILE || putReady)) {
                if (!step()) {
                    break;
                }
            }
        } catch (MultipartReader.InvalidFormException e) {
            decide(FormAnswers.invalid(String.valueOf(e.getMessage())));
        } finally {
            pumping = false;
        }
        readClient();
    }

    /** One event; false when more of the body is needed. */
    private boolean step() throws MultipartReader.InvalidFormException {
        switch (reader.next()) {
            case NEED_INPUT:
                return false;
            case PART:
                beginPart(MimeHeaders.parse(reader.headerLines()));
                return true;
            case DATA:
                data(reader.takeData());
                return true;
            case PART_END:
                endPart();
                return true;
            case END:
            default:
                finish();
                return true;
        }
    }

    /** The client is read while the form needs more and can take it, or while a decided form drains. */
    private void readClient() {
        if (ex.requestComplete() || closed) {
            return;
        }
        boolean wanted = answer != null || (!awaitingPut && (part != Part.FILE || putReady));
        ex.channel().config().setAutoRead(wanted);
        if (wanted) {
            ex.channel().read();
        }
    }

    private void beginPart(MimeHeaders headers) {
        String disposition = headers.get("Content-Disposition");
        Disposition d = Disposition.parse(disposition == null ? "" : disposition);
        String filename = d.attributes().get("filename");
        if (d.value().equals("form-data") && filename != null && !filename.isEmpty()) {
            beginFile(headers, filename);
        } else {
            part = Part.FIELD;
            fieldName = d.attributes().get("name");
            field.reset();
        }
    }

    private void data(ByteBuf piece) {
        try {
            if (part == Part.FIELD) {
                int keep = Math.min(piece.readableBytes(), MAX_VALUE_LENGTH - field.size());
                if (keep > 0) {
                    byte[] b = new byte[keep];
                    piece.readBytes(b);
                    field.write(b, 0, keep);
                }
            } else if (part == Part.FILE) {
                fileData(piece.retain());
            }
        } finally {
            piece.release();
        }
    }

    private void endPart() {
        if (part == Part.FIELD) {
            String name = fieldName;
            if (name != null) {
                String value = new String(field.toByteArray(), StandardCharsets.UTF_8);
                attributes.put(name.toLowerCase(java.util.Locale.ROOT), rstrip(value));
            }
        } else if (part == Part.FILE) {
            Operation p = put;
            if (!reader.endedByDelimiter()) {
                // Swift stores a file cut off by the end of the body (no closing boundary) as if whole; Cairn keeps
                // nothing of it (issue 16: a truncated form stores nothing)
                stopPut();
                decide(FormAnswers.invalid("truncated form: no boundary after the last file"));
                return;
            }
            if (fileBytes > maxFileSize) {
                // a negative max_file_size: Swift's capped reader refuses even the empty read at the end
                stopPut();
                decide(FormAnswers.invalid("max_file_size exceeded"));
                return;
            }
            if (p != null) {
                awaitingPut = true;
                p.content(LastHttpContent.EMPTY_LAST_CONTENT);
            }
        }
        part = Part.NONE;
    }

    /** {@code data.rstrip('\r\n--')}. */
    private static String rstrip(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\r' || s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '-')) {
            end--;
        }
        return s.substring(0, end);
    }

    /** A file part: Swift's count check, then the checks of {@code _perform_subrequest}, then its PUT. */
    private void beginFile(MimeHeaders headers, String filename) {
        fileCount++;
        BigInteger maxCount = intOf(attributes.get("max_file_count"));
        if (maxCount == null) {
            decide(FormAnswers.invalid("max_file_count not an integer"));
            return;
        }
        if (BigInteger.valueOf(fileCount).compareTo(maxCount) > 0) {
            status = "400 Bad Request";
            message = "max file count exceeded";
            finish();
            return;
        }
        Map<String, String> file = new HashMap<>(attributes);
        file.put("filename", filename);
        String type = headers.get("Content-Type");
        if (!attributes.containsKey("content-type") && type != null) {
            file.put("content-type", type.isEmpty() ? "application/octet-stream" : type);
        }
        String encoding = headers.get("Content-Encoding");
        if (!attributes.containsKey("content-encoding") && encoding != null) {
            file.put("content-encoding", encoding);
        }
        FileRequest request = FileRequest.check(file, keys, form, form.clock().millis());
        FullHttpResponse refusal = request.refusal();
        SwiftPath path = request.path();
        if (refusal != null || path == null) {
            decide(refusal != null ? refusal : FormAnswers.invalid("no file name"));
            return;
        }
        startPut(request, path);
    }

    /** Python's {@code int(value or 0)}: null where it raises ValueError. */
    static @Nullable BigInteger intOf(@Nullable String value) {
        return value == null || value.isEmpty() ? BigInteger.ZERO : PythonInts.parse(value);
    }

    private void startPut(FileRequest request, SwiftPath path) {
        part = Part.FILE;
        maxFileSize = request.maxFileSize();
        fileBytes = 0;
        putReady = false;
        Exchange parent =
                ex.preAuthorized().withTimestamp(Timestamp.now(ex.services().clock()));
        Operation p = Subrequests.uploadPaced(parent, form.next(), path, request.headers(), pacing, this::putAnswered);
        put = p;
        if (p != null) {
            p.start();
        }
    }

    private void fileData(ByteBuf piece) {
        fileBytes += piece.readableBytes();
        Operation p = put;
        if (fileBytes > maxFileSize) {
            // Swift's _CappedFileLikeObject raises EOFError in the PUT's read: nothing of the file is stored
            piece.release();
            stopPut();
            decide(FormAnswers.invalid("max_file_size exceeded"));
            return;
        }
        if (p == null) {
            piece.release();
            return;
        }
        p.content(new DefaultHttpContent(piece));
    }

    /** A file's PUT answered: on to the next part after a success, else the form ends with its status. */
    private void putAnswered(FullHttpResponse r) {
        try {
            if (answer != null || closed) {
                return;
            }
            put = null;
            status = r.status().code() + " " + r.status().reasonPhrase();
            putHeaders = r.headers().copy();
            boolean whole = awaitingPut;
            awaitingPut = false;
            if (r.status().code() / 100 != 2) {
                finish();
            } else if (!whole) {
                // answered before its body was all sent (cannot happen for a 2xx): stop
                decide(FormAnswers.invalid("file upload answered before its end"));
            } else {
                part = Part.NONE;
            }
        } finally {
            r.release();
        }
        if (!pumping) {
            pump();
        }
    }

    /** The PUT paces the form (its replicas' back-pressure). */
    private final BodySource pacing = new BodySource() {
        @Override
        public void pause() {
            putReady = false;
            readClient();
        }

        @Override
        public void resume() {
            putReady = true;
            if (!pumping) {
                pump();
            }
        }

        @Override
        public void ready() {
            resume();
        }

        @Override
        public void abort() {
            // the PUT failed: its answer says why
        }
    };

    private void stopPut() {
        Operation p = put;
        put = null;
        if (p != null) {
            p.clientClosed();
        }
    }

    /**
     * Swift's FormPost answers above the proxy's CORS handling and passes on only the last PUT's {@code
     * Access-Control-*} headers: the proxy's decoration of this answer (the same as a PUT of the container gets)
     * stays only on an answer that follows a PUT, and its {@code Vary: Origin} never (Swift copies no {@code Vary}).
     */
    private void corsAsSwift(io.netty.handler.codec.http.HttpResponse head) {
        HttpHeaders h = head.headers();
        if (!sentAfterPut) {
            List<String> names = new java.util.ArrayList<>();
            for (Map.Entry<String, String> e : h) {
                if (e.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("access-control")) {
                    names.add(e.getKey());
                }
            }
            names.forEach(h::remove);
        }
        if ("Origin".equalsIgnoreCase(h.get("Vary"))) {
            h.remove("Vary");
        }
    }

    /** The form is read (or stopped): Swift's answer from the last status, message and redirect. */
    private void finish() {
        if (status.isEmpty()) {
            status = "400 Bad Request";
            message = "no files to process";
        }
        sentAfterPut = putHeaders != EmptyHttpHeaders.INSTANCE;
        decide(FormAnswers.result(status, message, attributes.get("redirect"), putHeaders));
    }

    private void decide(FullHttpResponse response) {
        if (answer != null || closed) {
            response.release();
            return;
        }
        answer = response;
        part = Part.NONE;
        reader.close();
        sendIfDone();
    }

    private void sendIfDone() {
        FullHttpResponse a = answer;
        if (a != null && !sent && ex.requestComplete()) {
            sent = true;
            ex.respond(a);
        }
    }

    @Override
    public void clientClosed() {
        if (closed) {
            return;
        }
        closed = true;
        stopPut();
        reader.close();
        FullHttpResponse a = answer;
        if (a != null && !sent) {
            sent = true;
            a.release();
        }
    }
}
