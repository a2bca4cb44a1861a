package io.cairn.account;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import io.cairn.common.testing.LayeringRules;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountArchitectureTest {
    @Test
    void shouldDependOnlyOnCommonAndRingWhenBuilt() {
        LayeringRules.check("io.cairn.account", Set.of("io.cairn.common", "io.cairn.ring"));
    }

    @Test
    void shouldKeepTheDbLayerFreeOfHttpAndTheServerWhenBuilt() {
        // account.db is a library of the replicator and the auditor (STYLE.md decisions): no Netty, no server
        noClasses()
                .that()
                .resideInAPackage("io.cairn.account.db..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.netty..",
                        "io.cairn.account.http..",
                        "io.cairn.account.server..",
                        "io.cairn.common.server..")
                .because("the account DB layer is used as a library by the replicator and the auditor")
                .check(LayeringRules.mainClasses());
    }

    @Test
    void shouldBuildTheServerOnlyThroughTheScaffoldWhenBuilt() {
        // one way of building a storage server: the scaffold binds, not the account server itself
        noClasses()
                .that()
                .resideInAPackage("io.cairn.account..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("io.cairn.common.http.HttpServerHost")
                .because("storage servers start through io.cairn.common.server.StorageServer")
                .check(LayeringRules.mainClasses());
    }
}
