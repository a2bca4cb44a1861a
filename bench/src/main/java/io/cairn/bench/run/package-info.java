/**
 * Running a workload: {@link io.cairn.bench.run.LoadRunner} opens the keep-alive connections (one Netty event loop
 * group), drives the phases prefill → warm-up → measure → drain through {@link io.cairn.bench.run.RunControl} (in a
 * closed loop, or on the fixed schedule of a {@link io.cairn.bench.run.RateSchedule} for {@code --rate}), prints
 * progress and samples server CPU from {@code /proc} ({@link io.cairn.bench.run.ProcessCpuSampler}); targets are
 * loopback or whatever URL the operator gives — the runner never discovers hosts.
 */
@NullMarked
package io.cairn.bench.run;

import org.jspecify.annotations.NullMarked;
