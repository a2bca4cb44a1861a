/** Benchmarks of {@code ring}: partition, primaries and handoffs lookups. */
package io.cairn.jmh.ring;
