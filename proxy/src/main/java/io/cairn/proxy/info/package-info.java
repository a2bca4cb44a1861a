/**
 * Account and container info the proxy caches for a short TTL ({@code recheck_*_existence}), filled from
 * backend HEADs, so writes don't cost a HEAD each.
 */
@NullMarked
package io.cairn.proxy.info;

import org.jspecify.annotations.NullMarked;
