package io.cairn.object;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.cairn.common.testing.LayeringRules;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ObjectArchitectureTest {
    @Test
    void shouldDependOnlyOnCommonAndRingWhenBuilt() {
        LayeringRules.check("io.cairn.object", Set.of("io.cairn.common", "io.cairn.ring"));
    }

    @Test
    void shouldBuildTheServerOnlyThroughTheScaffoldWhenBuilt() {
        // one way of building a storage server: the scaffold binds, not the server itself
        noClasses()
                .that()
                .resideInAPackage("io.cairn.object..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("io.cairn.common.http.HttpServerHost")
                .because("storage servers start through io.cairn.common.server.StorageServer")
                .check(LayeringRules.mainClasses());
    }
}
