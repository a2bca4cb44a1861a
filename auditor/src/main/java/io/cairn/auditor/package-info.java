/**
 * Cairn's auditors (issue 5): background daemons that find bitrot and corrupt databases on a storage
 * node's devices and quarantine them so replication restores good copies. This package holds what the
 * object and DB auditors share: Swift's rate limiter over an injected clock and sleeper.
 */
@NullMarked
package io.cairn.auditor;

import org.jspecify.annotations.NullMarked;
