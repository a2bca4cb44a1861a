/** Glance-v2 image service and Nova-style compute service on Cairn (later issue; not built yet). */
@NullMarked
package io.cairn.compute;

import org.jspecify.annotations.NullMarked;
