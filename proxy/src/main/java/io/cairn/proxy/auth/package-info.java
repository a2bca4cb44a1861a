/**
 * Swift's tempauth, as pure decisions: users and groups from the {@code [filter:tempauth]} section
 * ({@link io.cairn.proxy.auth.TempAuthConfig}), stateless HMAC-signed tokens ({@link
 * io.cairn.proxy.auth.TokenCodec}), token issuance for {@code /auth/v1.0} ({@link
 * io.cairn.proxy.auth.TempAuth}), and tempauth's {@code authorize()} with container and account ACLs
 * ({@link io.cairn.proxy.auth.Authorizer}, {@link io.cairn.proxy.auth.AclParser}). Classes here take
 * header values and return decisions; they hold no Netty types and do no I/O, so the proxy's pipeline
 * (in {@code io.cairn.proxy}) owns fetching account/container info and rendering responses.
 */
@NullMarked
package io.cairn.proxy.auth;

import org.jspecify.annotations.NullMarked;
