package io.cairn.proxy;

import io.cairn.common.testing.LayeringRules;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProxyArchitectureTest {
    @Test
    void shouldDependOnlyOnCommonAndRingWhenBuilt() {
        LayeringRules.check("io.cairn.proxy", Set.of("io.cairn.common", "io.cairn.ring"));
    }
}
