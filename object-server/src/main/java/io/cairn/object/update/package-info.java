/**
 * Container updates that could not be delivered: async_pending files in Swift's exact pickle format (reference §8.1), written durably and read back for the updater.
 */
@NullMarked
package io.cairn.object.update;

import org.jspecify.annotations.NullMarked;
