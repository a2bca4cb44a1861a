/** Backend object server: Swift's object API on Swift's on-disk layout (issue 6; not built yet). */
@NullMarked
package io.cairn.object;

import org.jspecify.annotations.NullMarked;
