package io.cairn.cli;

import io.cairn.common.testing.LayeringRules;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CliArchitectureTest {
    @Test
    void shouldUseOnlyServerModulesWhenBuilt() {
        LayeringRules.check(
                "io.cairn.cli",
                Set.of(
                        "io.cairn.common",
                        "io.cairn.ring",
                        "io.cairn.object",
                        "io.cairn.container",
                        "io.cairn.account",
                        "io.cairn.replicator",
                        "io.cairn.auditor",
                        "io.cairn.proxy",
                        "io.cairn.compute"));
    }
}
