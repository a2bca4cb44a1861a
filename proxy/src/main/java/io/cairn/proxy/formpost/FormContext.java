package io.cairn.proxy.formpost;

import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.tempurl.AllowedDigests;
import java.time.Clock;

/**
 * What one form upload works with: the client's exchange, the application below the filter, the digests allowed,
 * the clock for {@code expires}, the request's unquoted path (Swift's {@code PATH_INFO}, what the signature covers
 * and the files' names extend) and the form's boundary.
 *
 * <p>Immutable (the exchange is the event loop's).
 */
record FormContext(
        Exchange exchange, SwiftApp next, AllowedDigests digests, Clock clock, String pathInfo, String boundary) {}
