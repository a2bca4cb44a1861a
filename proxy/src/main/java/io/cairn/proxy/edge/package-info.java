/**
 * Swift filters that answer from the request line alone, before routing: {@code crossdomain}
 * ({@code GET /crossdomain.xml}), {@code name_check} (the unquoted path's length, characters and substrings) and
 * {@code list_endpoints} ({@code /endpoints/...} from the rings). Their paths are not Swift API paths (or are
 * refused before Swift parses them), so they run as Netty stages ({@link io.cairn.proxy.edge.EdgeHandler}) in
 * front of auth and dispatch, not on the application seam; each is also listed among the proxy's middlewares,
 * passing every seam exchange on, for {@code /info}.
 *
 * <p>Owns only these answers; reads the rings and the container info cache, never writes to a backend.
 * {@code cname_lookup} is not here: it is {@code io.cairn.proxy.cnamelookup}.
 */
@NullMarked
package io.cairn.proxy.edge;

import org.jspecify.annotations.NullMarked;
