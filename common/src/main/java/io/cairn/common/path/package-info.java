/** Swift's hash_path and name constraints. */
@NullMarked
package io.cairn.common.path;

import org.jspecify.annotations.NullMarked;
