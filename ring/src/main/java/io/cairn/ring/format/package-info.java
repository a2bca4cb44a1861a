/** Swift's serialized ring files ({@code .ring.gz}), format versions 1 and 2: reader and writer. */
@NullMarked
package io.cairn.ring.format;

import org.jspecify.annotations.NullMarked;
