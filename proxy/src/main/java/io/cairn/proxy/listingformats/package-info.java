/**
 * Swift's {@code listing_formats} where Cairn needs it: listings are formatted by the storage servers (a plain or
 * XML listing costs the proxy nothing), except when a filter below rewrites the JSON listing (SLO's {@code
 * slo_etag}, symlinks' {@code symlink_path}, object versioning's sizes and links). Then an XML listing (and an
 * account's plain one, whose names versioning can change) is asked below as JSON and formatted here from the
 * rewritten entries, as Swift's filter does for every listing. Owns only that conversion; must not touch the
 * rewrites themselves (they stay in their filters' packages).
 */
@NullMarked
package io.cairn.proxy.listingformats;

import org.jspecify.annotations.NullMarked;
