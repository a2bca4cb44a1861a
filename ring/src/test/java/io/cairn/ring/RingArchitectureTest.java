package io.cairn.ring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.cairn.common.testing.LayeringRules;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RingArchitectureTest {
    @Test
    void shouldDependOnlyOnCommonWhenBuilt() {
        LayeringRules.check("io.cairn.ring", Set.of("io.cairn.common"));
    }

    @Test
    void shouldKeepLookupFreeOfBuilderCodeWhenBuilt() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.cairn.ring.builder..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.cairn.ring.builder..")
                .because("servers load the ring lookup and must not load builder code")
                .check(LayeringRules.mainClasses());
    }
}
