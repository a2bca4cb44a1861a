/** Backend account server: container listings and stats in Swift's SQLite schema (issue 3; not built yet). */
@NullMarked
package io.cairn.account;

import org.jspecify.annotations.NullMarked;
