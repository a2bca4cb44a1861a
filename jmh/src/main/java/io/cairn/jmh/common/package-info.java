/** Benchmarks of {@code common}: hash paths, timestamps, the pickle codec, listings, the access log. */
package io.cairn.jmh.common;
