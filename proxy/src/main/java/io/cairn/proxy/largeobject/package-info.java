/**
 * Swift's large-object filters on the proxy's application seam ({@link io.cairn.proxy.swift.Middleware}):
 * {@code slo} (static large objects: a JSON manifest of segments, validated when written), {@code dlo}
 * (dynamic large objects: every object under a container prefix) and {@code symlink} (links to other objects). Both read segments with subrequests to
 * the application below them, as the requesting user, and stream them with back-pressure; the manifests
 * and their sysmeta are written exactly as Swift 2.30.1 writes them, so either proxy serves the other's.
 * Must not: talk to storage nodes directly (everything goes through {@link io.cairn.proxy.swift.Subrequests}).
 */
@NullMarked
package io.cairn.proxy.largeobject;

import org.jspecify.annotations.NullMarked;
