package io.cairn.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.compute.image.InMemoryImageStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
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
import org.openstack4j.model.compute.Action;
import org.openstack4j.model.compute.Flavor;
import org.openstack4j.model.compute.InstanceAction;
import org.openstack4j.model.compute.Keypair;
import org.openstack4j.model.compute.Limits;
import org.openstack4j.model.compute.QuotaSet;
import org.openstack4j.model.compute.RebootType;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.compute.ServerUpdateOptions;
import org.openstack4j.model.compute.ext.Hypervisor;
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
 * revocation, and the exception a wrong password raises; then the compute API ({@code os.compute()}): flavors, key
 * pairs, a server's lifecycle on the fake driver with its actions, metadata and errors, hypervisors, zones, limits,
 * quotas, and Nova's images proxy. One application (SQLite, the in-memory store twin, one fake compute agent).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenStack4jIT {
    private static final Identifier DEFAULT_DOMAIN = Identifier.byName("Default");
    private static final Duration WAIT = Duration.ofSeconds(60);

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
                        "cairn.compute.driver", "fake",
                        "cairn.compute.heartbeat", "200ms"),
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

    @Test
    void computeFlavorsAndKeypairs() {
        OSClient.OSClientV3 os = login("admin", "admin-secret", "admin");
        assertThat(os.getToken().getCatalog()).extracting(s -> s.getType()).contains("compute");

        // flavors: the seeded ones, listed (detail) and fetched one by one
        List<? extends Flavor> flavors = os.compute().flavors().list();
        assertThat(flavors).extracting(Flavor::getName).contains("m1.tiny", "m1.small");
        Flavor tiny = os.compute().flavors().get("1");
        assertThat(tiny.getName()).isEqualTo("m1.tiny");
        assertThat(tiny.getRam()).isEqualTo(512);
        assertThat(tiny.getVcpus()).isEqualTo(1);
        assertThat(tiny.isPublic()).isTrue();
        assertThat(tiny.isDisabled()).isFalse();
        assertThat(tiny.getDisk()).isEqualTo(1);
        assertThat(tiny.getSwap()).isZero();
        assertThat(tiny.getEphemeral()).isZero();
        assertThat(tiny.getRxtxFactor()).isEqualTo(1.0f);
        assertThat(os.compute().flavors().get("no-such-flavor")).isNull();

        // key pairs: generated by the server (the private key comes back once), listed, fetched, deleted
        Keypair kp = os.compute().keypairs().create("o4j-key-only", null);
        assertThat(kp.getPrivateKey()).contains("PRIVATE KEY");
        assertThat(kp.getFingerprint()).isNotBlank();
        assertThat(os.compute().keypairs().list()).extracting(Keypair::getName).contains("o4j-key-only");
        Keypair got = os.compute().keypairs().get("o4j-key-only");
        assertThat(got.getPublicKey()).isEqualTo(kp.getPublicKey());
        assertThat(got.getPrivateKey()).isNull();
        assertThat(got.getUserId()).isEqualTo(os.getToken().getUser().getId());
        assertThat(got.getCreatedAt()).isNotNull();
        assertThat(got.getDeleted()).isFalse();
        assertSuccess(os.compute().keypairs().delete("o4j-key-only"));
        assertThat(os.compute().keypairs().list()).extracting(Keypair::getName).doesNotContain("o4j-key-only");
        assertThat(os.compute().keypairs().delete("o4j-key-only").getCode()).isEqualTo(404);
    }

    /** What else openstack4j reads of the compute API: hypervisors, zones, limits, quota sets, instance actions. */
    @Test
    void computeHypervisorsZonesLimitsAndQuotas() {
        OSClient.OSClientV3 os = login("admin", "admin-secret", "admin");
        List<? extends Hypervisor> hypervisors = os.compute().hypervisors().list();
        assertThat(hypervisors).extracting(Hypervisor::getHypervisorHostname).contains("compute1");
        Hypervisor h = hypervisors.get(0);
        assertThat(h.getState()).isEqualTo("up");
        assertThat(h.getStatus()).isEqualTo("enabled");
        assertThat(h.getVirtualCPU()).isEqualTo(8);
        assertThat(h.getLocalMemory()).isEqualTo(16384);
        assertThat(os.compute().zones().list()).extracting(z -> z.getZoneName()).contains("nova");
        Limits limits = os.compute().quotaSets().limits();
        assertThat(limits.getAbsolute().getMaxTotalCores()).isEqualTo(20);
        assertThat(limits.getAbsolute().getMaxTotalInstances()).isEqualTo(10);
        assertThat(limits.getAbsolute().getMaxServerMeta()).isEqualTo(128);
        QuotaSet quota = os.compute().quotaSets().get(os.getToken().getProject().getId());
        assertThat(quota.getCores()).isEqualTo(20);
        assertThat(quota.getRam()).isEqualTo(51200);
        assertThat(quota.getKeyPairs()).isEqualTo(100);
    }

    @Test
    void computeServerLifecycle() throws Exception {
        OSClient.OSClientV3 os = login("admin", "admin-secret", "admin");
        String imageId = uploadImage(os, "o4j-boot", Map.of());
        Keypair kp = os.compute().keypairs().create("o4j-key", null);
        assertThat(kp.getName()).isEqualTo("o4j-key");

        String userData = Base64.getEncoder().encodeToString("#!/bin/sh\necho o4j".getBytes(StandardCharsets.UTF_8));
        Server booted = os.compute()
                .servers()
                .boot(Builders.server()
                        .name("o4j-vm")
                        .image(imageId)
                        .flavor("1")
                        .keypairName("o4j-key")
                        .addMetadataItem("role", "test")
                        .userData(userData)
                        .build());
        assertThat(booted.getId()).isNotBlank();
        assertThat(booted.getAdminPass()).isNotBlank();
        String id = booted.getId();
        Server active = waitFor(os, id, Server.Status.ACTIVE);
        assertThat(active.getName()).isEqualTo("o4j-vm");
        assertThat(active.getImageId()).isEqualTo(imageId);
        assertThat(active.getFlavorId()).isEqualTo("1");
        assertThat(active.getKeyName()).isEqualTo("o4j-key");
        assertThat(active.getMetadata()).containsEntry("role", "test");
        assertThat(active.getTenantId()).isEqualTo(os.getToken().getProject().getId());
        assertThat(active.getPowerState()).isEqualTo("1");
        assertThat(active.getVmState()).isEqualTo("active");
        assertThat(active.getHost()).startsWith("compute1");
        assertThat(active.getCreated()).isNotNull();
        assertThat(active.getLaunchedAt()).isNotNull();
        assertThat(active.getAvailabilityZone()).isEqualTo("nova");
        assertThat(active.getDiskConfig()).isEqualTo(Server.DiskConfig.MANUAL);
        assertThat(active.getSecurityGroups()).extracting(g -> g.getName()).containsExactly("default");
        assertThat(active.getAddresses().getAddresses()).isEmpty();

        // lists: brief and detail, with the name filter
        assertThat(os.compute().servers().list(false)).extracting(Server::getId).contains(id);
        List<? extends Server> named = os.compute().servers().list(Map.of("name", "o4j-vm"));
        assertThat(named).extracting(Server::getId).containsExactly(id);
        assertThat(named.get(0).getStatus()).isEqualTo(Server.Status.ACTIVE);
        assertThat(os.compute().servers().list(Map.of("name", "no-such-server")))
                .isEmpty();

        actions(os, id, imageId);
        metadataAndRename(os, id);

        // an unknown flavor: Nova's 400 and message
        assertThatThrownBy(() -> os.compute()
                        .servers()
                        .boot(Builders.server()
                                .name("o4j-bad")
                                .image(imageId)
                                .flavor("999")
                                .build()))
                .isInstanceOf(ClientResponseException.class)
                .satisfies(e ->
                        assertThat(((ClientResponseException) e).getStatus()).isEqualTo(400))
                .hasMessageContaining("Invalid flavorRef provided.");

        // delete: the server goes away (404, which openstack4j answers with null)
        assertSuccess(os.compute().servers().delete(id));
        poll("server " + id + " gone", () -> os.compute().servers().get(id) == null);
        assertThat(os.compute().servers().delete(id).getCode()).isEqualTo(404);
        assertSuccess(os.compute().keypairs().delete("o4j-key"));
    }

    private static void actions(OSClient.OSClientV3 os, String id, String imageId) throws Exception {
        assertSuccess(os.compute().servers().reboot(id, RebootType.SOFT));
        waitFor(os, id, Server.Status.ACTIVE);
        assertSuccess(os.compute().servers().reboot(id, RebootType.HARD));
        waitFor(os, id, Server.Status.ACTIVE);
        assertSuccess(os.compute().servers().action(id, Action.STOP));
        waitFor(os, id, Server.Status.SHUTOFF);
        ActionResponse refused = os.compute().servers().action(id, Action.PAUSE);
        assertThat(refused.getCode()).isEqualTo(409);
        assertThat(refused.getFault()).isEqualTo("Cannot 'pause' instance " + id + " while it is in vm_state stopped");
        assertSuccess(os.compute().servers().action(id, Action.START));
        waitFor(os, id, Server.Status.ACTIVE);
        assertSuccess(os.compute().servers().action(id, Action.PAUSE));
        waitFor(os, id, Server.Status.PAUSED);
        assertSuccess(os.compute().servers().action(id, Action.UNPAUSE));
        waitFor(os, id, Server.Status.ACTIVE);
        String console = os.compute().servers().getConsoleOutput(id, 50);
        assertThat(console).contains("booted from image " + imageId).contains("hard reboot");
        List<? extends InstanceAction> done =
                os.compute().servers().instanceActions().list(id);
        assertThat(done)
                .extracting(InstanceAction::getAction)
                .contains("create", "reboot", "stop", "start", "pause", "unpause");
        InstanceAction create = done.stream()
                .filter(a -> a.getAction().equals("create"))
                .findFirst()
                .orElseThrow();
        assertThat(create.getInstanceUuid()).isEqualTo(id);
        assertThat(os.compute()
                        .servers()
                        .instanceActions()
                        .get(id, create.getRequestId())
                        .getAction())
                .isEqualTo("create");
    }

    private static void metadataAndRename(OSClient.OSClientV3 os, String id) {
        assertThat(os.compute().servers().getMetadata(id)).containsExactly(Map.entry("role", "test"));
        // openstack4j's updateMetadata is a PUT: it replaces the whole set, as Nova does
        Map<String, String> replaced = os.compute().servers().updateMetadata(id, Map.of("role", "test", "tier", "web"));
        assertThat(replaced).containsOnly(Map.entry("role", "test"), Map.entry("tier", "web"));
        assertThat(os.compute().servers().updateMetadata(id, Map.of("tier", "web", "x", "1")))
                .containsOnly(Map.entry("tier", "web"), Map.entry("x", "1"));
        assertThat(os.compute().servers().getMetadata(id)).doesNotContainKey("role");
        os.compute().servers().updateMetadata(id, Map.of("role", "test", "tier", "web"));
        assertSuccess(os.compute().servers().deleteMetadataItem(id, "role"));
        assertThat(os.compute().servers().getMetadata(id)).containsExactly(Map.entry("tier", "web"));

        Server renamed =
                os.compute().servers().update(id, ServerUpdateOptions.create().name("o4j-renamed"));
        assertThat(renamed.getName()).isEqualTo("o4j-renamed");
        assertThat(os.compute().servers().get(id).getName()).isEqualTo("o4j-renamed");
    }

    @Test
    @SuppressWarnings("deprecation") // openstack4j deprecates its compute images API as Nova deprecated the proxy
    void computeImagesProxy() throws Exception {
        OSClient.OSClientV3 os = login("admin", "admin-secret", "admin");
        // (not os_distro: openstack4j's image builder drops additional properties it models itself)
        String id = uploadImage(os, "o4j-proxied", Map.of("cairn_distro", "debian"));

        // os.compute().images() is Nova's /v2.1/images proxy (openstack4j sends no microversion: 2.1)
        org.openstack4j.model.compute.Image listed = os.compute().images().list().stream()
                .filter(i -> i.getId().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(listed.getName()).isEqualTo("o4j-proxied");
        assertThat(listed.getStatus()).isEqualTo(org.openstack4j.model.compute.Image.Status.ACTIVE);
        assertThat(listed.getProgress()).isEqualTo(100);
        assertThat(listed.getMinDisk()).isEqualTo(1);
        assertThat(listed.getMinRam()).isEqualTo(64);
        assertThat(listed.getSize()).isEqualTo(4096);
        assertThat(listed.getCreated()).isNotNull();
        assertThat(listed.getUpdated()).isNotNull();
        assertThat(listed.getMetaData()).containsEntry("cairn_distro", "debian").doesNotContainKey("disk_format");
        assertThat(listed.getLinks()).extracting(l -> l.getRel()).contains("self", "bookmark");
        assertThat(os.compute().images().list(false))
                .filteredOn(i -> i.getId().equals(id))
                .extracting(org.openstack4j.model.compute.Image::getName)
                .containsExactly("o4j-proxied");
        assertThat(os.compute().images().get(id).getMinRam()).isEqualTo(64);
        assertThat(os.compute().images().get("no-such-image")).isNull();

        // metadata: the image's extra properties, changed in the image service
        assertThat(os.compute().images().getMetaData(id)).containsEntry("cairn_distro", "debian");
        // openstack4j's setMetaData sends {"metadata": {...}, "metaData": {...}} (its wrapper's getter is serialised
        // too); Nova's schema allows no other property than "metadata", so Nova refuses it exactly so, as we do
        assertThatThrownBy(() -> os.compute().images().setMetaData(id, Map.of("k", "v")))
                .isInstanceOf(ClientResponseException.class)
                .satisfies(e ->
                        assertThat(((ClientResponseException) e).getStatus()).isEqualTo(400))
                .hasMessageContaining("Additional properties are not allowed ('metaData' was unexpected)");
        assertThat(os.compute().images().getMetaData(id)).doesNotContainKey("k");
        assertSuccess(os.compute().images().deleteMetaData(id, "cairn_distro"));
        assertThat(os.compute().images().getMetaData(id)).doesNotContainKey("cairn_distro");
        assertThat(os.imagesV2().get(id).getAdditionalPropertyValue("cairn_distro"))
                .isNull();
        assertThat(os.compute().images().deleteMetaData(id, "cairn_distro").getCode())
                .isEqualTo(404);

        assertSuccess(os.compute().images().delete(id));
        assertThat(os.compute().images().get(id)).isNull();
        assertThat(os.imagesV2().get(id)).isNull();
        assertThat(os.compute().images().delete(id).getCode()).isEqualTo(404);
    }

    /** Creates, fills and returns a small raw image of the current session's project. */
    private String uploadImage(OSClient.OSClientV3 os, String name, Map<String, String> properties) throws IOException {
        var builder = Builders.imageV2()
                .name(name)
                .diskFormat(DiskFormat.RAW)
                .containerFormat(ContainerFormat.BARE)
                .visibility(Image.ImageVisibility.PRIVATE)
                .minDisk(1L)
                .minRam(64L);
        properties.forEach(builder::additionalProperty);
        Image created = os.imagesV2().create(builder.build());
        Path file = dir.resolve(name + ".raw");
        Files.write(file, new byte[4096]);
        ActionResponse up = os.imagesV2().upload(created.getId(), Payloads.create(file.toFile()), created);
        assertThat(up.isSuccess()).as(up.toString()).isTrue();
        return created.getId();
    }

    private static Server waitFor(OSClient.OSClientV3 os, String id, Server.Status status) throws Exception {
        Server[] last = new Server[1];
        poll("server " + id + " " + status, () -> {
            Server s = os.compute().servers().get(id);
            assertThat(s).as("server %s", id).isNotNull();
            assertThat(s.getStatus()).as("server %s", id).isNotEqualTo(Server.Status.ERROR);
            last[0] = s;
            return s.getStatus() == status && s.getTaskState() == null;
        });
        return last[0];
    }

    private interface Condition {
        boolean met() throws Exception;
    }

    private static void poll(String what, Condition c) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!c.met()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L); // poll interval, not a wait for an outcome
        }
    }

    private static void assertSuccess(ActionResponse r) {
        assertThat(r.isSuccess()).as(r.toString()).isTrue();
    }

    private static String hex(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }
}
