/** Object and DB auditors: bitrot detection and quarantine (issue 5; not built yet). */
@NullMarked
package io.cairn.auditor;

import org.jspecify.annotations.NullMarked;
