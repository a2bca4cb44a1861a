package io.cairn.cli.conformance;

import java.util.List;

/**
 * A named sequence of requests whose answers are compared step by step. The id is stable and readable ({@code
 * <group>.<what>}, e.g. {@code names.obj.astral-emoji}): {@code known-differences.txt} refers to it.
 *
 * <p>Thread-safety: immutable once built.
 */
record Scenario(String id, List<Req> steps) {
    Scenario {
        steps = List.copyOf(steps);
    }

    static Scenario of(String id, Req... steps) {
        return new Scenario(id, List.of(steps));
    }
}
