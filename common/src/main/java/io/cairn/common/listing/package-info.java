/**
 * Account and container listings as Swift 2.30.1 shapes them: the query parameters (prefix, delimiter,
 * marker, end_marker, reverse, limit, path, format) validated with Swift's statuses and messages, the
 * {@code format}/{@code Accept} negotiation of {@code get_listing_content_type}, and streaming encoders
 * that write plain, JSON and XML bodies byte for byte as Swift's servers do. Must not query databases:
 * the container and account servers own their listing queries and feed rows to these encoders.
 */
@NullMarked
package io.cairn.common.listing;

import org.jspecify.annotations.NullMarked;
