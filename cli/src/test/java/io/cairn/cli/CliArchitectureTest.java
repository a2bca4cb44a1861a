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

    /**
     * Spring stays in compute-addon: cli reaches it only through ComputeServices, from CloudCommand and
     * AddonServiceCommand ({@code identity-api}, {@code image-api}, {@code compute-api}, {@code scheduler}, {@code
     * compute-agent}).
     */
    @Test
    void onlyTheCloudAndApiCommandsUseTheComputeAddonAndNothingUsesSpring() {
        com.tngtech.archunit.core.domain.JavaClasses classes = LayeringRules.mainClasses();
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that()
                .resideInAPackage("io.cairn.cli..")
                .and()
                .doNotHaveSimpleName("CloudCommand")
                .and()
                .doNotHaveSimpleName("AddonServiceCommand")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.cairn.compute..")
                .check(classes);
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that()
                .resideInAPackage("io.cairn.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "reactor..")
                .check(classes);
    }
}
