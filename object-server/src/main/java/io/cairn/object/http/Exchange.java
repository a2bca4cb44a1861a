package io.cairn.object.http;

import io.cairn.common.io.DeviceBusyException;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * One request/response exchange: the request head, its parsed path and policy, the channel to answer
 * on, and the hop between the event loop and the device executor.
 *
 * <p>Confined to the channel's event loop, except that {@link #onDevice} runs its task on the device
 * executor and hands the result back to the event loop.
 */
public final class Exchange {
    /** Told when the response is complete, so the next pipelined request may start. */
    interface Completion {
        void completed(Exchange exchange);
    }

    private final ChannelHandlerContext ctx;
    private final HttpRequest request;
    private final ObjectRequestPath path;
    private final int policyIndex;
    private final ObjectApi api;
    private final Completion completion;
    private boolean responded;
    private boolean closed;

    Exchange(
            ChannelHandlerContext ctx,
            HttpRequest request,
            ObjectRequestPath path,
            int policyIndex,
            ObjectApi api,
            Completion completion) {
        this.ctx = ctx;
        this.request = request;
        this.path = path;
        this.policyIndex = policyIndex;
        this.api = api;
        this.completion = completion;
    }

    public ChannelHandlerContext ctx() {
        return ctx;
    }

    public HttpRequest request() {
        return request;
    }

    public ObjectRequestPath path() {
        return path;
    }

    public int policyIndex() {
        return policyIndex;
    }

    public ObjectApi api() {
        return api;
    }

    /** Whether a final response was sent (or the channel closed). */
    public boolean isDone() {
        return responded || closed;
    }

    void markClosed() {
        closed = true;
    }

    /** Swift's {@code as_referer()}: {@code METHOD http://host/path}. */
    public String referer() {
        String host = request.headers().get(HttpHeaderNames.HOST, "localhost");
        return request.method().name() + " http://" + host + request.uri();
    }

    /**
     * Runs blocking {@code task} on the device's executor and {@code then} on the event loop with its
     * result or failure; a full device queue fails with {@link DeviceBusyException} (503).
     */
    public <T> void onDevice(Callable<T> task, BiConsumer<@Nullable T, @Nullable Throwable> then) {
        api.executors()
                .submit(path.device(), task)
                .whenComplete((result, failure) -> ctx.executor().execute(() -> then.accept(result, failure)));
    }

    /** Answers with the rejection (507 bodies name the drive). */
    public void reject(RequestRejectedException rejection) {
        send(Responses.of(ctx.alloc(), rejection, path.device()));
    }

    /** Answers a failure through the {@link ErrorMapping} table. */
    public void fail(Throwable failure) {
        reject(ErrorMapping.toRejection(failure, path.device(), request.method() + " " + path));
    }

    /** Sends a complete response and ends the exchange. Ignored if already answered or closed. */
    public void send(FullHttpResponse response) {
        if (isDone()) {
            response.release();
            return;
        }
        responded = true;
        ctx.writeAndFlush(response);
        completion.completed(this);
    }

    /** Marks the exchange answered by a streamed response whose last part {@code lastWrite} is. */
    public void streamed(ChannelFuture lastWrite) {
        responded = true;
        lastWrite.addListener(f -> completion.completed(this));
    }

    /** Writes a part of a streamed response (the head, a region, content). */
    public ChannelFuture write(Object msg) {
        return ctx.write(msg);
    }
}
