/** Benchmarks of the proxy's hot paths: S3 request authentication (SigV4) and aws-chunked body decoding. */
package io.cairn.jmh.proxy;
