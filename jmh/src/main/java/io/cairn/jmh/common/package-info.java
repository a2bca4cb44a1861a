/** Benchmarks of {@code common}: hash paths, timestamps, the pickle codec. */
package io.cairn.jmh.common;
