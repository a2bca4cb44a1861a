/** Benchmarks of {@code object-server}: xattr metadata pickling and suffix hashing. */
package io.cairn.jmh.object;
