package io.cairn.object;

import io.cairn.common.testing.LayeringRules;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ObjectArchitectureTest {
    @Test
    void shouldDependOnlyOnCommonAndRingWhenBuilt() {
        LayeringRules.check("io.cairn.object", Set.of("io.cairn.common", "io.cairn.ring"));
    }
}
