/**
 * The identity service's token format, shared by whoever issues tokens (compute-addon's Keystone subset) and whoever
 * accepts them without a call (the proxy's {@code authtoken}/{@code keystoneauth}): {@link
 * io.cairn.common.token.TokenClaims} (what a token asserts) and {@link io.cairn.common.token.TokenCodec} (the signed
 * wire form). Only the JDK: compute-addon depends on this package with none of common's other dependencies. What a
 * token allows (roles to Swift accounts, catalog, revocation) is decided elsewhere.
 */
@NullMarked
package io.cairn.common.token;

import org.jspecify.annotations.NullMarked;
