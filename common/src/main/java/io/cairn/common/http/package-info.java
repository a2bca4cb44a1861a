/**
 * Netty plumbing every Cairn HTTP server and client shares: transport selection (native epoll or NIO),
 * the server bootstrap, cross-cutting handlers (access log, request id) and the pooled backend HTTP client.
 * Must not hold the behaviour of any one server (no object/container/account logic here).
 */
@NullMarked
package io.cairn.common.http;

import org.jspecify.annotations.NullMarked;
