package io.cairn.common.db;

import io.cairn.common.io.DeviceExecutors;
import io.cairn.common.io.DeviceRoot;
import io.cairn.common.io.DurableFiles;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The receiving side of Cairn's whole-DB transfer, the HTTP replacement for the {@code rsync} of Swift's
 * {@code _rsync_db} (specified in {@code replicator/README.md}, "DB file transfer"):
 * {@code REPLICATE /<dev>/<part>/<hash>/<name>} with the DB file as the body, {@code Content-Length} and
 * {@code X-Cairn-Db-Md5}. The body is streamed to {@code <dev>/tmp/<name>.<uuid>.part} on the device's
 * executor, checked (length and MD5), fsynced and renamed to {@code <dev>/tmp/<name>} — where Swift's
 * rsync puts it — ready for the {@code complete_rsync} or {@code rsync_then_merge} RPC. Answers 201 when
 * stored, 400 for a bad name, 405 when {@code replication_server = false}, 411 without a length, 422 when
 * the length or MD5 do not match, 507 when the device is unusable, 500 on an I/O failure.
 *
 * <p>Every other request (JSON {@code REPLICATE} RPCs have three path segments) passes through
 * untouched, so the handler sits in front of the server's aggregator.
 *
 * <p>One instance per channel, confined to its event loop; file writes run on the device executor, in
 * order (each chunk's write is chained after the previous one), and the channel stops reading while
 * more than a few chunks wait.
 */
public final class DbFileTransferHandler extends ChannelInboundHandlerAdapter {
    /** The header carrying the hex MD5 of the whole body. */
    public static final String MD5_HEADER = "X-Cairn-Db-Md5";

    private static final int MAX_QUEUED_CHUNKS = 16;

    private final DeviceRoot root;
    private final DeviceExecutors executors;
    private final boolean replicationServer;
    private @Nullable Transfer transfer;

    /**
     * @param root the devices directory and mount_check
     * @param executors the server's device executors (file writes run there)
     * @param replicationServer Swift's {@code replication_server}: false answers 405
     */
    public DbFileTransferHandler(DeviceRoot root, DeviceExecutors executors, boolean replicationServer) {
        this.root = root;
        this.executors = executors;
        this.replicationServer = replicationServer;
    }

    /** The {@code [dev, part, hash, name]} of a DB transfer request, or null for any other request. */
    static String @Nullable [] transferPath(HttpRequest request) {
        if (!request.method().name().equals("REPLICATE")) {
            return null;
        }
        String uri = request.uri();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        if (!path.startsWith("/")) {
            return null;
        }
        String[] parts = path.substring(1).split("/", -1);
        return parts.length == 4 ? parts : null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            String[] parts = transferPath(request);
            if (parts != null) {
                start(ctx, request, parts);
                if (msg instanceof HttpContent content) {
                    onContent(ctx, content);
                } else {
                    ReferenceCountUtil.release(msg);
                }
                return;
            }
        } else if (msg instanceof HttpContent content && transfer != null) {
            onContent(ctx, content);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private void start(ChannelHandlerContext ctx, HttpRequest request, String[] parts) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        Transfer t = new Transfer(ctx, keepAlive, parts[0]);
        transfer = t;
        String name = parts[3];
        String md5 = request.headers().get(MD5_HEADER);
        if (!replicationServer) {
            t.fail(405, "replication_server = false");
        } else if (!DeviceRoot.isValidDeviceName(parts[0]) || !validName(name)) {
            t.fail(400, "Invalid path: " + request.uri());
        } else if (!HttpUtil.isContentLengthSet(request)) {
            t.fail(411, "Content-Length required");
        } else if (md5 == null || !md5.matches("[0-9a-fA-F]{32}")) {
            t.fail(400, "Missing or bad " + MD5_HEADER);
        } else {
            t.open(name, HttpUtil.getContentLength(request, -1L), md5.toLowerCase(Locale.ROOT));
        }
    }

    /** A temp name Swift's rsync would accept: no separators, not {@code .}/{@code ..}, bounded. */
    static boolean validName(String name) {
        return !name.isEmpty()
                && name.length() <= 255
                && !name.equals(".")
                && !name.equals("..")
                && name.indexOf('/') < 0
                && name.indexOf('\\') < 0
                && name.indexOf('\0') < 0
                && !name.endsWith(".part");
    }

    private void onContent(ChannelHandlerContext ctx, HttpContent content) {
        Transfer t = transfer;
        if (t == null) {
            content.release();
            return;
        }
        boolean last = content instanceof LastHttpContent;
        t.write(content.content());
        if (last) {
            transfer = null;
            t.finish();
        }
        if (t.queued > MAX_QUEUED_CHUNKS) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Transfer t = transfer;
        transfer = null;
        if (t != null) {
            t.abort();
        }
        ctx.fireChannelInactive();
    }

    /** One upload: its temp file, digest and the chain of writes on the device executor. */
    private final class Transfer {
        private final ChannelHandlerContext ctx;
        private final boolean keepAlive;
        private final String device;
        private CompletableFuture<@Nullable Void> chain = CompletableFuture.completedFuture(null);
        private int queued;
        private @Nullable FileChannel file;
        private @Nullable Path partFile;
        private @Nullable Path target;
        private @Nullable MessageDigest digest;
        private long expectedLength;
        private long received;
        private String expectedMd5 = "";
        private @Nullable Answer early;

        Transfer(ChannelHandlerContext ctx, boolean keepAlive, String device) {
            this.ctx = ctx;
            this.keepAlive = keepAlive;
            this.device = device;
        }

        /** Refuses at once and closes: the body is never read (later chunks are dropped until the close). */
        void fail(int status, String message) {
            Answer answer = new Answer(status, message);
            early = answer;
            respond(answer);
        }

        void open(String name, long length, String md5) {
            expectedLength = length;
            expectedMd5 = md5;
            then(() -> {
                Path dev = root.resolve(device);
                if (dev == null) {
                    throw new AnswerException(new Answer(507, device + " is not mounted"));
                }
                Path tmp = DbPaths.tmpDir(dev);
                DurableFiles.createDirectories(tmp);
                Path part = tmp.resolve(name + "." + UUID.randomUUID() + ".part");
                partFile = part;
                target = tmp.resolve(name);
                file = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                digest = md5();
            });
        }

        void write(ByteBuf data) {
            // copied off the event loop's buffer at once: no ByteBuf outlives this call, whatever fails later
            byte[] bytes = ByteBufUtil.getBytes(data);
            data.release();
            if (early != null || bytes.length == 0) {
                return;
            }
            queued++;
            then(() -> {
                FileChannel f = file;
                MessageDigest d = digest;
                if (f == null || d == null) {
                    throw new IOException("transfer was not opened");
                }
                d.update(bytes);
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    f.write(b);
                }
                received += bytes.length;
            });
            chain.whenComplete((v, e) -> ctx.executor().execute(() -> {
                queued--;
                if (queued <= MAX_QUEUED_CHUNKS / 2 && !ctx.channel().config().isAutoRead()) {
                    ctx.channel().config().setAutoRead(true);
                }
            }));
        }

        void finish() {
            if (early != null) {
                return; // answered when refused
            }
            then(this::complete);
            chain.whenComplete((v, e) -> {
                Answer answer = e == null ? new Answer(201, "") : answerFor(e);
                if (e != null) {
                    cleanup();
                }
                ctx.executor().execute(() -> respond(answer));
            });
        }

        private void complete() throws IOException {
            FileChannel f = file;
            MessageDigest d = digest;
            Path part = partFile;
            Path dst = target;
            if (f == null || d == null || part == null || dst == null) {
                throw new IOException("transfer was not opened");
            }
            f.force(true);
            f.close();
            file = null;
            String md5 = HexFormat.of().formatHex(d.digest());
            if (received != expectedLength || !md5.equals(expectedMd5)) {
                throw new AnswerException(new Answer(
                        422,
                        "received " + received + " bytes with MD5 " + md5 + ", expected " + expectedLength
                                + " bytes with MD5 " + expectedMd5));
            }
            DurableFiles.renameInto(part, dst);
            partFile = null;
        }

        void abort() {
            chain = chain.handle((v, e) -> null);
            then(this::cleanup);
        }

        private void cleanup() {
            try {
                FileChannel f = file;
                file = null;
                if (f != null) {
                    f.close();
                }
                Path part = partFile;
                partFile = null;
                if (part != null) {
                    Files.deleteIfExists(part);
                }
            } catch (IOException ignored) {
                // a leftover .part file is removed with the tmp dir's age-based cleanup
            }
        }

        private void then(IoStep step) {
            // a failed step fails every later one without running it (the answer is the first failure)
            chain = chain.thenCompose(v -> executors.<@Nullable Void>submit(device, () -> {
                step.run();
                return null;
            }));
        }

        private void respond(Answer answer) {
            byte[] body = answer.message().getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(body));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8");
            HttpUtil.setContentLength(response, body.length);
            if (!keepAlive || early != null) {
                // an early refusal leaves the body unread on the wire: close rather than parse it as requests
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            } else {
                ctx.writeAndFlush(response);
            }
            ctx.channel().config().setAutoRead(true);
        }
    }

    private static Answer answerFor(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AnswerException a) {
                return a.answer;
            }
        }
        if (e.getCause() instanceof io.cairn.common.io.DeviceBusyException) {
            return new Answer(503, "device busy");
        }
        return new Answer(500, "cannot store the DB file: " + e);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is always available", e);
        }
    }

    /** A file step on the device executor. */
    @FunctionalInterface
    private interface IoStep {
        void run() throws IOException;
    }

    /** A status and message to answer. */
    private record Answer(int status, String message) {}

    /** Ends a transfer with a specific answer. */
    private static final class AnswerException extends IOException {
        private static final long serialVersionUID = 1L;

        @SuppressWarnings("serial")
        private final Answer answer;

        AnswerException(Answer answer) {
            super(answer.message());
            this.answer = answer;
        }
    }
}
