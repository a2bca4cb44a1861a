/**
 * Results of a run: per-operation latency histograms (HdrHistogram, microseconds) and byte counts ({@link
 * io.cairn.bench.report.OperationStats}), errors by status, server CPU, the whole {@link
 * io.cairn.bench.report.RunResult}, and its two renderings: JSON ({@link io.cairn.bench.report.JsonReport}) and a
 * readable table ({@link io.cairn.bench.report.TableReport}).
 */
@NullMarked
package io.cairn.bench.report;

import org.jspecify.annotations.NullMarked;
