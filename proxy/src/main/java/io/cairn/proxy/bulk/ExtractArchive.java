package io.cairn.proxy.bulk;

import io.cairn.common.path.Names;
import io.cairn.common.path.PercentCoding;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.PacedBodySource;
import io.cairn.proxy.swift.Subrequests;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code PUT <path>?extract-archive=tar|tar.gz|tar.bz2} (Swift's {@code handle_extract_iter}): the archive is
 * spooled to a temporary file as it arrives, then read one regular file at a time on a worker thread ({@link
 * ArchiveReader}); each becomes {@code PUT /v1/<account>/<path>/<name>} as the caller (containers created when
 * missing), one after the other; the answer is bulk's result document.
 *
 * <p>Confined to the exchange's event loop (the archive reads run on {@code worker}, one at a time).
 */
final class ExtractArchive implements Operation {
    private final Exchange exchange;
    private final SwiftApp next;
    private final BulkConfig config;
    private final String compression;
    private final Executor worker;
    private final ResultStream out;
    private final List<String[]> failed = new ArrayList<>();
    private final Set<String> containersAccessed = new HashSet<>();
    private @Nullable Path spool;
    private @Nullable FileChannel spoolChannel;
    private @Nullable ArchiveReader reader;
    private @Nullable Operation call;
    /** The last task given to the worker: the reader is used by one task at a time, closed after the last. */
    private CompletableFuture<?> lastTask = CompletableFuture.completedFuture(null);

    private @Nullable String refusal;
    private int refusalStatus;
    private int created;
    private int containersCreated;
    private boolean badGateway;
    private boolean bodyDone;
    private boolean done;

    ExtractArchive(
            Exchange exchange,
            SwiftApp next,
            BulkConfig config,
            String compression,
            @Nullable String format,
            Executor worker) {
        this.exchange = exchange;
        this.next = next;
        this.config = config;
        this.compression = compression;
        this.worker = worker;
        this.out = new ResultStream(exchange, format, config.yieldFrequencySeconds());
    }

    @Override
    public void start() {
        HttpHeaders h = exchange.headers();
        if (out.format() == null) {
            refuse(406, "");
        } else if (!h.contains("Content-Length")
                && !h.get("Transfer-Encoding", "").equalsIgnoreCase("chunked")) {
            refuse(411, "");
        } else {
            try {
                Path p = Files.createTempFile("cairn-extract-", ".archive");
                spool = p;
                spoolChannel = FileChannel.open(p, StandardOpenOption.WRITE);
            } catch (IOException e) {
                refuse(500, "");
            }
        }
        if (exchange.requestComplete()) {
            bodyEnded();
        }
    }

    private void refuse(int status, String body) {
        if (refusal == null) {
            refusal = body;
            refusalStatus = status;
        }
    }

    @Override
    public void content(HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        FileChannel ch = spoolChannel;
        if (ch != null && refusal == null && !done) {
            try {
                java.nio.ByteBuffer[] bufs = content.content().nioBuffers();
                for (java.nio.ByteBuffer b : bufs) {
                    while (b.hasRemaining()) {
                        ch.write(b);
                    }
                }
            } catch (IOException e) {
                refuse(500, "");
            }
        }
        content.release();
        if (last) {
            bodyEnded();
        }
    }

    private void bodyEnded() {
        if (bodyDone) {
            return;
        }
        bodyDone = true;
        closeSpoolChannel();
        out.start();
        if (refusal != null) {
            finish(ResultStream.status(refusalStatus), refusal);
            return;
        }
        Path p = spool;
        if (p == null) {
            finish(ResultStream.status(500), "");
            return;
        }
        try {
            reader = new ArchiveReader(p, compression);
        } catch (IOException e) {
            finish(ResultStream.status(500), "");
            return;
        }
        readNext();
    }

    /** The next file, read on the worker, handled back on the event loop. */
    private void readNext() {
        ArchiveReader r = reader;
        if (done || r == null) {
            return;
        }
        if (failed.size() >= config.maxFailedExtractions()) {
            complete();
            return;
        }
        CompletableFuture<ArchiveReader.@Nullable Entry> read = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return r.next();
                    } catch (ArchiveReader.ArchiveException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                },
                worker);
        lastTask = read;
        read.whenCompleteAsync(
                (entry, e) -> {
                    if (done) {
                        return;
                    }
                    if (e != null) {
                        Throwable cause = e.getCause() != null ? e.getCause() : e;
                        if (cause instanceof IllegalStateException ise
                                && ise.getCause() instanceof ArchiveReader.ArchiveException ae) {
                            finish(ResultStream.status(400), "Invalid Tar File: " + ae.getMessage());
                        } else {
                            finish(ResultStream.status(500), "");
                        }
                    } else if (entry == null) {
                        complete();
                    } else {
                        handle(entry);
                    }
                },
                exchange.eventLoop());
    }

    /** One regular file of the archive: its object's name checked, its container made, then its PUT. */
    private void handle(ArchiveReader.Entry entry) {
        String objPath = entry.name();
        if (objPath.startsWith("./")) {
            objPath = objPath.substring(2);
        }
        objPath = lstrip(objPath);
        String base = extractBase();
        if (!base.isEmpty()) {
            objPath = base + "/" + objPath;
        }
        if (objPath.indexOf('/') < 0) {
            readNext();
            return;
        }
        byte[] wireBytes = objPath.getBytes(StandardCharsets.ISO_8859_1);
        String quotedName = quoteCut(objPath);
        if (!Names.checkUtf8(wireBytes, 0, wireBytes.length, false)) {
            failed.add(new String[] {quotedName, ResultStream.status(412)});
            readNext();
            return;
        }
        if (entry.size() > exchange.services().validator().constraints().maxFileSize()) {
            failed.add(new String[] {quotedName, ResultStream.status(413)});
            readNext();
            return;
        }
        String name = new String(wireBytes, StandardCharsets.UTF_8);
        String container = name.substring(0, name.indexOf('/'));
        String object = name.substring(name.indexOf('/') + 1);
        if (containersAccessed.contains(container)) {
            put(entry, container, object, quotedName, null);
            return;
        }
        createContainer(container, failure -> put(entry, container, object, quotedName, failure));
    }

    /**
     * {@code create_container}: HEAD, then PUT when missing; {@code then} gets null or the container's failure
     * {@code [quoted path, status]}; a 401 or too many containers end the extraction.
     */
    private void createContainer(String container, Consumer<String @Nullable []> then) {
        SwiftPath p = exchange.path();
        SwiftPath cp = new SwiftPath(p.version(), p.account(), container, null, p.query());
        String quoted = quoteCut("/" + p.version() + "/" + wire(p.account()) + "/" + wire(container));
        call = Subrequests.call(exchange, next, HttpMethod.HEAD, cp, identity(), null, head -> {
            call = null;
            int hs = head.status().code();
            String headLine = head.status().toString();
            head.release();
            if (hs / 100 == 2) {
                then.accept(null);
                return;
            }
            if (hs != 404) {
                containerFailed(then, quoted, hs, headLine);
                return;
            }
            call = Subrequests.call(exchange, next, HttpMethod.PUT, cp, identity(), Unpooled.EMPTY_BUFFER, put -> {
                call = null;
                int ps = put.status().code();
                String putLine = put.status().toString();
                put.release();
                if (ps / 100 != 2) {
                    containerFailed(then, quoted, ps, putLine);
                    return;
                }
                containersCreated++;
                if (containersCreated > config.maxContainers()) {
                    finish(
                            ResultStream.status(400),
                            "More than " + config.maxContainers() + " containers to create from tar.");
                    return;
                }
                then.accept(null);
            });
        });
    }

    private void containerFailed(Consumer<String @Nullable []> then, String quoted, int status, String line) {
        if (status == 401) {
            finish(ResultStream.status(401), "");
            return;
        }
        then.accept(new String[] {quoted, line});
    }

    /** The object's PUT as the caller, with the request's expiry and user metadata and the entry's PAX metadata. */
    private void put(
            ArchiveReader.Entry entry,
            String container,
            String object,
            String quotedName,
            String @Nullable [] containerFailure) {
        SwiftPath p = exchange.path();
        SwiftPath op = new SwiftPath(p.version(), p.account(), container, object, p.query());
        HttpHeaders h = identity();
        for (Map.Entry<String, String> e : exchange.headers()) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (k.equals("x-delete-at") || k.equals("x-delete-after") || k.startsWith("x-object-meta-")) {
                h.set(e.getKey(), e.getValue());
            }
        }
        entry.pax().forEach((k, v) -> {
            String header = paxHeader(k);
            if (header != null) {
                h.set(header, new String(v.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
            }
        });
        Consumer<FullHttpResponse> answered = r -> {
            call = null;
            int status = r.status().code();
            String line = r.status().toString();
            r.release();
            containersAccessed.add(container);
            if (status / 100 == 2) {
                created++;
                readNext();
                return;
            }
            if (containerFailure != null) {
                failed.add(containerFailure);
            }
            if (status == 401) {
                failed.add(new String[] {quotedName, ResultStream.status(401)});
                finish(ResultStream.status(401), "");
                return;
            }
            badGateway |= status / 100 == 5;
            failed.add(new String[] {quotedName, line});
            readNext();
        };
        byte[] data = entry.data();
        if (data != null) {
            call = Subrequests.call(exchange, next, HttpMethod.PUT, op, h, Unpooled.wrappedBuffer(data), answered);
        } else {
            new StreamedEntry(entry.size()).start(op, h, answered);
        }
    }

    /**
     * A file too big to hold in memory ({@link ArchiveReader#MAX_ENTRY_BYTES}): its PUT takes the body in pieces
     * read from the archive on the worker, one read at a time and only while the PUT's replicas keep up.
     */
    private final class StreamedEntry extends PacedBodySource {
        private static final int PIECE = 256 << 10;
        private final long size;
        private long sent;
        private @Nullable Operation put;
        private boolean reading;
        private boolean ended;

        StreamedEntry(long size) {
            super(true);
            this.size = size;
        }

        void start(SwiftPath path, HttpHeaders h, Consumer<FullHttpResponse> answered) {
            h.set(HttpHeaderNames.CONTENT_LENGTH, Long.toString(size));
            Operation p = Subrequests.uploadPaced(exchange, next, path, h, this, answered);
            put = p;
            call = p;
            if (p != null) {
                p.start();
            }
        }

        @Override
        protected void resumed() {
            pump();
        }

        @Override
        public void abort() {
            ended = true;
        }

        private void pump() {
            ArchiveReader r = reader;
            if (paused() || reading || ended || done || r == null) {
                return;
            }
            reading = true;
            int want = (int) Math.min(PIECE, size - sent);
            CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return r.readContent(want);
                        } catch (ArchiveReader.ArchiveException e) {
                            throw new IllegalStateException(e.getMessage(), e);
                        }
                    },
                    worker);
            lastTask = read;
            read.whenCompleteAsync(this::delivered, exchange.eventLoop());
        }

        private void delivered(byte @Nullable [] bytes, @Nullable Throwable e) {
            reading = false;
            Operation p = put;
            if (done || ended || p == null) {
                return;
            }
            if (e != null || bytes == null) {
                // the archive ends inside this file: nothing of it may be stored
                ended = true;
                p.clientClosed();
                Throwable cause = e != null && e.getCause() != null ? e.getCause() : e;
                finish(
                        ResultStream.status(400),
                        "Invalid Tar File: "
                                + (cause instanceof IllegalStateException ise && ise.getMessage() != null
                                        ? ise.getMessage()
                                        : "unexpected end of data"));
                return;
            }
            sent += bytes.length;
            if (sent >= size) {
                ended = true;
                p.content(new DefaultLastHttpContent(Unpooled.wrappedBuffer(bytes)));
                return;
            }
            p.content(new DefaultHttpContent(Unpooled.wrappedBuffer(bytes)));
            pump();
        }
    }

    /** {@code pax_key_to_swift_header}. */
    static @Nullable String paxHeader(String key) {
        if (key.equals("SCHILY.xattr.user.mime_type") || key.equals("LIBARCHIVE.xattr.user.mime_type")) {
            return "Content-Type";
        }
        for (String prefix : new String[] {"SCHILY.xattr.user.meta.", "LIBARCHIVE.xattr.user.meta."}) {
            if (key.startsWith(prefix)) {
                return wire("X-Object-Meta-" + key.substring(prefix.length()));
            }
        }
        return null;
    }

    private HttpHeaders identity() {
        HttpHeaders h = new DefaultHttpHeaders();
        String token = exchange.headers().get("X-Auth-Token");
        if (token != null) {
            h.set("X-Auth-Token", token);
        }
        return h;
    }

    /** {@code split_path(2, 3, True)}'s rest, without trailing slashes, as a wire string. */
    private String extractBase() {
        SwiftPath p = exchange.path();
        String base = p.container() == null ? "" : p.container() + (p.object() == null ? "" : "/" + p.object());
        int end = base.length();
        while (end > 0 && base.charAt(end - 1) == '/') {
            end--;
        }
        return wire(base.substring(0, end));
    }

    /** A decoded name as Swift's WSGI string (its UTF-8 bytes as ISO-8859-1 characters). */
    private static String wire(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** {@code wsgi_quote(path[:max_path_length])}. */
    private static String quoteCut(String wirePath) {
        String cut = wirePath.length() > BulkConfig.MAX_PATH_LENGTH
                ? wirePath.substring(0, BulkConfig.MAX_PATH_LENGTH)
                : wirePath;
        return PercentCoding.quote(cut.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String lstrip(String s) {
        int a = 0;
        while (a < s.length() && s.charAt(a) == '/') {
            a++;
        }
        return s.substring(a);
    }

    private void complete() {
        if (!failed.isEmpty()) {
            finish(ResultStream.status(badGateway ? 502 : 400), "");
        } else if (created == 0) {
            finish(ResultStream.status(400), "Invalid Tar File: No Valid Files");
        } else {
            finish(ResultStream.status(201), "");
        }
    }

    private void finish(String status, String body) {
        if (done) {
            return;
        }
        done = true;
        cleanUp();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Response Status", status);
        doc.put("Response Body", body);
        doc.put("Number Files Created", created);
        out.finish(doc, failed, "extract");
    }

    private void closeSpoolChannel() {
        FileChannel ch = spoolChannel;
        spoolChannel = null;
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                refuse(500, "");
            }
        }
    }

    /** Closes the reader (on the worker, after any read in progress) and removes the spool file. */
    private void cleanUp() {
        closeSpoolChannel();
        ArchiveReader r = reader;
        reader = null;
        Path p = spool;
        spool = null;
        lastTask.handleAsync(
                (x, e) -> {
                    try {
                        if (r != null) {
                            r.close();
                        }
                        if (p != null) {
                            Files.deleteIfExists(p);
                        }
                    } catch (IOException io) {
                        throw new UncheckedIOException(io);
                    }
                    return null;
                },
                worker);
    }

    @Override
    public void clientClosed() {
        out.close();
        Operation c = call;
        if (c != null) {
            c.clientClosed();
        }
        if (!done) {
            done = true;
            cleanUp();
        }
    }
}
