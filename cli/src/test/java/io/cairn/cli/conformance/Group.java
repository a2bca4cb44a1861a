package io.cairn.cli.conformance;

import java.util.List;

/**
 * Scenarios run in order on one cluster, sharing state (a group's first scenario usually creates what the others
 * use); the harness cleans the accounts up after the group, on each cluster.
 *
 * <p>Thread-safety: immutable once built.
 */
record Group(String id, List<Scenario> scenarios) {
    Group {
        scenarios = List.copyOf(scenarios);
    }
}
