/**
 * S3's additional checksums (CRC32, CRC32C, CRC64NVME, SHA-1, SHA-256): computing them while a body streams.
 * Knows nothing of requests.
 */
@NullMarked
package io.cairn.proxy.s3api.checksum;

import org.jspecify.annotations.NullMarked;
