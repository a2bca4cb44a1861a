/**
 * Container object listings as Swift's {@code ContainerBroker.list_objects_iter} computes them (prefix,
 * delimiter with {@code subdir} entries, marker, end_marker, reverse, limit, path), as a skip-scan over the
 * {@code (deleted, name)} index with prepared statements reused in one loop, and the row transform of the
 * container server's {@code update_data_record} feeding {@code io.cairn.common.listing} encoders. Runs on
 * the device executor that owns the DB connection; must not touch HTTP.
 */
@NullMarked
package io.cairn.container.listing;

import org.jspecify.annotations.NullMarked;
