/**
 * The SQLite broker base shared by the container and account servers: Swift's DB file locations,
 * connection settings and {@code chexor}, schema scripts, the {@code metadata} JSON column, the
 * {@code .pending} file, quarantine of corrupt DBs, the group-commit writer and the shared parts of
 * the {@code REPLICATE} RPC. Must not hold the schema or row semantics of either DB type (those live
 * in {@code io.cairn.account.db} and {@code io.cairn.container.db}).
 */
@NullMarked
package io.cairn.common.db;

import org.jspecify.annotations.NullMarked;
