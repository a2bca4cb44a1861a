/**
 * Swift's {@code versioned_writes} filter on the proxy's application seam ({@link io.cairn.proxy.swift.Middleware}):
 * object versioning ({@code allow_object_versioning}: {@code X-Versions-Enabled}, the hidden
 * {@code \0versions\0<container>} container, version ids, {@code ?versions} listings, {@code ?version-id=}) and the
 * legacy versioned writes ({@code allow_versioned_writes}: {@code X-Versions-Location} stack mode and {@code
 * X-History-Location} history mode). Names, sysmeta and the current-version symlink are laid out exactly as Swift
 * 2.30.1 lays them out, so either proxy serves the other's versions. Must not: talk to storage nodes directly
 * (everything goes through {@link io.cairn.proxy.swift.Subrequests} to the application below the filter).
 */
@NullMarked
package io.cairn.proxy.versioning;

import org.jspecify.annotations.NullMarked;
