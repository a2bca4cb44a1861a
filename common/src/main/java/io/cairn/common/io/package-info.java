/**
 * Disk I/O plumbing: per-device bounded executors (one slow disk never stalls the node), durable
 * file operations (fsync of files and directories, rename into place) and device roots with Swift's
 * {@code mount_check}. Must not know any on-disk format.
 */
@NullMarked
package io.cairn.common.io;

import org.jspecify.annotations.NullMarked;
