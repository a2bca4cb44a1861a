/**
 * Cross-cutting stages of the proxy pipeline, each one concern as Swift's middleware: HTTP limits, client
 * timeouts, transaction ids, health check, gatekeeper, the auth stage and its {@code AccessPolicy} seam,
 * and catch-errors.
 */
@NullMarked
package io.cairn.proxy.pipeline;

import org.jspecify.annotations.NullMarked;
