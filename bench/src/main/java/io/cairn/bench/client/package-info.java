/**
 * The API side of the generator: how to log in and sign requests ({@link io.cairn.bench.client.AuthStrategy}, with
 * Swift tempauth and a preset token; an S3 SigV4 strategy slots in here later), how each operation becomes an HTTP
 * request ({@link io.cairn.bench.client.RequestFactory}, Swift's in {@link io.cairn.bench.client.SwiftRequestFactory})
 * and the shared, reused request body ({@link io.cairn.bench.client.PayloadBuffer}).
 */
@NullMarked
package io.cairn.bench.client;

import org.jspecify.annotations.NullMarked;
