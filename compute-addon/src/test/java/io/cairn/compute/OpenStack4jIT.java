package io.cairn.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.compute.image.InMemoryImageStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient;
import org.openstack4j.api.exceptions.AuthenticationException;
import org.openstack4j.api.exceptions.ClientResponseException;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.common.Payloads;
import org.openstack4j.model.identity.v3.Role;
import org.openstack4j.model.identity.v3.Token;
import org.openstack4j.model.image.v2.ContainerFormat;
import org.openstack4j.model.image.v2.DiskFormat;
import org.openstack4j.model.image.v2.Image;
import org.openstack4j.openstack.OSFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The identity and image APIs driven by openstack4j (a Java OpenStack SDK, on its OkHttp connector), as a Java
 * application would drive Keystone and Glance: v3 password authentication scoped to a project, the catalog it
 * resolves the image endpoint from, the image lifecycle with an upload and a download, token validation and
 * revocation, and the exception a wrong password raises. One application (SQLite, the in-memory store twin).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenStack4jIT {
    private static final Identifier DEFAULT_DOMAIN = Identifier.byName("Default");

    private final InMemoryImageStore store = new InMemoryImageStore();
    private @Nullable ComputeServices app;
    private Path dir = Path.of("");
    private String authUrl = "";

    @BeforeAll
    void start() throws IOException {
        byte[] key = new byte[32];
        new Random(4).nextBytes(key);
        dir = Files.createTempDirectory("openstack4j-it");
        ComputeServices started = ComputeServices.start(
                Map.of(
                        "server.port", "0",
                        "server.address", "127.0.0.1",
                        "cairn.database.url", "jdbc:sqlite:" + dir.resolve("compute.db"),
                        "cairn.identity.signing-key", Base64.getEncoder().encodeToString(key),
                        "cairn.identity.admin-password", "admin-secret",
                        "cairn.identity.demo-password", "demo-secret",
                        "cairn.identity.bcrypt-strength", "8",
                        "cairn.storage.url", "http://127.0.0.1:9",
                        "cairn.compute.enabled", "false"),
                List.of((ConfigurableApplicationContext ctx) ->
                        ctx.getBeanFactory().registerSingleton("testImageStore", store)));
        app = started;
        authUrl = "http://127.0.0.1:" + started.port() + "/identity/v3";
    }

    @AfterAll
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * A session of {@code user}; openstack4j runs every call on the thread's most recent session (a thread-local),
     * so each test logs in again before acting as another user.
     */
    private OSClient.OSClientV3 login(String user, String password, String project) {
        return OSFactory.builderV3()
                .endpoint(authUrl)
                .credentials(user, password, DEFAULT_DOMAIN)
                .scopeToProject(Identifier.byName(project), DEFAULT_DOMAIN)
                .authenticate();
    }

    @Test
    void projectScopedLoginCarriesRolesCatalogAndAValidatableRevocableToken() {
        OSClient.OSClientV3 os = login("admin", "admin-secret", "admin");
        Token token = os.getToken();
        assertThat(token.getProject().getName()).isEqualTo("admin");
        assertThat(token.getRoles()).extracting(Role::getName).contains("admin");
        assertThat(token.getAuditIds()).hasSize(1);
        assertThat(token.getCatalog()).extracting(s -> s.getType()).contains("identity", "image", "object-store");

        // another session of admin validates the first one's token, then revokes it: it no longer checks
        OSClient.OSClientV3 other = login("admin", "admin-secret", "admin");
        ActionResponse check = other.identity().tokens().check(token.getId());
        assertThat(check.isSuccess()).as(check.toString()).isTrue();
        Token seen = other.identity().tokens().get(token.getId());
        assertThat(seen.getProject().getName()).isEqualTo("admin");
        assertThat(seen.getAuditIds()).isEqualTo(token.getAuditIds());
        ActionResponse revoked = other.identity().tokens().delete(token.getId());
        assertThat(revoked.isSuccess()).as(revoked.toString()).isTrue();
        // GET of a revoked token: 404, which openstack4j answers with null (its HEAD check() cannot be used for a
        // refusal: it parses the JSON error body a HEAD response never has, as it would with Keystone's HEAD)
        assertThat(other.identity().tokens().get(token.getId())).isNull();
        // nor does it buy a new token (the token method)
        assertThatThrownBy(() -> OSFactory.builderV3()
                        .endpoint(authUrl)
                        .token(token.getId())
                        .scopeToProject(Identifier.byName("admin"), DEFAULT_DOMAIN)
                        .authenticate())
                .isInstanceOf(AuthenticationException.class);
        assertThat(login("demo", "demo-secret", "demo").getToken().getProject().getName())
                .isEqualTo("demo");
    }

    @Test
    void aWrongPasswordRaisesAuthenticationException() {
        assertThatThrownBy(() -> login("admin", "not-the-password", "admin"))
                .isInstanceOf(AuthenticationException.class)
                .satisfies(e ->
                        assertThat(((AuthenticationException) e).getStatus()).isEqualTo(401));
        assertThatThrownBy(() -> login("nobody-by-this-name", "x", "admin"))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void imageLifecycleWithUploadAndDownload() throws Exception {
        OSClient.OSClientV3 os = login("admin", "admin-secret", "admin");
        Image created = os.imagesV2()
                .create(Builders.imageV2()
                        .name("ø-bild ünïcode")
                        .diskFormat(DiskFormat.RAW)
                        .containerFormat(ContainerFormat.BARE)
                        .visibility(Image.ImageVisibility.PRIVATE)
                        .minDisk(1L)
                        .additionalProperty("cairn_note", "x y")
                        .build());
        assertThat(created.getId()).isNotBlank();
        assertThat(created.getStatus()).isEqualTo(Image.ImageStatus.QUEUED);
        assertThat(created.getName()).isEqualTo("ø-bild ünïcode");
        assertThat(created.getAdditionalPropertyValue("cairn_note")).isEqualTo("x y");

        // openstack4j's update sends its JSON patch as application/json through the OkHttp connector (the
        // connector's body type replaces the patch media type it set as a header): Glance answers 415, so do we
        assertThatThrownBy(() ->
                        os.imagesV2().update(created.toBuilder().name("renamed").build()))
                .isInstanceOf(ClientResponseException.class)
                .satisfies(e ->
                        assertThat(((ClientResponseException) e).getStatus()).isEqualTo(415))
                .hasMessageContaining("json-patch");
        assertThat(os.imagesV2().updateTag(created.getId(), "t1").isSuccess()).isTrue();
        Image tagged = os.imagesV2().get(created.getId());

        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(18).nextBytes(data);
        Path file = dir.resolve("upload.raw");
        Files.write(file, data);
        ActionResponse up = os.imagesV2().upload(created.getId(), Payloads.create(file.toFile()), tagged);
        assertThat(up.isSuccess()).as(up.toString()).isTrue();

        Image active = os.imagesV2().get(created.getId());
        assertThat(active.getStatus()).isEqualTo(Image.ImageStatus.ACTIVE);
        assertThat(active.getSize()).isEqualTo(data.length);
        assertThat(active.getChecksum()).isEqualTo(hex("MD5", data));
        assertThat(active.getAdditionalPropertyValue("os_hash_algo")).isEqualTo("sha512");
        assertThat(active.getAdditionalPropertyValue("os_hash_value")).isEqualTo(hex("SHA-512", data));
        assertThat(active.getTags()).containsExactly("t1");
        assertThat(os.imagesV2().list(Map.of("name", "ø-bild ünïcode")))
                .extracting(Image::getId)
                .containsExactly(created.getId());

        Path back = dir.resolve("download.raw");
        ActionResponse down = os.imagesV2().download(created.getId(), back.toFile());
        assertThat(down.isSuccess()).as(down.toString()).isTrue();
        assertThat(Files.readAllBytes(back)).isEqualTo(data);

        // another project does not see it nor can delete it; its owner deletes it, after which it is gone
        OSClient.OSClientV3 demo = login("demo", "demo-secret", "demo");
        assertThat(demo.imagesV2().get(created.getId())).isNull();
        assertThat(demo.imagesV2().delete(created.getId()).getCode()).isEqualTo(404);
        OSClient.OSClientV3 owner = login("admin", "admin-secret", "admin");
        assertThat(owner.imagesV2().delete(created.getId()).isSuccess()).isTrue();
        assertThat(owner.imagesV2().get(created.getId())).isNull();
        assertThat(store.holdsAnythingOf(created.getId())).isFalse();
    }

    private static String hex(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }
}
