package io.cairn.container;

import io.cairn.common.testing.LayeringRules;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContainerArchitectureTest {
    @Test
    void shouldDependOnlyOnCommonAndRingWhenCheckingLayering() {
        LayeringRules.check("io.cairn.container", Set.of("io.cairn.common", "io.cairn.ring"));
    }
}
