/**
 * The differential conformance harness: the same scripted requests against Debian's OpenStack Swift 2.30.1 and
 * against Cairn (and the two mixed shapes, a Swift proxy on Cairn's storage nodes and a Cairn proxy on Swift's),
 * answers compared after normalising what is volatile, differences checked against {@code known-differences.txt}.
 * See {@code cli/README.md} § Conformance harness.
 */
@NullMarked
package io.cairn.cli.conformance;

import org.jspecify.annotations.NullMarked;
