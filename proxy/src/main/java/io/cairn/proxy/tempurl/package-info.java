/**
 * Swift's {@code tempurl} filter: temporary URLs signed with an account's or container's {@code Temp-URL-Key},
 * checked before the auth system and authorizing the request in its place, byte-compatible with the
 * signatures {@code swift tempurl} and Swift's {@code get_hmac} make.
 */
@NullMarked
package io.cairn.proxy.tempurl;

import org.jspecify.annotations.NullMarked;
