package io.cairn.container.http;

import io.cairn.container.listing.ListingRows;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Streams a listing to the client as the listing query produces it: the first full chunk sends the
 * {@code 200} headers ({@code Transfer-Encoding: chunked}) and each later chunk follows as
 * {@link DefaultHttpContent}; a listing that fits in one chunk goes out as one response with
 * {@code Content-Length}, and an empty plain listing as Swift's {@code 204}.
 *
 * <p>Back-pressure: when the channel is not writable after a chunk, the producing device thread waits
 * (at most {@code writeTimeout}) until that chunk is on the socket, so a slow client holds at most a
 * chunk or two in memory. A write failure aborts the listing ({@link UncheckedIOException}).
 *
 * <p>Confined to the one device-executor thread running the listing; Netty's writes are thread-safe.
 */
final class ListingResponseWriter implements ListingRows.ChunkSink {
    private final Channel channel;
    private final HttpHeaders headers;
    private final boolean keepAlive;
    private final Duration writeTimeout;
    private boolean headersSent;
    private boolean lastChunk;
    private boolean noContent;

    ListingResponseWriter(Channel channel, HttpHeaders headers, boolean keepAlive, Duration writeTimeout) {
        this.channel = channel;
        this.headers = headers;
        this.keepAlive = keepAlive;
        this.writeTimeout = writeTimeout;
    }

    /** The next chunk {@link #chunk} receives is the last one; {@code empty}: Swift would answer 204. */
    void lastChunkFollows(boolean empty) {
        this.lastChunk = true;
        this.noContent = empty;
    }

    /** Whether the response has begun (an error now can only close the connection). */
    boolean started() {
        return headersSent;
    }

    @Override
    public void chunk(ByteBuf chunk) {
        if (lastChunk) {
            finish(chunk);
            return;
        }
        if (!headersSent) {
            HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            response.headers().set(headers);
            HttpUtil.setTransferEncodingChunked(response, true);
            channel.write(response);
            headersSent = true;
        }
        ChannelFuture written = channel.writeAndFlush(new DefaultHttpContent(chunk));
        if (!channel.isWritable()) {
            awaitWritten(written);
        }
    }

    private void finish(ByteBuf last) {
        ChannelFuture done;
        if (headersSent) {
            done = channel.writeAndFlush(new DefaultLastHttpContent(last));
        } else if (noContent) {
            last.release();
            FullHttpResponse r = new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1,
                    HttpResponseStatus.NO_CONTENT,
                    channel.alloc().buffer(0));
            r.headers().set(headers);
            done = channel.writeAndFlush(r);
        } else {
            int length = last.readableBytes();
            FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, last);
            r.headers().set(headers);
            r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, length);
            done = channel.writeAndFlush(r);
        }
        if (!keepAlive) {
            done.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void awaitWritten(ChannelFuture written) {
        if (!written.awaitUninterruptibly(writeTimeout.toMillis())) {
            channel.close();
            throw new UncheckedIOException(new IOException("client did not read the listing within " + writeTimeout));
        }
        if (!written.isSuccess()) {
            throw new UncheckedIOException(new IOException("listing write failed", written.cause()));
        }
    }
}
