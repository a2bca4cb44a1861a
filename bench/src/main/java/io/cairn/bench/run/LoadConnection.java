package io.cairn.bench.run;

import io.cairn.bench.client.PayloadBuffer;
import io.cairn.bench.client.RequestFactory;
import io.cairn.bench.report.OperationStats;
import io.cairn.bench.workload.Operation;
import io.cairn.bench.workload.WorkloadSpec;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One keep-alive connection with one request in flight at a time. Closed loop: issues an operation, waits for the whole
 * response, records it, issues the next — until the phase says stop. Open loop ({@link WorkloadSpec#openLoop}): after
 * the prefill it follows its slots of the control's {@link RateSchedule} through a {@link RatePacer} (waiting for a slot
 * when free early, starting a late one as soon as it is free) and records latency from each slot's intended start.
 * Reconnects when the server closes or the connection fails (each failure is one recorded error). Confined to its
 * channel's event loop, except {@link #kick} (any thread) and the result accessors (read by the runner after the
 * connection reported itself idle through the control's latches).
 */
final class LoadConnection {
    private final WorkloadSpec spec;
    private final RunControl control;
    private final RequestFactory requests;
    private final PayloadBuffer payload;
    private final Bootstrap bootstrap;
    private final EventLoop loop;
    private final int index;
    private final Runnable slotTimer = this::startNext;
    private final SplittableRandom random;
    private final ObjectPool pool = new ObjectPool();
    private final EnumMap<Operation, OperationStats> stats = new EnumMap<>(Operation.class);
    private final Map<String, Long> errorsByStatus = new HashMap<>();
    private @Nullable Channel channel;
    private boolean prefillIdleReported;
    private boolean stopReported;
    private long lastMeasuredEndNanos;
    private @Nullable RatePacer pacer;

    // the operation in flight
    private boolean inFlight;
    private Operation op = Operation.PUT;
    private boolean prefillOp;
    private boolean measured;
    private int container;
    private long objectId;
    private long listMarker;
    private long bodyLength;
    private long startNanos;
    private boolean scheduledOp; // an open-loop slot: latency counts from intendedNanos, not startNanos
    private long intendedNanos;
    private int status;
    private long receivedBytes;
    private boolean closeAfter;

    LoadConnection(
            WorkloadSpec spec,
            RunControl control,
            RequestFactory requests,
            PayloadBuffer payload,
            Bootstrap bootstrap,
            EventLoop loop,
            int index) {
        this.spec = spec;
        this.control = control;
        this.requests = requests;
        this.payload = payload;
        this.random = new SplittableRandom(1000L + index);
        this.loop = loop;
        this.index = index;
        // every channel of this connection lives on one event loop, so all its state is confined to that thread
        this.bootstrap = bootstrap.clone(loop).handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline()
                        // a response that stalls longer than the timeout fails the operation instead of hanging the run
                        .addLast("timeout", new IdleStateHandler(0, 0, timeoutSeconds(spec), TimeUnit.SECONDS))
                        // bodies in 64 KiB chunks: the codec's 8 KiB default costs the client CPU that both
                        // servers under test share the machine with
                        .addLast(
                                "http",
                                new HttpClientCodec(new HttpDecoderConfig().setMaxChunkSize(64 * 1024), false, false))
                        .addLast("load", new ResponseHandler());
            }
        });
    }

    private static long timeoutSeconds(WorkloadSpec spec) {
        return Math.max(30, spec.sizes().max() >> 20); // at least 1 MB/s
    }

    /** Starts (or resumes after a phase change) the loop on the connection's event loop. Any thread. */
    void kick() {
        loop.execute(this::startNext);
    }

    private void startNext() {
        Phase phase = control.phase();
        if (phase == Phase.PREFILL) {
            long id = control.nextPrefillId();
            if (id < 0) {
                if (!prefillIdleReported) {
                    prefillIdleReported = true;
                    control.prefillIdle.countDown();
                }
                return;
            }
            prefillOp = true;
            scheduledOp = false;
            measured = false;
            prepare(Operation.PUT, id);
        } else if (spec.openLoop()) {
            if (!takeSlot()) {
                return;
            }
        } else {
            boolean measure = phase == Phase.MEASURE;
            if (phase == Phase.STOP || (measure && !control.takeMeasuredOp())) {
                reportStopped();
                return;
            }
            prefillOp = false;
            scheduledOp = false;
            measured = measure;
            chooseOperation();
        }
        Channel ch = channel;
        if (ch != null && ch.isActive()) {
            send(ch);
        } else {
            connectAndSend();
        }
    }

    /**
     * Open loop: takes this connection's due slot and prepares its operation (true), or arms a timer for the slot, or
     * reports the connection stopped when its schedule is over (false).
     */
    private boolean takeSlot() {
        RatePacer p = pacer;
        if (p == null) {
            p = new RatePacer(control.rateSchedule(), index, System::nanoTime);
            pacer = p;
        }
        switch (p.next()) {
            case WAIT -> {
                loop.schedule(slotTimer, p.waitNanos(), TimeUnit.NANOSECONDS);
                return false;
            }
            case STOP -> {
                reportStopped();
                return false;
            }
            case DUE -> p.take();
        }
        prefillOp = false;
        scheduledOp = true;
        intendedNanos = p.intendedNanos();
        measured = p.measured();
        chooseOperation();
        return true;
    }

    private void reportStopped() {
        if (!stopReported) {
            stopReported = true;
            control.stopped.countDown();
        }
    }

    private void chooseOperation() {
        Operation next = spec.mix().next(random);
        if ((next == Operation.GET || next == Operation.HEAD || next == Operation.DELETE) && pool.size() == 0) {
            next = Operation.PUT; // nothing of ours to read or delete yet: create something
        }
        switch (next) {
            case PUT -> prepare(Operation.PUT, control.nextObjectId());
            case GET, HEAD -> prepare(next, pool.pick(random));
            case DELETE -> prepare(Operation.DELETE, pool.removeRandom(random));
            case LIST -> prepareList();
        }
    }

    private void prepare(Operation operation, long id) {
        op = operation;
        objectId = id;
        container = (int) (id % spec.containers());
        bodyLength = operation == Operation.PUT ? spec.sizes().next(random) : 0;
    }

    private void prepareList() {
        op = Operation.LIST;
        container = random.nextInt(spec.containers());
        // prefill ids c, c + n, c + 2n, ... live in container c (n containers); names sort as ids do. An existing
        // list container is the one container (n = 1) holding ids 0 .. listObjects - 1
        long issued = spec.listContainer() != null ? spec.listObjects() : control.prefillIssued();
        long inContainer = issued <= container ? 0 : (issued - container - 1) / spec.containers() + 1;
        long pages = Math.max(1, (inContainer + spec.listLimit() - 1) / spec.listLimit());
        long page = random.nextLong(pages);
        listMarker = page == 0 ? -1 : container + (page * spec.listLimit() - 1) * spec.containers();
    }

    private void connectAndSend() {
        ChannelFuture f = bootstrap.connect();
        channel = f.channel();
        f.addListener(done -> {
            if (done.isSuccess()) {
                send(f.channel());
            } else {
                inFlight = true;
                startNanos = System.nanoTime();
                fail("io:connect");
                // back off a little so a dead server does not turn the run into a connect spin
                loop.schedule(this::startNext, 100, TimeUnit.MILLISECONDS);
            }
        });
    }

    private void send(Channel ch) {
        HttpRequest request = requests.request(op, container, objectId, bodyLength, listMarker, spec.listLimit());
        inFlight = true;
        status = 0;
        receivedBytes = 0;
        closeAfter = false;
        startNanos = System.nanoTime();
        if (op != Operation.PUT) {
            ch.write(request);
            ch.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
            return;
        }
        ch.write(request);
        if (bodyLength == 0) {
            ch.write(LastHttpContent.EMPTY_LAST_CONTENT);
        }
        // every chunk is a view of the same payload memory: queueing them all costs no copy
        for (long offset = 0; offset < bodyLength; offset += payload.chunkSize()) {
            ch.write(payload.chunk(offset, bodyLength));
        }
        ch.flush();
    }

    private void complete() {
        long now = System.nanoTime();
        inFlight = false;
        boolean ok = requests.isSuccess(op, status);
        slotFinished(ok);
        if (prefillOp) {
            if (ok) {
                pool.add(objectId);
                control.prefillDone.increment();
            } else {
                countError("prefill " + op.name() + " " + status);
                control.prefillErrors.increment();
            }
        } else if (ok) {
            if (op == Operation.PUT) {
                pool.add(objectId);
            }
            if (measured) {
                long bytes = op == Operation.PUT ? bodyLength : receivedBytes;
                // open loop: from the intended start, so time spent queued behind a slow server counts
                stats(op).recordSuccess(now - (scheduledOp ? intendedNanos : startNanos), bytes);
                lastMeasuredEndNanos = now;
                control.measuredOps.increment();
                control.measuredBytes.add(bytes);
            }
        } else {
            recordFailure(op.name() + " " + status, now);
        }
    }

    private void fail(String reason) {
        if (!inFlight) {
            return;
        }
        inFlight = false;
        slotFinished(false);
        if (prefillOp) {
            countError("prefill " + op.name() + " " + reason);
            control.prefillErrors.increment();
        } else {
            recordFailure(op.name() + " " + reason, System.nanoTime());
        }
    }

    private void slotFinished(boolean ok) {
        RatePacer p = pacer;
        if (scheduledOp && p != null) {
            p.finished(ok);
        }
    }

    private void recordFailure(String key, long now) {
        if (measured) {
            stats(op).recordError();
            lastMeasuredEndNanos = now;
            countError(key);
        } else {
            countError("warm-up " + key);
        }
    }

    private void countError(String key) {
        errorsByStatus.merge(key, 1L, Long::sum);
        control.errors.increment();
    }

    private OperationStats stats(Operation operation) {
        OperationStats s = stats.get(operation);
        if (s == null) {
            s = new OperationStats(operation);
            stats.put(operation, s);
        }
        return s;
    }

    /** Stats per operation that ran; read after the connection stopped. */
    Map<Operation, OperationStats> stats() {
        return stats;
    }

    /** Errors by {@code "<OP> <status>"}; read after the connection stopped. */
    Map<String, Long> errorsByStatus() {
        return errorsByStatus;
    }

    /** When the last measured operation of this connection ended (0 if none). */
    long lastMeasuredEndNanos() {
        return lastMeasuredEndNanos;
    }

    /** This connection's open-loop accounting, or null (closed loop); read after the connection stopped. */
    @Nullable
    RatePacer pacer() {
        return pacer;
    }

    /** Closes the channel, if any. */
    void close() {
        Channel ch = channel;
        if (ch != null) {
            ch.close().syncUninterruptibly();
        }
    }

    /** Reads responses of this connection's channel and drives the loop. */
    private final class ResponseHandler extends SimpleChannelInboundHandler<HttpObject> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            // hot path: no allocation
            if (ctx.channel() != channel) {
                return; // a late message of a channel this connection already replaced
            }
            if (msg instanceof HttpResponse response) {
                status = response.status().code();
                closeAfter = !HttpUtil.isKeepAlive(response);
            }
            if (msg instanceof HttpContent content) {
                receivedBytes += content.content().readableBytes();
            }
            if (msg instanceof LastHttpContent && inFlight) {
                complete();
                if (closeAfter) {
                    ctx.close();
                }
                startNext();
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof IdleStateEvent && inFlight && ctx.channel() == channel) {
                fail("io:timeout");
                ctx.close();
                startNext();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (inFlight && ctx.channel() == channel) {
                fail("io:closed");
                startNext();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (inFlight && ctx.channel() == channel) {
                fail("io:" + cause.getClass().getSimpleName());
                ctx.close();
                startNext();
            } else {
                ctx.close();
            }
        }
    }
}
