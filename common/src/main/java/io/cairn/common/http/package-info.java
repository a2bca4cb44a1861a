/**
 * Netty plumbing every Cairn HTTP server and client shares: transport selection (native epoll or NIO),
 * the server bootstrap, cross-cutting handlers (access log, request id), the pooled backend HTTP client,
 * and HTTP dates as Swift reads and writes them ({@code HttpDates}).
 * Must not hold the behaviour of any one server (no object/container/account logic here).
 */
@NullMarked
package io.cairn.common.http;

import org.jspecify.annotations.NullMarked;
