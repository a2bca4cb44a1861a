/**
 * S3 errors: the code table ({@link io.cairn.proxy.s3api.error.S3ErrorCode}, Swift 2.30.1's s3api word for word), the
 * exception operations throw, and the one mapping of Swift-side statuses to S3 codes with the error document
 * renderer. Holds no request logic.
 */
@NullMarked
package io.cairn.proxy.s3api.error;

import org.jspecify.annotations.NullMarked;
