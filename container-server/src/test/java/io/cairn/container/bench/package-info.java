/**
 * Measurement harness (not a test): object-update throughput into one container and listing-page latency
 * on a large container, Cairn against Debian's Swift container server. See {@code container-server/bench}.
 */
@NullMarked
package io.cairn.container.bench;

import org.jspecify.annotations.NullMarked;
