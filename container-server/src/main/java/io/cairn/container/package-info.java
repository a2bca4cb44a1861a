/** Backend container server: listings in Swift's SQLite schema (issue 3; not built yet). */
@NullMarked
package io.cairn.container;

import org.jspecify.annotations.NullMarked;
