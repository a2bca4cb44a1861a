/** Threads: how Cairn names and creates them. */
@NullMarked
package io.cairn.common.concurrent;

import org.jspecify.annotations.NullMarked;
