package io.cairn.common.architecture;

import io.cairn.common.testing.LayeringRules;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommonArchitectureTest {
    @Test
    void shouldDependOnNoOtherCairnModuleWhenBuilt() {
        LayeringRules.check("io.cairn.common", Set.of());
    }
}
