package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.testing.Await;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code cairn cloud} driven by the real OpenStack clients (Debian's {@code openstack} 6.0 and {@code glance} 4.1),
 * one cloud per class; subclasses pick the database. Image bytes are checked where they must be: in Cairn, in
 * glance_store's layout, read back over the Swift API as the reseller admin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CloudClientsITBase {
    /** Small DLO segments so a few-MB chunked upload spans several. */
    static final long CHUNK = 1 << 20;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** This class's scratch directory (data dir, client HOME, files); removed after the class. */
    Path tmp = Path.of("");

    private ServerLauncher.@Nullable Running cloud;
    OpenStackClients admin;
    private OpenStackClients demo;
    private String adminProject = "";
    private final HttpClient http = HttpClient.newHttpClient();

    /** Extra {@code cairn cloud} arguments (the database). */
    abstract List<String> databaseArgs() throws Exception;

    /** After the cloud stopped (the database goes last). */
    void afterCloud() {}

    @BeforeAll
    void startCloud() throws Exception {
        tmp = Files.createTempDirectory("cairn-cloud-it");
        Path data = tmp.resolve("cloud");
        // the fake driver: these tests are about the APIs; CloudQemuIT boots a real guest
        List<String> args =
                new ArrayList<>(List.of("--data", data.toString(), "--port", "0", "--compute-driver", "fake"));
        args.addAll(databaseArgs());
        ByteArrayOutputStream banner = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(banner, true, StandardCharsets.UTF_8);
        cloud = new CloudCommand(out, out, NodeDaemons.none())
                .start(
                        args,
                        Map.of(
                                "cairn.storage.large-object-chunk-size",
                                String.valueOf(CHUNK),
                                // a vanished uploader is detected within this even if its disconnect is never signalled
                                "cairn.storage.upload-idle-timeout",
                                "5s"));
        assertThat(banner.toString(StandardCharsets.UTF_8)).contains("openrc");
        Path home = Files.createDirectories(tmp.resolve("home"));
        admin = new OpenStackClients(data.resolve("etc/openrc"), home);
        demo = new OpenStackClients(data.resolve("etc/openrc-demo"), home);
        adminProject = json(admin.openstack("token", "issue", "-f", "json").ok("token issue"))
                .get("project_id")
                .asString();
    }

    @AfterAll
    void stopCloud() {
        if (cloud != null) {
            cloud.close();
        }
        afterCloud();
        deleteTree(tmp);
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temp dir is not a test failure
        }
    }

    @Test
    void tokenIssueWorksAndAWrongPasswordIsRefused() throws Exception {
        JsonNode token = json(admin.openstack("token", "issue", "-f", "json").ok("token issue"));
        assertThat(token.get("id").asString()).startsWith("cT1");
        assertThat(token.get("expires").asString()).isNotEmpty();
        OpenStackClients.Result wrong =
                admin.with("OS_PASSWORD", "not-the-password").openstack("token", "issue");
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.err()).contains("401");
    }

    @Test
    void aTokenRevokedWithOpenstackIsRefusedOnTheSwiftApiWithinTheRevocationPeriod() throws Exception {
        String token = issueToken(admin);
        String storageUrl = proxy() + "/v1/AUTH_" + adminProject;
        // swiftclient answers a 401 by logging in again with OS_PASSWORD: a wrong one makes only the token count
        OpenStackClients tokenOnly = admin.with("OS_PASSWORD", "not-the-password");
        tokenOnly
                .swift("--os-auth-token", token, "--os-storage-url", storageUrl, "stat")
                .ok("swift stat with the token");
        admin.openstack("token", "revoke", token).ok("openstack token revoke");
        // the proxy validates tokens locally and learns revocations by polling (revocation_cache_time = 10 s)
        Await.until(
                "the revoked token refused by the proxy",
                Duration.ofSeconds(60),
                () -> headStatus(storageUrl, token) == 401);
        OpenStackClients.Result refused =
                tokenOnly.swift("--os-auth-token", token, "--os-storage-url", storageUrl, "stat");
        // refused by the proxy, then swiftclient's own login with the wrong password is refused too
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("Unauthorized");
        // a fresh token still works
        String fresh = issueToken(admin);
        tokenOnly
                .swift("--os-auth-token", fresh, "--os-storage-url", storageUrl, "stat")
                .ok("swift stat with a fresh token");
    }

    @Test
    void openstackImageLifecycleKeepsTheBytesAsOneObjectInCairn() throws Exception {
        byte[] bytes = randomBytes(3_000_000, 1);
        Path file = write("osc.raw", bytes);
        JsonNode created = json(admin.openstack(
                        "image",
                        "create",
                        "--file",
                        file.toString(),
                        "--disk-format",
                        "raw",
                        "--container-format",
                        "bare",
                        "--property",
                        "os_distro=cairn",
                        "osc-image",
                        "-f",
                        "json")
                .ok("image create"));
        String id = created.get("id").asString();
        JsonNode shown =
                json(admin.openstack("image", "show", "osc-image", "-f", "json").ok("image show"));
        assertThat(shown.get("status").asString()).isEqualTo("active");
        assertThat(shown.get("checksum").asString()).isEqualTo(md5(bytes));
        assertThat(shown.get("size").asLong()).isEqualTo(bytes.length);
        // in Cairn: one object named by the image id, in container glance of the admin project's account
        assertThat(swiftGet("glance/" + id)).isEqualTo(bytes);

        admin.openstack("image", "set", "--property", "foo=bar", "--tag", "t1", "--min-disk", "1", "osc-image")
                .ok("image set");
        JsonNode after =
                json(admin.openstack("image", "show", "osc-image", "-f", "json").ok("image show"));
        assertThat(after.get("properties").get("foo").asString()).isEqualTo("bar");
        assertThat(after.get("tags").toString()).contains("t1");
        assertThat(after.get("min_disk").asInt()).isEqualTo(1);

        Path saved = tmp.resolve("osc.out");
        admin.openstack("image", "save", "--file", saved.toString(), "osc-image")
                .ok("image save");
        assertThat(Files.readAllBytes(saved)).isEqualTo(bytes);

        assertThat(admin.openstack("image", "list", "-f", "json")
                        .ok("image list")
                        .out())
                .contains(id);
        admin.openstack("image", "delete", "osc-image").ok("image delete");
        assertThat(admin.openstack("image", "show", id).exitCode()).isNotZero();
        assertThat(swiftNames(id)).isEmpty();
    }

    @Test
    void openstackObjectCommandsWorkWithIdentityTokensOnTheProjectsAccount() throws Exception {
        admin.openstack("container", "create", "ks-objects").ok("container create");
        assertThat(admin.openstack("container", "list", "-f", "value")
                        .ok("container list")
                        .out())
                .contains("ks-objects");
        byte[] bytes = randomBytes(1_500_000, 7);
        String name = "données/日本 ✓.bin";
        Files.write(tmp.resolve("home").resolve("upload.bin"), bytes);
        JsonNode created =
                json(admin.openstack("object", "create", "--name", name, "ks-objects", "upload.bin", "-f", "json")
                        .ok("object create"));
        assertThat(created.get(0).get("object").asString()).isEqualTo(name);
        assertThat(admin.openstack("object", "list", "ks-objects", "-f", "value")
                        .ok("object list")
                        .out())
                .isEqualTo(name + "\n");
        Path saved = tmp.resolve("object.out");
        admin.openstack("object", "save", "--file", saved.toString(), "ks-objects", name)
                .ok("object save");
        assertThat(Files.readAllBytes(saved)).isEqualTo(bytes);
        // the same account as the image service's tempauth writes: the bytes are one object, read by both kinds of
        // token
        assertThat(swiftGet("ks-objects/"
                        + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)
                                .replace("+", "%20")))
                .isEqualTo(bytes);

        // demo's token is for its own project: admin's container is 403 to it until an ACL names the demo project
        String demoProject = json(demo.openstack("token", "issue", "-f", "json").ok("demo token"))
                .get("project_id")
                .asString();
        String adminAccountUrl = proxy() + "/v1/AUTH_" + adminProject;
        OpenStackClients demoOnAdmin = demo.with("OS_STORAGE_URL", adminAccountUrl);
        OpenStackClients.Result denied = demoOnAdmin.swift("list", "ks-objects");
        assertThat(denied.exitCode()).isNotZero();
        assertThat(denied.err()).contains("403");
        admin.swift("post", "-r", demoProject + ":*", "ks-objects").ok("swift post -r");
        assertThat(demoOnAdmin
                        .swift("list", "ks-objects")
                        .ok("demo list after ACL")
                        .out())
                .isEqualTo(name + "\n");
        Path demoSaved = tmp.resolve("demo.out");
        demoOnAdmin
                .swift("download", "ks-objects", name, "-o", demoSaved.toString())
                .ok("demo download after ACL");
        assertThat(Files.readAllBytes(demoSaved)).isEqualTo(bytes);
        // read ACL only: writing stays the owner's
        OpenStackClients.Result write = demoOnAdmin.swift(
                "upload",
                "--object-name",
                "demo-was-here",
                "ks-objects",
                tmp.resolve("home").resolve("upload.bin").toString());
        assertThat(write.exitCode()).isNotZero();
        assertThat(write.err()).contains("403");

        // a forged identity token is refused outright; no token at all is 401 as Swift says it
        String adminToken = issueToken(admin);
        String forged = adminToken.substring(0, adminToken.length() - 2) + (adminToken.endsWith("AA") ? "BB" : "AA");
        assertThat(rawStatus("GET", adminAccountUrl + "/ks-objects", forged)).isEqualTo(401);
        assertThat(rawStatus("GET", adminAccountUrl + "/ks-objects", null)).isEqualTo(401);
        assertThat(rawStatus("GET", adminAccountUrl + "/ks-objects", adminToken))
                .isEqualTo(200);

        admin.openstack("object", "delete", "ks-objects", name).ok("object delete");
        admin.openstack("container", "delete", "ks-objects").ok("container delete");
        assertThat(admin.openstack("container", "list", "-f", "value")
                        .ok("container list")
                        .out())
                .doesNotContain("ks-objects");
    }

    @Test
    void theImageServicesContainerIsTheAdminProjectsGlanceContainer() throws Exception {
        byte[] bytes = randomBytes(200_000, 8);
        Path file = write("ks-image.raw", bytes);
        String id = json(admin.openstack(
                                "image",
                                "create",
                                "--file",
                                file.toString(),
                                "--disk-format",
                                "raw",
                                "--container-format",
                                "bare",
                                "ks-image",
                                "-f",
                                "json")
                        .ok("image create"))
                .get("id")
                .asString();
        assertThat(admin.openstack("object", "list", "glance", "-f", "value")
                        .ok("object list glance")
                        .out())
                .contains(id);
        Path saved = tmp.resolve("ks-image.out");
        admin.openstack("object", "save", "--file", saved.toString(), "glance", id)
                .ok("object save");
        assertThat(Files.readAllBytes(saved)).isEqualTo(bytes);
        // demo (role member on its own project) neither sees nor reads admin's image store
        OpenStackClients demoOnAdmin = demo.with("OS_STORAGE_URL", proxy() + "/v1/AUTH_" + adminProject);
        assertThat(demoOnAdmin.swift("list", "glance").exitCode()).isNotZero();
        admin.openstack("image", "delete", id).ok("image delete");
        assertThat(admin.openstack("object", "list", "glance", "-f", "value")
                        .ok("object list glance")
                        .out())
                .doesNotContain(id);
    }

    @Test
    void aRemovedRoleAndADisabledUserReachTheSwiftApiWithinTheRevocationPeriod() throws Exception {
        ProjectMember m = newProjectMember("revoke");
        String project = m.project();
        String user = m.user();
        OpenStackClients asUser = m.clients();
        String storageUrl = proxy() + "/v1/AUTH_" + m.projectId();
        String first = issueToken(asUser);
        // 200 for the account not created yet (Swift's fake listing), 204 once it exists
        assertThat(rawStatus("HEAD", storageUrl, first)).isIn(200, 204);
        // the token carries the member role; removing it revokes the user's tokens on that project
        admin.openstack("role", "remove", "--user", user, "--project", project, "member")
                .ok("role remove");
        Await.until(
                "a token whose role was removed refused by the proxy",
                Duration.ofSeconds(60),
                () -> headStatus(storageUrl, first) == 401);
        admin.openstack("role", "add", "--user", user, "--project", project, "member")
                .ok("role added again");
        String second = issueToken(asUser);
        assertThat(rawStatus("HEAD", storageUrl, second))
                .as("a token issued after the event")
                .isIn(200, 204);
        admin.openstack("user", "set", "--disable", user).ok("user set --disable");
        Await.until(
                "a disabled user's token refused by the proxy",
                Duration.ofSeconds(60),
                () -> headStatus(storageUrl, second) == 401);
        OpenStackClients.Result refused = asUser.openstack("token", "issue");
        assertThat(refused.exitCode()).isNotZero();
        // the identity service refuses the old tokens itself at once
        assertThat(rawStatus("GET", admin.env("OS_AUTH_URL") + "/auth/projects", second))
                .isEqualTo(401);
    }

    @Test
    void concurrentServerCreationsInOneProjectNeverOvershootItsInstanceQuota() throws Exception {
        ProjectMember m = newProjectMember("quota");
        String projectId = m.projectId();
        Path file = write(m.project() + ".raw", randomBytes(4096, 31));
        String imageId = json(admin.openstack(
                                "image",
                                "create",
                                "--file",
                                file.toString(),
                                "--disk-format",
                                "raw",
                                "--container-format",
                                "bare",
                                "--public",
                                "-f",
                                "json",
                                m.project() + "-image")
                        .ok("image create"))
                .get("id")
                .asString();
        String api = admin.env("OS_AUTH_URL").replace("/identity/v3", "") + "/compute/v2.1";
        String adminToken = issueToken(admin);
        HttpResponse<String> quota = http.send(
                HttpRequest.newBuilder(URI.create(api + "/os-quota-sets/" + projectId))
                        .header("X-Auth-Token", adminToken)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"quota_set\": {\"instances\": 2}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(quota.statusCode()).as(quota.body()).isEqualTo(200);
        String userToken = issueToken(m.clients());
        // six creations at once against a quota of two instances: two fit, four are refused, never more
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> creations = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            creations.add(http.sendAsync(
                    HttpRequest.newBuilder(URI.create(api + "/servers"))
                            .header("X-Auth-Token", userToken)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"server\": {\"name\": \"q" + i
                                    + "\", \"imageRef\": \"" + imageId + "\", \"flavorRef\": \"1\"}}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (var c : creations) {
            HttpResponse<String> r = c.get(60, java.util.concurrent.TimeUnit.SECONDS);
            statuses.add(r.statusCode());
            if (r.statusCode() != 202) {
                assertThat(r.body()).as("status " + r.statusCode()).contains("Quota exceeded for instances");
            }
        }
        assertThat(statuses).filteredOn(st -> st == 202).hasSize(2);
        assertThat(statuses).filteredOn(st -> st == 403).hasSize(4);
        HttpResponse<String> listed = http.send(
                HttpRequest.newBuilder(URI.create(api + "/servers"))
                        .header("X-Auth-Token", userToken)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode servers = JSON.readTree(listed.body()).get("servers");
        assertThat(servers.size()).isEqualTo(2);
        for (JsonNode server : servers) {
            assertThat(rawStatus("DELETE", api + "/servers/" + server.get("id").asString(), userToken))
                    .isEqualTo(204);
        }
    }

    /** A new project, and a new user with the member role on it; {@code clients} act as that user there. */
    private record ProjectMember(String projectId, String project, String user, OpenStackClients clients) {}

    private ProjectMember newProjectMember(String prefix) throws IOException, InterruptedException {
        String suffix = Long.toString(System.nanoTime(), 36);
        String project = prefix + "-" + suffix;
        String user = prefix + "-user-" + suffix;
        String password = "pw-" + suffix;
        String projectId = json(admin.openstack("project", "create", "-f", "json", project)
                        .ok("project create"))
                .get("id")
                .asString();
        admin.openstack("user", "create", "--password", password, user).ok("user create");
        admin.openstack("role", "add", "--user", user, "--project", project, "member")
                .ok("role add");
        OpenStackClients clients =
                admin.with("OS_USERNAME", user).with("OS_PASSWORD", password).with("OS_PROJECT_NAME", project);
        return new ProjectMember(projectId, project, user, clients);
    }

    private static String issueToken(OpenStackClients as) throws IOException, InterruptedException {
        return json(as.openstack("token", "issue", "-f", "json").ok("token issue"))
                .get("id")
                .asString();
    }

    /** HEAD's status, for polling: I/O failures are unchecked. */
    private int headStatus(String url, String token) {
        try {
            return rawStatus("HEAD", url, token);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private int rawStatus(String method, String url, @Nullable String token) throws IOException, InterruptedException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("X-Auth-Token", token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void glanceDirectImportStagesIntoCairnAndActivates() throws Exception {
        // the table wraps the value: compare without the table's borders and line breaks
        assertThat(admin.glance("import-info").ok("glance import-info").out().replaceAll("[\\s|]", ""))
                .contains("\"value\":[\"glance-direct\"]");
        byte[] bytes = randomBytes(700_000, 9);
        Path file = write("import.raw", bytes);
        String out = admin.glanceReading(
                        file,
                        "image-create-via-import",
                        "--import-method",
                        "glance-direct",
                        "--disk-format",
                        "raw",
                        "--container-format",
                        "bare",
                        "--name",
                        "imported-image")
                .ok("glance image-create-via-import")
                .out();
        String id = field(out, "id");
        assertThat(field(out, "status")).isEqualTo("active");
        assertThat(field(out, "checksum")).isEqualTo(md5(bytes));
        // staged where an upload goes (glance_store's layout in Cairn), no second copy
        assertThat(swiftGet("glance/" + id)).isEqualTo(bytes);
        Path downloaded = tmp.resolve("import.out");
        admin.glance("image-download", "--file", downloaded.toString(), id).ok("glance image-download");
        assertThat(Files.readAllBytes(downloaded)).isEqualTo(bytes);
        // importing again, or importing what was never staged, is refused by the client's own status check or a 409
        OpenStackClients.Result again = admin.glance("image-import", "--import-method", "glance-direct", id);
        assertThat(again.exitCode()).isNotZero();
        admin.glance("image-delete", id).ok("glance image-delete");
        assertThat(swiftNames(id)).isEmpty();
    }

    @Test
    void glanceChunkedUploadBecomesDloSegmentsAndDownloadsWithItsHash() throws Exception {
        byte[] bytes = randomBytes((int) (2 * CHUNK + 12345), 2);
        Path file = write("glance.raw", bytes);
        String out = admin.glance(
                        "image-create",
                        "--file",
                        file.toString(),
                        "--disk-format",
                        "raw",
                        "--container-format",
                        "bare",
                        "--name",
                        "glance-image")
                .ok("glance image-create")
                .out();
        String id = field(out, "id");
        assertThat(field(out, "status")).isEqualTo("active");
        // glance_store's layout: segments <id>-00001.. and a zero-byte manifest naming them
        assertThat(swiftNames(id)).containsExactly(id, id + "-00001", id + "-00002", id + "-00003");
        HttpResponse<byte[]> manifest = swift("GET", "glance/" + id);
        assertThat(manifest.headers().firstValue("X-Object-Manifest")).contains("glance/" + id + "-");
        assertThat(swiftGet("glance/" + id + "-00001")).hasSize((int) CHUNK);

        Path downloaded = tmp.resolve("glance.out");
        admin.glance("image-download", "--file", downloaded.toString(), id).ok("glance image-download");
        assertThat(Files.readAllBytes(downloaded)).isEqualTo(bytes);

        admin.glance("image-tag-update", id, "gold").ok("tag");
        assertThat(admin.glance("image-show", id).ok("show").out()).contains("gold");
        admin.glance("image-deactivate", id).ok("deactivate");
        assertThat(field(admin.glance("image-show", id).ok("show").out(), "status"))
                .isEqualTo("deactivated");
        admin.glance("image-reactivate", id).ok("reactivate");
        admin.glance("image-update", "--property", "a=b", id).ok("update");
        admin.glance("image-update", "--remove-property", "a", id).ok("update");
        assertThat(admin.glance("image-show", id).ok("show").out()).doesNotContain("| a ");

        admin.glance("image-delete", id).ok("glance image-delete");
        assertThat(swiftNames(id)).isEmpty();
    }

    @Test
    void refusedUploadsLeaveTheImageQueuedAndNothingStored() throws Exception {
        ByteBuffer header = ByteBuffer.allocate(65_536);
        header.put(new byte[] {'Q', 'F', 'I', (byte) 0xfb})
                .putInt(4, 3)
                .putLong(8, 4096)
                .putInt(16, 8);
        header.putInt(20, 16).putLong(24, 1 << 30).putInt(100, 104);
        OpenStackClients.Result backing = admin.glance(
                "image-create",
                "--disk-format",
                "qcow2",
                "--container-format",
                "bare",
                "--name",
                "bad-qcow2",
                "--file",
                write("backing.qcow2", header.array()).toString());
        assertThat(backing.exitCode()).isNotZero();
        assertThat(backing.err()).contains("backing file");
        JsonNode image =
                json(admin.openstack("image", "show", "bad-qcow2", "-f", "json").ok("show"));
        String id = image.get("id").asString();
        assertThat(image.get("status").asString()).isEqualTo("queued");

        OpenStackClients.Result random = admin.glance(
                "image-upload",
                "--file",
                write("random.qcow2", randomBytes(200_000, 3)).toString(),
                id);
        assertThat(random.exitCode()).isNotZero();
        assertThat(random.err()).contains("not a qcow2");
        JsonNode after = json(admin.openstack("image", "show", id, "-f", "json").ok("show"));
        assertThat(after.get("status").asString()).isEqualTo("queued");
        JsonNode checksum = after.get("checksum");
        assertThat(checksum == null || checksum.isNull())
                .as("no checksum: %s", after)
                .isTrue();
        assertThat(swiftNames(id)).isEmpty();
        admin.glance("image-delete", id).ok("delete");
    }

    @Test
    void demoSeesItsOwnImagesNotTheAdminsPrivateOnes() throws Exception {
        admin.openstack(
                        "image",
                        "create",
                        "--private",
                        "--disk-format",
                        "raw",
                        "--container-format",
                        "bare",
                        "admin-private")
                .ok("admin create");
        demo.openstack(
                        "image",
                        "create",
                        "--file",
                        write("demo.raw", randomBytes(1000, 4)).toString(),
                        "--disk-format",
                        "raw",
                        "--container-format",
                        "bare",
                        "demo-image")
                .ok("demo create");
        String list = demo.openstack("image", "list", "-f", "value", "-c", "Name")
                .ok("demo list")
                .out();
        assertThat(list).contains("demo-image").doesNotContain("admin-private");
        assertThat(demo.openstack("image", "delete", "admin-private").exitCode())
                .isNotZero();
        assertThat(admin.openstack("image", "list", "-f", "value", "-c", "Name")
                        .ok("admin list")
                        .out())
                .contains("demo-image", "admin-private");
    }

    @Test
    void aChunkedUploadThatDiesMidStreamLeavesNoSegmentsBehind() throws Exception {
        String token = issueToken(admin);
        String api = admin.env("OS_AUTH_URL").replace("/identity/v3", "");
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(api + "/image/v2/images"))
                        .header("X-Auth-Token", token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"name\":\"dies\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asString();
        URI uri = URI.create(api);
        try (java.net.Socket s = new java.net.Socket(uri.getHost(), uri.getPort())) {
            java.io.OutputStream out = s.getOutputStream();
            out.write(("PUT /image/v2/images/" + id + "/file HTTP/1.1\r\nHost: x\r\nX-Auth-Token: " + token
                            + "\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = randomBytes(65_536, 9);
            // two and a half segments, then the connection drops without the last chunk
            for (int i = 0; i < 40; i++) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            io.cairn.common.testing.Await.until("segments written", java.time.Duration.ofSeconds(30), () -> {
                try {
                    return swiftNames(id).contains(id + "-00002");
                } catch (Exception e) {
                    return false;
                }
            });
        }
        io.cairn.common.testing.Await.until("image queued, segments gone", java.time.Duration.ofSeconds(60), () -> {
            try {
                JsonNode shown =
                        json(admin.openstack("image", "show", id, "-f", "json").ok("show"));
                return shown.get("status").asString().equals("queued")
                        && swiftNames(id).isEmpty();
            } catch (Exception e) {
                return false;
            }
        });
        admin.openstack("image", "delete", id).ok("delete");
    }

    // ---- helpers

    @Test
    void openstackAndNovaDriveServersThroughTheirLifecycle() throws Exception {
        Path file = write("compute.raw", randomBytes(100_000, 21));
        admin.openstack(
                        "image",
                        "create",
                        "--file",
                        file.toString(),
                        "--disk-format",
                        "raw",
                        "--container-format",
                        "bare",
                        "--public",
                        "compute-image")
                .ok("image create");
        JsonNode vm = json(admin.openstack(
                        "server",
                        "create",
                        "--image",
                        "compute-image",
                        "--flavor",
                        "m1.tiny",
                        "--wait",
                        "vm-ösc",
                        "-f",
                        "json")
                .ok("server create"));
        assertThat(vm.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(vm.get("flavor").asString()).contains("m1.tiny");
        JsonNode none = json(admin.openstack(
                        "--os-compute-api-version",
                        "2.37",
                        "server",
                        "create",
                        "--image",
                        "compute-image",
                        "--flavor",
                        "m1.tiny",
                        "--nic",
                        "none",
                        "--wait",
                        "vm-237",
                        "-f",
                        "json")
                .ok("server create --nic none"));
        assertThat(none.get("status").asString()).isEqualTo("ACTIVE");
        String list = admin.openstack("server", "list", "-f", "value", "-c", "Name", "-c", "Status")
                .ok("server list")
                .out();
        assertThat(list).contains("vm-ösc ACTIVE").contains("vm-237 ACTIVE");

        admin.openstack("server", "reboot", "vm-ösc").ok("server reboot");
        awaitStatus("vm-ösc", "ACTIVE");
        admin.openstack("server", "reboot", "--hard", "vm-ösc").ok("server reboot --hard");
        awaitStatus("vm-ösc", "ACTIVE");
        admin.openstack("server", "stop", "vm-ösc").ok("server stop");
        awaitStatus("vm-ösc", "SHUTOFF");
        // a soft reboot of a stopped server is refused with Nova's 409
        OpenStackClients.Result refused = admin.openstack("server", "reboot", "vm-ösc");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("409").contains("vm_state stopped");
        admin.openstack("server", "start", "vm-ösc").ok("server start");
        awaitStatus("vm-ösc", "ACTIVE");
        String console = admin.openstack("console", "log", "show", "--lines", "20", "vm-ösc")
                .ok("console log show")
                .out();
        assertThat(console)
                .contains("booted from image")
                .contains("hard reboot")
                .contains("powered on");

        otherCommandsSeeTheServers();
        serverListFiltersRunOnThisDatabase();

        admin.openstack("server", "delete", "--wait", "vm-ösc", "vm-237").ok("server delete");
        assertThat(admin.openstack("server", "list", "-f", "value")
                        .ok("server list")
                        .out())
                .doesNotContain("vm-ösc")
                .doesNotContain("vm-237");
    }

    /** flavor, hypervisor, keypair, nova and another project's view, with two servers running. */
    private void otherCommandsSeeTheServers() throws IOException, InterruptedException {
        assertThat(admin.openstack("flavor", "list", "-f", "value", "-c", "Name")
                        .ok("flavor list")
                        .out())
                .contains("m1.tiny", "m1.small");
        assertThat(admin.openstack("hypervisor", "list", "-f", "value")
                        .ok("hypervisor list")
                        .out())
                .contains("compute1")
                .contains("up");
        assertThat(admin.openstack("keypair", "create", "kp-it")
                        .ok("keypair create")
                        .out())
                .contains("PRIVATE KEY");
        // nova negotiates the highest microversion advertised (2.37) and sees the same servers
        OpenStackClients.Result novaList = admin.nova("list");
        assertThat(novaList.ok("nova list").out()).contains("vm-ösc").contains("vm-237");
        // "locked" (2.9) and "description" (2.19) show that nova negotiated above 2.1
        assertThat(admin.nova("show", "vm-237").ok("nova show").out())
                .contains("ACTIVE")
                .contains("locked")
                .contains("description");
        // another project sees none of them
        assertThat(demo.openstack("server", "list", "-f", "value")
                        .ok("demo server list")
                        .out())
                .doesNotContain("vm-ösc");
        assertThat(demo.openstack("server", "show", "vm-237").exitCode()).isNotZero();
        // bad input: an unknown flavor
        assertThat(admin.openstack("server", "create", "--image", "compute-image", "--flavor", "m1.nope", "x")
                        .exitCode())
                .isNotZero();
    }

    /**
     * {@code openstack server list} filters and pages (run in SQL: once on SQLite, once on PostgreSQL), with vm-ösc
     * and vm-237 running.
     */
    private void serverListFiltersRunOnThisDatabase() throws IOException, InterruptedException {
        assertThat(serverNames("--name", "^vm-2")).containsExactly("vm-237");
        assertThat(serverNames("--name", "ösc")).containsExactly("vm-ösc");
        assertThat(serverNames(
                        "--name",
                        "^vm-",
                        "--status",
                        "ACTIVE",
                        "--image",
                        "compute-image",
                        "--flavor",
                        "m1.tiny",
                        "--host",
                        "compute1",
                        "--changes-since",
                        "2000-01-01T00:00:00Z"))
                .containsExactlyInAnyOrder("vm-ösc", "vm-237");
        assertThat(serverNames("--name", "^vm-", "--status", "SHUTOFF")).isEmpty();
        assertThat(serverNames("--name", "^vm-", "--host", "nowhere")).isEmpty();
        assertThat(serverNames("--name", "^vm-", "--changes-since", "2999-01-01T00:00:00Z"))
                .isEmpty();
        // newest first, one per page: the marker continues after the first
        List<String> first = serverNames("--name", "^vm-", "--limit", "1");
        assertThat(first).hasSize(1);
        String firstId = admin.openstack("server", "show", first.get(0), "-f", "value", "-c", "id")
                .ok("server show")
                .out()
                .strip();
        List<String> second = serverNames("--name", "^vm-", "--limit", "1", "--marker", firstId);
        assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first);
        assertThat(List.of(first.get(0), second.get(0))).containsExactly("vm-237", "vm-ösc");
    }

    private List<String> serverNames(String... filters) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("server", "list", "-f", "value", "-c", "Name"));
        args.addAll(List.of(filters));
        List<String> names = new ArrayList<>();
        for (String line : admin.openstack(args.toArray(String[]::new))
                .ok("server list " + String.join(" ", filters))
                .out()
                .split("\n")) {
            if (!line.isBlank()) {
                names.add(line.strip());
            }
        }
        return names;
    }

    private void awaitStatus(String server, String status) {
        io.cairn.common.testing.Await.until(server + " " + status, java.time.Duration.ofMinutes(2), () -> {
            try {
                return admin.openstack("server", "show", server, "-f", "value", "-c", "status")
                        .ok("server show")
                        .out()
                        .strip()
                        .equals(status);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(tmp.resolve(name), bytes);
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    private static JsonNode json(OpenStackClients.Result r) {
        return JSON.readTree(r.out());
    }

    /** A field of glance's {@code | Property | Value |} table. */
    private static String field(String table, String name) {
        for (String line : table.split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length >= 3 && cells[1].strip().equals(name)) {
                return cells[2].strip();
            }
        }
        throw new AssertionError("no " + name + " in\n" + table);
    }

    String proxy() {
        return "http://127.0.0.1:" + java.util.Objects.requireNonNull(cloud).port();
    }

    private String swiftToken() throws Exception {
        HttpResponse<Void> login = http.send(
                HttpRequest.newBuilder(URI.create(proxy() + "/auth/v1.0"))
                        .header("X-Auth-User", "admin:admin")
                        .header("X-Auth-Key", "admin")
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return login.headers().firstValue("X-Auth-Token").orElseThrow();
    }

    private HttpResponse<byte[]> swift(String method, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(proxy() + "/v1/AUTH_" + adminProject + "/" + path))
                        .header("X-Auth-Token", swiftToken())
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private byte[] swiftGet(String path) throws Exception {
        HttpResponse<byte[]> r = swift("GET", path);
        assertThat(r.statusCode()).as("GET " + path).isEqualTo(200);
        return r.body();
    }

    /** Names in container {@code glance} starting with {@code prefix}. */
    private List<String> swiftNames(String prefix) throws Exception {
        HttpResponse<byte[]> r = swift("GET", "glance?format=json&prefix=" + prefix);
        List<String> names = new ArrayList<>();
        if (r.statusCode() == 200) {
            for (JsonNode o : JSON.readTree(r.body())) {
                names.add(o.get("name").asString());
            }
        }
        return names;
    }
}
