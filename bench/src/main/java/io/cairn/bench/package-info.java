/**
 * Load generator for the Swift API ({@link io.cairn.bench.BenchMain}, run as {@code java -jar cairn-bench.jar}):
 * closed-loop keep-alive connections drive a workload (size distribution, operation mix, concurrency, duration or
 * operation count) against any Swift endpoint — Cairn or OpenStack Swift — and report throughput, latency
 * percentiles, errors by status and server CPU per operation; {@code bench/compare.sh} runs it side by side.
 */
@NullMarked
package io.cairn.bench;

import org.jspecify.annotations.NullMarked;
