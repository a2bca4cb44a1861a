/** Swift's timestamps (normal, internal, offsets) and the combined timestamps of container rows. */
@NullMarked
package io.cairn.common.time;

import org.jspecify.annotations.NullMarked;
