/**
 * Swift's {@code cname_lookup} filter: a request whose {@code Host} is not under a {@code storage_domain} is mapped,
 * by following the host's DNS CNAME records (Netty's DNS resolver, on the channel's event loop), to the storage
 * host it names, so that {@code domain_remap} after it serves the request. Owns the DNS lookups, their cache and the
 * Host rewrite; must not touch paths (that is {@code domain_remap}'s business) or anything after the rewrite.
 */
@NullMarked
package io.cairn.proxy.cnamelookup;

import org.jspecify.annotations.NullMarked;
