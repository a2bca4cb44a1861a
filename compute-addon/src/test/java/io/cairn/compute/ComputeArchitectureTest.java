package io.cairn.compute;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.cairn.common.concurrent.NamedThreadFactory;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** compute-addon reaches Cairn only over HTTP: no storage module's classes (of common only the token format, shared
 * with the proxy, and the one thread factory, both JDK-only), and image does not reach into identity's internals
 * beyond authentication. */
class ComputeArchitectureTest {
    private static JavaClasses main() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(Paths.get("target", "classes"));
    }

    @Test
    void usesNoStorageModule() {
        noClasses()
                .that()
                .resideInAPackage("io.cairn.compute..")
                .should()
                .dependOnClassesThat(resideInAnyPackage(
                                "io.cairn.common..",
                                "io.cairn.ring..",
                                "io.cairn.object..",
                                "io.cairn.container..",
                                "io.cairn.account..",
                                "io.cairn.replicator..",
                                "io.cairn.auditor..",
                                "io.cairn.proxy..",
                                "io.cairn.cli..")
                        .and(not(resideInAPackage("io.cairn.common.token")))
                        .and(not(type(NamedThreadFactory.class))))
                .check(main());
    }

    @Test
    void identityDoesNotDependOnImage() {
        noClasses()
                .that()
                .resideInAPackage("io.cairn.compute.identity..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.cairn.compute.image..")
                .check(main());
    }

    @Test
    void computeReadsImagesOnlyThroughTheImageApi() {
        noClasses()
                .that()
                .resideInAPackage("io.cairn.compute.compute..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.cairn.compute.image..")
                .check(main());
    }

    @Test
    void schedulerAndDriversKnowNoHttpApiOrSql() {
        noClasses()
                .that()
                .resideInAnyPackage("io.cairn.compute.compute.scheduler..", "io.cairn.compute.compute.driver..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.cairn.compute.compute.api..", "org.springframework.jdbc..", "org.springframework.web..")
                .check(main());
    }
}
