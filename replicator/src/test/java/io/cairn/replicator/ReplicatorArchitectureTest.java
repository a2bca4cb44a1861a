package io.cairn.replicator;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.cairn.common.testing.LayeringRules;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplicatorArchitectureTest {
    /** The servers' storage packages the daemons use as libraries (DESIGN.md §2, STYLE.md decisions). */
    static final String[] STORAGE_PACKAGES = {
        "io.cairn.object.diskfile..",
        "io.cairn.object.hashes..",
        "io.cairn.object.metadata..",
        "io.cairn.object.ssync..",
        "io.cairn.container.db..",
        "io.cairn.account.db.."
    };

    @Test
    void shouldDependOnlyOnCommonRingAndServerStorageWhenBuilt() {
        LayeringRules.check(
                "io.cairn.replicator",
                Set.of(
                        "io.cairn.common",
                        "io.cairn.ring",
                        "io.cairn.object",
                        "io.cairn.container",
                        "io.cairn.account"));
    }

    @Test
    void shouldUseOnlyTheServersStoragePackagesWhenBuilt() {
        noClasses()
                .that()
                .resideInAPackage("io.cairn.replicator..")
                .should()
                .dependOnClassesThat(
                        resideInAnyPackage("io.cairn.object..", "io.cairn.container..", "io.cairn.account..")
                                .and(resideInAnyPackage(STORAGE_PACKAGES).negate()))
                .because("DESIGN.md §2: the daemons use the servers' storage packages, never their HTTP layers"
                        + " or servers (those only in tests)")
                .check(LayeringRules.mainClasses());
    }
}
