package io.cairn.auditor;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.cairn.common.testing.LayeringRules;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditorArchitectureTest {
    @Test
    void shouldDependOnlyOnCommonAndTheServersWhenBuilt() {
        LayeringRules.check(
                "io.cairn.auditor",
                Set.of("io.cairn.common", "io.cairn.object", "io.cairn.container", "io.cairn.account"));
    }

    @Test
    void shouldUseOnlyTheServersStoragePackagesWhenBuilt() {
        noClasses()
                .that()
                .resideInAPackage("io.cairn.auditor..")
                .should()
                .dependOnClassesThat(
                        resideInAnyPackage("io.cairn.object..", "io.cairn.container..", "io.cairn.account..")
                                .and(not(resideInAnyPackage(
                                        "io.cairn.object.diskfile..",
                                        "io.cairn.object.metadata..",
                                        "io.cairn.container.db..",
                                        "io.cairn.account.db.."))))
                .because("DESIGN.md §2: the daemons use the servers' storage packages, never their HTTP layers")
                .check(LayeringRules.mainClasses());
    }
}
