/**
 * In-memory twin of the disk file storage, with the same file-set semantics, for fast tests of the layers above.
 */
@NullMarked
package io.cairn.object.diskfile.memory;

import org.jspecify.annotations.NullMarked;
