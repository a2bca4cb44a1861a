/**
 * Swift's storage policies from {@code swift.conf} ({@code [storage-policy:N]} sections), validated as
 * Swift 2.30.1 validates them, and the per-policy names derived from an index (object ring file, data
 * directory suffix). Nothing here loads rings or touches disks.
 */
@NullMarked
package io.cairn.ring.policy;

import org.jspecify.annotations.NullMarked;
