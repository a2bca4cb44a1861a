/** The subset of Python pickle Swift uses on disk and on the wire, and byte helpers. */
@NullMarked
package io.cairn.common.codec;

import org.jspecify.annotations.NullMarked;
