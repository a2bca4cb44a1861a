/**
 * The object auditor (Swift's {@code swift/obj/auditor.py}): walks every object hash directory of every
 * local device and storage policy, opens it by hash through {@code io.cairn.object.diskfile}, checks its
 * metadata and size (both passes) and the MD5 of its body against its ETag (ALL pass), and quarantines
 * what fails, which also invalidates the suffix so replication restores a good copy.
 */
@NullMarked
package io.cairn.auditor.object;

import org.jspecify.annotations.NullMarked;
