package io.cairn.ring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Lookup, file format and policy code never reach into the builder (servers load them, not it). */
class RingArchitectureTest {
    private static final JavaClasses RING = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.cairn.ring");

    @Test
    void shouldKeepServerFacingPackagesIndependentOfTheBuilder() {
        noClasses()
                .that()
                .resideInAnyPackage("io.cairn.ring", "io.cairn.ring.format", "io.cairn.ring.policy")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.cairn.ring.builder..")
                .allowEmptyShould(true)
                .check(RING);
    }
}
