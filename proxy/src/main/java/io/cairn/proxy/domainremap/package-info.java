/**
 * Swift's {@code domain_remap} filter: an account and container named by the request's host ({@code
 * c.AUTH-a.example.com}) become the path's ({@code /v1/AUTH_a/c/...}).
 */
@NullMarked
package io.cairn.proxy.domainremap;

import org.jspecify.annotations.NullMarked;
