package io.cairn.bench.run;

/** The phases of a run, in order. */
public enum Phase {
    /** Creating the object pool; not measured. */
    PREFILL,
    /** Running the workload without recording. */
    WARMUP,
    /** Running and recording. */
    MEASURE,
    /** No new operations; in-flight ones finish (and are recorded if they started while measuring). */
    STOP
}
