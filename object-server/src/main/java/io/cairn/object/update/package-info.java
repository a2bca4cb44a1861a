/**
 * Container updates: sent after object writes ({@link io.cairn.object.update.ContainerUpdater}), saved as
 * async_pending files in Swift's format when they fail (reference §8.1), and replayed by the {@code
 * object-updater} daemon ({@link io.cairn.object.update.ObjectUpdater}) with per-file retry back-off.
 * Nothing here serves HTTP requests or touches object data files.
 */
@NullMarked
package io.cairn.object.update;

import org.jspecify.annotations.NullMarked;
