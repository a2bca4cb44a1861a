package io.cairn.proxy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.cairn.common.testing.LayeringRules;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProxyArchitectureTest {
    @Test
    void shouldDependOnlyOnCommonAndRingWhenBuilt() {
        LayeringRules.check("io.cairn.proxy", Set.of("io.cairn.common", "io.cairn.ring"));
    }

    @Test
    void shouldKeepAuthFreeOfNettyWhenBuilt() {
        noClasses()
                .that()
                .resideInAPackage("io.cairn.proxy.auth..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.netty..", "io.cairn.proxy")
                .because("auth decisions are pure; the proxy pipeline adapts them")
                .check(LayeringRules.mainClasses());
    }
}
