/**
 * S3 authentication as Swift 2.30.1's s3api does it (SigV2 and SigV4, header and query, clock skew), plus the
 * aws-chunked body decoder with chained chunk signatures and trailers. Pure logic over headers and buffers: no
 * requests to the Swift side.
 */
@NullMarked
package io.cairn.proxy.s3api.auth;

import org.jspecify.annotations.NullMarked;
