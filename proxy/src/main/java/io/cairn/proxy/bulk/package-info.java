/**
 * Swift's {@code bulk} filter on the proxy's application seam ({@link io.cairn.proxy.swift.Middleware}): {@code
 * ?extract-archive=tar|tar.gz|tar.bz2} (each regular file of the archive becomes an object, containers created as
 * needed) and {@code ?bulk-delete} (a newline list of objects and containers), both answering Swift's result
 * document (text, JSON or XML per {@code Accept}) after a {@code 200} head and whitespace every {@code
 * yield_frequency} seconds. Every write and delete is a subrequest as the caller, so ACLs apply to each item.
 * Must not: talk to storage nodes directly.
 */
@NullMarked
package io.cairn.proxy.bulk;

import org.jspecify.annotations.NullMarked;
