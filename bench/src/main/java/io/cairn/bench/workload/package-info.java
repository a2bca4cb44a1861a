/**
 * What a benchmark run does: object sizes ({@link io.cairn.bench.workload.SizeDistribution}), the operation mix
 * ({@link io.cairn.bench.workload.OperationMix}), concurrency and bounds ({@link io.cairn.bench.workload.WorkloadSpec})
 * and the named standard workloads ({@link io.cairn.bench.workload.StandardWorkloads}); parsing only, no I/O.
 */
@NullMarked
package io.cairn.bench.workload;

import org.jspecify.annotations.NullMarked;
