/**
 * The proxy server's bootstrap: {@code ProxyConfig} (proxy-server.conf), {@code ProxyServer} (lifecycle)
 * and {@code ProxyServerInitializer} (the pipeline, one handler per concern).
 */
@NullMarked
package io.cairn.proxy.server;

import org.jspecify.annotations.NullMarked;
