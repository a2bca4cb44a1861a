/** Benchmarks of the compute add-on's scheduler: decisions over many hosts. */
package io.cairn.jmh.compute;
