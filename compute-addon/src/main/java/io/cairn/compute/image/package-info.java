/** A Glance v2 image service whose bytes live in Cairn through the Swift API (glance_store's layout). */
@NullMarked
package io.cairn.compute.image;

import org.jspecify.annotations.NullMarked;
