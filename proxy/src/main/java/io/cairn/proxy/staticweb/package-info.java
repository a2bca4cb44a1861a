/**
 * Swift's {@code staticweb} filter: a container whose {@code X-Container-Meta-Web-Index}, {@code -Web-Listings},
 * {@code -Web-Error}, {@code -Web-Listings-CSS}, {@code -Web-Listings-Label} and {@code -Web-Directory-Type} are set
 * serves anonymous GETs and HEADs (and token holders asking {@code X-Web-Mode: true}) as a web site: index pages,
 * redirects of directory paths to their {@code /} form, HTML listings rendered byte for byte as Swift renders them,
 * and custom error pages. Everything it reads it reads through the application below it, as the requester, so the
 * container's ACLs decide as they do for the API.
 *
 * <p>Owns only this filter; must not touch the backends except through {@code next}.
 */
@NullMarked
package io.cairn.proxy.staticweb;

import org.jspecify.annotations.NullMarked;
