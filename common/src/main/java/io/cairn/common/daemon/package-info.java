/**
 * Background daemons (replicators, auditors, updaters) as Swift runs them: a {@link
 * io.cairn.common.daemon.Daemon} does one whole pass in {@code runOnce()}, a {@link
 * io.cairn.common.daemon.DaemonScheduler} repeats passes at the configured interval, and every finished
 * pass lands in a {@link io.cairn.common.daemon.ReconRegistry} that a node serves as recon-style JSON.
 * Time is injected so tests drive passes directly instead of waiting for a timer.
 */
@NullMarked
package io.cairn.common.daemon;

import org.jspecify.annotations.NullMarked;
