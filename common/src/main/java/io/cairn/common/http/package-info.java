/**
 * Netty plumbing every Cairn HTTP server and client shares: transport selection (native epoll or NIO),
 * the socket bootstrap ({@code HttpServerHost}; storage servers use it through {@code
 * io.cairn.common.server.StorageServer}), the access log ({@code AccessLogHandler}, {@code AccessLogSink}),
 * the pooled backend HTTP client, the server codec that answers as Swift's eventlet servers do on the wire ({@code
 * SwiftHttpServerCodec}), header limits, byte ranges, Swift's status table ({@code ResponseReasons})
 * and HTTP dates as Swift reads and writes them ({@code HttpDates}). The proxy's request-id (transaction id)
 * stage is the proxy's ({@code io.cairn.proxy.pipeline.TransIdHandler}).
 * Must not hold the behaviour of any one server (no object/container/account logic here).
 */
@NullMarked
package io.cairn.common.http;

import org.jspecify.annotations.NullMarked;
