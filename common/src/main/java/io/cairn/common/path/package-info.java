/**
 * Swift's names: {@link io.cairn.common.path.HashPath} (the md5 that places accounts, containers and
 * objects on the ring and on disk), the cluster {@link io.cairn.common.path.Constraints}, and the checks
 * Swift applies to names, paths and metadata ({@link io.cairn.common.path.Names}, {@link
 * io.cairn.common.path.NameValidator}) with Swift's exact status and message. This package holds no
 * server behaviour and reads no configuration itself: {@code io.cairn.common.config.SwiftConf} builds
 * its values.
 */
@NullMarked
package io.cairn.common.path;

import org.jspecify.annotations.NullMarked;
