/**
 * Swift's {@code object-expirer} ({@code swift/obj/expirer.py}, reference §8.2): the daemon that reads the
 * {@code .expiring_objects} queue the object servers write and deletes each object whose time has come with
 * {@code X-If-Delete-At}, then its task. {@link io.cairn.object.expirer.ObjectExpirer} is the pass logic over
 * an {@link io.cairn.object.expirer.ExpirerBackend}: {@link io.cairn.object.expirer.DirectExpirerBackend}
 * talks to the storage servers directly (the proxy's object DELETE, quorum included, done by hand: the
 * daemons never use the proxy), {@code MemoryExpirerBackend} (tests) is its in-memory twin. Nothing here
 * touches a disk.
 */
@NullMarked
package io.cairn.object.expirer;

import org.jspecify.annotations.NullMarked;
