/**
 * Swift's object on-disk storage (reference §2): the {@link io.cairn.object.diskfile.DiskFileManager} / {@link io.cairn.object.diskfile.DiskFile} / reader / writer API the HTTP layer, replicator and auditor use, the {@code objects[-N]/<part>/<suffix>/<hash>/<ts>.data|.meta|.ts} layout, file-set selection and cleanup, quarantine, and the {@code DiskFileException} family named as Swift names it. Every method blocks on the disk: call it from the device's executor.
 */
@NullMarked
package io.cairn.object.diskfile;

import org.jspecify.annotations.NullMarked;
