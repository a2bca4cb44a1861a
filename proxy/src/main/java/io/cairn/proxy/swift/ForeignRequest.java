package io.cairn.proxy.swift;

/**
 * A client request a middleware serves in another API's terms (the S3 API's {@code S3HttpRequest}): Swift's own
 * OPTIONS handling and its {@code formpost} filter leave it to that middleware (in Swift's pipeline {@code s3api}
 * answers such requests before the proxy application sees them), so an S3 preflight or browser POST on a bucket
 * never becomes a Swift preflight or FormPost form.
 *
 * <p>A marker; implementations say nothing about thread-safety beyond their own.
 */
public interface ForeignRequest {}
