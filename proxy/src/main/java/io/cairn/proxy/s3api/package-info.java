/**
 * The S3 API (Swift's {@code s3api}, issue 17): a Netty stage before auth that recognises and authenticates S3
 * requests ({@link io.cairn.proxy.s3api.S3RequestHandler}, {@link io.cairn.proxy.s3api.S3Front}) and the
 * middleware that serves them ({@link io.cairn.proxy.s3api.S3Api}) with one operation class per S3 operation
 * ({@code .op}), each a translation into Swift subrequests in Swift's s3api data layout. Must not touch: the
 * Swift API's operations (only subrequests through the application seam), the backends, the disk.
 */
@NullMarked
package io.cairn.proxy.s3api;

import org.jspecify.annotations.NullMarked;
