/**
 * S3's XML: a writer for answers and a bounded reader for request bodies (no DTD, no entities, depth and
 * element caps). Knows nothing of S3's operations.
 */
@NullMarked
package io.cairn.proxy.s3api.xml;

import org.jspecify.annotations.NullMarked;
