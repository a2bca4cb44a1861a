/** JMH microbenchmarks, one package per module under test ({@code io.cairn.jmh.common}, {@code io.cairn.jmh.ring}). */
package io.cairn.jmh;
