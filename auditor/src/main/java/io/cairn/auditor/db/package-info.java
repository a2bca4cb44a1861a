/**
 * The container and account auditors (Swift's {@code swift/common/db_auditor.py} and its subclasses):
 * open every local database with its broker, run Swift's checks plus SQLite's {@code quick_check}, and
 * quarantine broken databases as the broker's {@code possibly_quarantine} does.
 */
@NullMarked
package io.cairn.auditor.db;

import org.jspecify.annotations.NullMarked;
