/**
 * Swift's {@code etag_quoter} filter: RFC 7232 quoted ETags on object responses where the container's, else the
 * account's, {@code Rfc-Compliant-Etags} setting (else {@code enable_by_default}) says so. Owns the translation of
 * the client's {@code X-Container-Rfc-Compliant-Etags}/{@code X-Account-Rfc-Compliant-Etags} to and from their
 * sysmeta; reads container and account info from the proxy's cache; changes no body.
 */
@NullMarked
package io.cairn.proxy.etagquoter;

import org.jspecify.annotations.NullMarked;
