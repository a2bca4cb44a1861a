package io.cairn.common.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The module arrows of DESIGN.md §2 as ArchUnit rules (the Maven-friendly form of Kafka's import
 * control). Each module's {@code …ArchitectureTest} calls {@link #check} with the Cairn packages it may
 * use; every other {@code io.cairn} top-level package is forbidden to it.
 */
public final class LayeringRules {
    /** Top-level Cairn packages, one per module. */
    public static final List<String> MODULE_PACKAGES = List.of(
            "io.cairn.common",
            "io.cairn.ring",
            "io.cairn.object",
            "io.cairn.container",
            "io.cairn.account",
            "io.cairn.replicator",
            "io.cairn.auditor",
            "io.cairn.proxy",
            "io.cairn.cli",
            "io.cairn.compute",
            "io.cairn.bench",
            "io.cairn.jmh");

    private LayeringRules() {}

    /**
     * The main classes of the module under test: its {@code target/classes} (Surefire runs in the module
     * directory). Importing only them keeps the check fast; dependencies are still seen by name.
     */
    public static JavaClasses mainClasses() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(Paths.get("target", "classes"));
    }

    /**
     * Fails if main classes under {@code ownPackage} depend on a Cairn module package not in
     * {@code allowed}, or (unless {@code ownPackage} is cli) on the ring builder.
     */
    public static void check(String ownPackage, Set<String> allowed) {
        JavaClasses classes = mainClasses();
        List<String> forbidden = new ArrayList<>();
        for (String pkg : MODULE_PACKAGES) {
            if (!pkg.equals(ownPackage) && !allowed.contains(pkg)) {
                forbidden.add(pkg + "..");
            }
        }
        if (!forbidden.isEmpty()) {
            noClasses()
                    .that()
                    .resideInAPackage(ownPackage + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(forbidden.toArray(new String[0]))
                    .because("DESIGN.md §2: a module depends only on the modules above it")
                    .check(classes);
        }
        if (!ownPackage.equals("io.cairn.cli") && !ownPackage.equals("io.cairn.ring")) {
            noClasses()
                    .that()
                    .resideInAPackage(ownPackage + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("io.cairn.ring.builder..")
                    .because("servers never load ring builder code; only cli may")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }
}
