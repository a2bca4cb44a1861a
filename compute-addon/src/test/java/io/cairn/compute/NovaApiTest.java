package io.cairn.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.compute.compute.HostRepository;
import io.cairn.compute.image.InMemoryImageStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The compute API over HTTP on one application (SQLite, the in-memory image store, two in-process agents on the
 * fake driver): version documents and headers, the server lifecycle and its state machine, quotas, bad input.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NovaApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final InMemoryImageStore store = new InMemoryImageStore();
    private final HttpClient http = HttpClient.newHttpClient();
    private @Nullable ComputeServices app;
    private Path dir = Path.of("");
    private String base = "";
    private String admin = "";
    private String demo = "";
    private String imageId = "";

    @BeforeAll
    void start() throws Exception {
        byte[] key = new byte[32];
        new Random(7).nextBytes(key);
        dir = Files.createTempDirectory("nova-api-test");
        app = ComputeServices.start(
                Map.ofEntries(
                        Map.entry("server.port", "0"),
                        Map.entry("cairn.database.url", "jdbc:sqlite:" + dir.resolve("compute.db")),
                        Map.entry(
                                "cairn.identity.signing-key",
                                Base64.getEncoder().encodeToString(key)),
                        Map.entry("cairn.identity.admin-password", "admin-secret"),
                        Map.entry("cairn.identity.demo-password", "demo-secret"),
                        Map.entry("cairn.identity.bcrypt-strength", "4"),
                        Map.entry("cairn.storage.url", "http://127.0.0.1:9"),
                        Map.entry("cairn.compute.driver", "fake"),
                        Map.entry("cairn.compute.agents", "2"),
                        Map.entry("cairn.compute.heartbeat", "200ms"),
                        Map.entry("cairn.compute.service-down-time", "3s")),
                List.of((ConfigurableApplicationContext ctx) ->
                        ctx.getBeanFactory().registerSingleton("testImageStore", store)));
        base = "http://127.0.0.1:" + app.port();
        admin = token("admin", "admin-secret", "admin");
        demo = token("demo", "demo-secret", "demo");
        HttpResponse<String> img = send(
                "POST",
                "/image/v2/images",
                admin,
                "{\"name\":\"cirros-ünïcode\",\"disk_format\":\"raw\",\"container_format\":\"bare\","
                        + "\"visibility\":\"public\"}",
                null);
        imageId = json(img).get("id").asString();
        HttpResponse<String> up = http.send(
                HttpRequest.newBuilder(URI.create(base + "/image/v2/images/" + imageId + "/file"))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[4096]))
                        .header("Content-Type", "application/octet-stream")
                        .header("X-Auth-Token", admin)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(up.statusCode()).as(up.body()).isEqualTo(204);
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void versionDocumentsListV20FirstAndAdvertiseTheMaximum() throws Exception {
        HttpResponse<String> root = send("GET", "/compute/", null, null, null);
        assertThat(root.statusCode()).isEqualTo(200);
        JsonNode versions = json(root).get("versions");
        assertThat(versions.get(0).get("id").asString()).isEqualTo("v2.0");
        assertThat(versions.get(1).get("version").asString()).isEqualTo("2.37");
        assertThat(versions.get(1).get("min_version").asString()).isEqualTo("2.1");
        assertThat(root.headers().firstValue("x-openstack-request-id"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("req-"));
        assertThat(root.headers().firstValue("x-compute-request-id")).isPresent();
        JsonNode v21 = json(send("GET", "/compute/v2.1", null, null, null)).get("version");
        assertThat(v21.get("id").asString()).isEqualTo("v2.1");
    }

    @Test
    void microversionHeadersAreEchoedAndUnsupportedOnesRefused() throws Exception {
        HttpResponse<String> latest = send("GET", "/compute/v2.1/flavors", admin, null, "latest");
        assertThat(latest.headers().firstValue("OpenStack-API-Version")).hasValue("compute 2.37");
        assertThat(latest.headers().firstValue("X-OpenStack-Nova-API-Version")).hasValue("2.37");
        HttpResponse<String> none = send("GET", "/compute/v2.1/flavors", admin, null, null);
        assertThat(none.headers().firstValue("X-OpenStack-Nova-API-Version")).hasValue("2.1");
        HttpResponse<String> tooNew = send("GET", "/compute/v2.1/flavors", admin, null, "2.90");
        assertThat(tooNew.statusCode()).isEqualTo(406);
        assertThat(json(tooNew).get("computeFault").get("message").asString()).contains("maximum is 2.37");
        HttpResponse<String> garbage = send("GET", "/compute/v2.1/flavors", admin, null, "two");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(json(garbage).get("badRequest").get("code").asInt()).isEqualTo(400);
    }

    @Test
    void unknownServerIsNovaShaped404AndNoTokenIs401() throws Exception {
        HttpResponse<String> r = send("GET", "/compute/v2.1/servers/nope", admin, null, null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("itemNotFound").get("message").asString())
                .isEqualTo("Instance nope could not be found.");
        assertThat(send("GET", "/compute/v2.1/servers", null, null, null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void serverLifecycleFollowsTheStateMachine() throws Exception {
        String id = create(
                demo,
                "{\"server\":{\"name\":\"vm-ü\",\"imageRef\":\"" + imageId
                        + "\",\"flavorRef\":\"1\",\"metadata\":{\"k\":\"v\"},\"user_data\":\""
                        + Base64.getEncoder().encodeToString("#!/bin/sh\necho hi".getBytes(StandardCharsets.UTF_8))
                        + "\"}}",
                null);
        JsonNode s = waitFor(demo, id, "ACTIVE");
        assertThat(s.get("metadata").get("k").asString()).isEqualTo("v");
        assertThat(s.get("OS-EXT-STS:power_state").asInt()).isEqualTo(1);
        assertThat(s.has("OS-EXT-SRV-ATTR:host")).as("admin-only attribute").isFalse();
        assertThat(s.has("locked")).as("2.9 field at 2.1").isFalse();

        // a soft reboot needs ACTIVE; start needs SHUTOFF
        assertThat(action(demo, id, "{\"os-start\":null}").statusCode()).isEqualTo(409);
        assertThat(action(demo, id, "{\"os-stop\":null}").statusCode()).isEqualTo(202);
        waitFor(demo, id, "SHUTOFF");
        HttpResponse<String> soft = action(demo, id, "{\"reboot\":{\"type\":\"SOFT\"}}");
        assertThat(soft.statusCode()).isEqualTo(409);
        assertThat(json(soft).get("conflictingRequest").get("message").asString())
                .isEqualTo("Cannot 'reboot' instance " + id + " while it is in vm_state stopped");
        assertThat(action(demo, id, "{\"os-start\":null}").statusCode()).isEqualTo(202);
        waitFor(demo, id, "ACTIVE");
        assertThat(action(demo, id, "{\"reboot\":{\"type\":\"HARD\"}}").statusCode())
                .isEqualTo(202);
        waitFor(demo, id, "ACTIVE");
        assertThat(action(demo, id, "{\"pause\":null}").statusCode()).isEqualTo(202);
        waitFor(demo, id, "PAUSED");
        assertThat(action(demo, id, "{\"suspend\":null}").statusCode()).isEqualTo(409);
        assertThat(action(demo, id, "{\"unpause\":null}").statusCode()).isEqualTo(202);
        waitFor(demo, id, "ACTIVE");
        assertThat(action(demo, id, "{\"suspend\":null}").statusCode()).isEqualTo(202);
        waitFor(demo, id, "SUSPENDED");
        assertThat(action(demo, id, "{\"resume\":null}").statusCode()).isEqualTo(202);
        waitFor(demo, id, "ACTIVE");

        HttpResponse<String> console = action(demo, id, "{\"os-getConsoleOutput\":{\"length\":50}}");
        assertThat(console.statusCode()).isEqualTo(200);
        String out = json(console).get("output").asString();
        assertThat(out)
                .contains("booted from image " + imageId)
                .contains("hard reboot")
                .contains("resumed");

        JsonNode actions = json(send("GET", "/compute/v2.1/servers/" + id + "/os-instance-actions", demo, null, null));
        List<String> names = actions.get("instanceActions")
                .valueStream()
                .map(a -> a.get("action").asString())
                .toList();
        assertThat(names).contains("create", "stop", "start", "reboot", "pause", "unpause", "suspend", "resume");

        HttpResponse<String> other = send("GET", "/compute/v2.1/servers/" + id, admin, null, "2.37");
        JsonNode adminView = json(other).get("server");
        assertThat(adminView.get("OS-EXT-SRV-ATTR:host").asString()).startsWith("compute1");
        assertThat(adminView.get("locked").asBoolean()).isFalse();
        assertThat(adminView.get("host_status").asString()).isEqualTo("UP");
        assertThat(adminView.has("description")).isTrue();
        assertThat(adminView.get("tags").size()).isZero();

        assertThat(send("DELETE", "/compute/v2.1/servers/" + id, demo, null, null)
                        .statusCode())
                .isEqualTo(204);
        poll(() -> send("GET", "/compute/v2.1/servers/" + id, demo, null, null).statusCode() == 404);
    }

    @Test
    void imagesProxyShowsListsFiltersAndEditsImagesUpTo235() throws Exception {
        String a = uploadedImage("proxy-a", "{\"min_ram\":256,\"min_disk\":1,\"os_distro\":\"debian\"}");
        String b = uploadedImage("proxy-b", "{\"min_ram\":512}");
        String queued = json(send(
                        "POST",
                        "/image/v2/images",
                        demo,
                        "{\"name\":\"proxy-queued\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}",
                        null))
                .get("id")
                .asString();

        HttpResponse<String> shown = send("GET", "/compute/v2.1/images/" + a, demo, null, null);
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        JsonNode img = json(shown).get("image");
        assertThat(img.get("id").asString()).isEqualTo(a);
        assertThat(img.get("name").asString()).isEqualTo("proxy-a");
        assertThat(img.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(img.get("progress").asInt()).isEqualTo(100);
        assertThat(img.get("minRam").asInt()).isEqualTo(256);
        assertThat(img.get("minDisk").asInt()).isEqualTo(1);
        assertThat(img.get("OS-EXT-IMG-SIZE:size").asLong()).isEqualTo(4096);
        assertThat(img.get("metadata").get("os_distro").asString()).isEqualTo("debian");
        assertThat(img.get("metadata").has("disk_format"))
                .as("a Glance attribute, not metadata")
                .isFalse();
        assertThat(img.get("created").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(img.get("links").get(1).get("rel").asString()).isEqualTo("bookmark");
        assertThat(img.get("links").get(1).get("href").asString()).isEqualTo(base + "/compute/images/" + a);
        assertThat(img.has("server")).isFalse();
        JsonNode q = json(send("GET", "/compute/v2.1/images/" + queued, demo, null, null))
                .get("image");
        assertThat(q.get("status").asString()).isEqualTo("SAVING");
        assertThat(q.get("progress").asInt()).isEqualTo(25);
        assertThat(q.get("OS-EXT-IMG-SIZE:size").asLong()).isZero();

        // lists: newest first, filters, pages with a next link
        JsonNode brief = json(send("GET", "/compute/v2.1/images?name=proxy-b", demo, null, null));
        assertThat(brief.get("images").get(0).propertyNames()).containsExactly("id", "name", "links");
        assertThat(ids(send("GET", "/compute/v2.1/images/detail?minRam=512", demo, null, null)))
                .containsExactly(b);
        // status is Glance's, case-insensitive (Nova lower-cases it for Glance): SAVING is not queued
        assertThat(ids(send("GET", "/compute/v2.1/images/detail?status=QUEUED", demo, null, null)))
                .containsExactly(queued);
        assertThat(ids(send("GET", "/compute/v2.1/images/detail?status=SAVING", demo, null, null)))
                .isEmpty();
        assertThat(ids(send("GET", "/compute/v2.1/images/detail?status=ACTIVE", demo, null, null)))
                .contains(a, b)
                .doesNotContain(queued);
        assertThat(ids(send("GET", "/compute/v2.1/images?property-os_distro=debian", demo, null, null)))
                .containsExactly(a);
        assertThat(ids(send("GET", "/compute/v2.1/images?changes-since=2000-01-01T00:00:00Z", demo, null, null)))
                .contains(a, b, queued, imageId);
        assertThat(ids(send("GET", "/compute/v2.1/images?changes-since=2999-01-01T00:00:00Z", demo, null, null)))
                .isEmpty();
        HttpResponse<String> first = send("GET", "/compute/v2.1/images/detail?limit=2", demo, null, null);
        assertThat(ids(first)).containsExactly(queued, b);
        String next = json(first).get("images_links").get(0).get("href").asString();
        assertThat(next).isEqualTo(base + "/compute/v2.1/images/detail?limit=2&marker=" + b);
        assertThat(ids(send("GET", next.substring(base.length()), demo, null, null)))
                .startsWith(a);
        assertThat(send("GET", "/compute/v2.1/images?marker=nope", demo, null, null)
                        .statusCode())
                .isEqualTo(400);
        assertThat(send("GET", "/compute/v2.1/images?limit=x", demo, null, null).statusCode())
                .isEqualTo(400);

        imageMetadataThroughTheProxy(a);

        // gone at 2.36, as Nova
        HttpResponse<String> at236 = send("GET", "/compute/v2.1/images/" + a, demo, null, "2.36");
        assertThat(at236.statusCode()).isEqualTo(404);
        assertThat(json(at236).get("itemNotFound").get("message").asString())
                .isEqualTo("The resource could not be found.");
        assertThat(send("GET", "/compute/v2.1/images/" + a, demo, null, "2.35").statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/compute/v2.1/images", null, null, "2.36").statusCode())
                .as("no token: 401 before any routing, as Nova's auth middleware")
                .isEqualTo(401);

        // delete: another project's image is refused (visible: 403; not visible: 404), the owner's goes; afterwards
        // 404 on both paths
        HttpResponse<String> notMine = send("DELETE", "/compute/v2.1/images/" + imageId, demo, null, null);
        assertThat(notMine.statusCode()).isEqualTo(403);
        assertThat(json(notMine).get("forbidden").get("message").asString())
                .isEqualTo("You are not allowed to delete the image.");
        HttpResponse<String> unknown = send("DELETE", "/compute/v2.1/images/no-such-image", demo, null, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("itemNotFound").get("message").asString()).isEqualTo("Image not found.");
        assertThat(send("DELETE", "/compute/v2.1/images/" + a, demo, null, null).statusCode())
                .isEqualTo(204);
        assertThat(send("GET", "/compute/v2.1/images/" + a, demo, null, null).statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/image/v2/images/" + a, demo, null, null).statusCode())
                .isEqualTo(404);
        send("DELETE", "/image/v2/images/" + b, demo, null, null);
        send("DELETE", "/image/v2/images/" + queued, demo, null, null);
    }

    private void imageMetadataThroughTheProxy(String id) throws Exception {
        String path = "/compute/v2.1/images/" + id + "/metadata";
        assertThat(json(send("GET", path, demo, null, null))
                        .get("metadata")
                        .get("os_distro")
                        .asString())
                .isEqualTo("debian");
        JsonNode merged = json(send("POST", path, demo, "{\"metadata\":{\"k1\":\"v1\",\"k2\":\"v2\"}}", null));
        assertThat(merged.get("metadata").propertyNames()).contains("os_distro", "k1", "k2");
        HttpResponse<String> one = send("PUT", path + "/k1", demo, "{\"meta\":{\"k1\":\"v1b\"}}", null);
        assertThat(json(one).get("meta").get("k1").asString()).isEqualTo("v1b");
        HttpResponse<String> mismatch = send("PUT", path + "/k1", demo, "{\"meta\":{\"other\":\"x\"}}", null);
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(json(mismatch).get("badRequest").get("message").asString())
                .isEqualTo("Request body and URI mismatch");
        HttpResponse<String> two = send("PUT", path + "/k1", demo, "{\"meta\":{\"k1\":\"x\",\"k3\":\"y\"}}", null);
        assertThat(two.statusCode()).isEqualTo(400);
        assertThat(json(two).get("badRequest").get("message").asString()).endsWith("has too many properties");
        assertThat(json(send("GET", path + "/k1", demo, null, null))
                        .get("meta")
                        .get("k1")
                        .asString())
                .isEqualTo("v1b");
        assertThat(send("DELETE", path + "/k2", demo, null, null).statusCode()).isEqualTo(204);
        HttpResponse<String> missing = send("DELETE", path + "/k2", demo, null, null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("itemNotFound").get("message").asString()).isEqualTo("Invalid metadata key");
        assertThat(send("GET", path + "/k2", demo, null, null).statusCode()).isEqualTo(404);
        // the image API holds the change: k2 gone, k1 replaced
        JsonNode glance = json(send("GET", "/image/v2/images/" + id, demo, null, null));
        assertThat(glance.get("k1").asString()).isEqualTo("v1b");
        assertThat(glance.has("k2")).isFalse();
        // PUT replaces all; another project may not touch it
        JsonNode replaced = json(send("PUT", path, demo, "{\"metadata\":{\"only\":\"this\"}}", null));
        assertThat(replaced.get("metadata").propertyNames()).containsExactly("only");
        assertThat(json(send("GET", path, demo, null, null)).get("metadata").propertyNames())
                .containsExactly("only");
        HttpResponse<String> notOwner = send(
                "POST", "/compute/v2.1/images/" + imageId + "/metadata", demo, "{\"metadata\":{\"x\":\"y\"}}", null);
        assertThat(notOwner.statusCode()).isEqualTo(403);
        assertThat(json(notOwner).get("forbidden").get("message").asString())
                .isEqualTo("Not authorized for image " + imageId + ".");
        StringBuilder many = new StringBuilder("{\"metadata\":{");
        for (int k = 0; k < 129; k++) {
            many.append(k == 0 ? "" : ",").append("\"m").append(k).append("\":\"v\"");
        }
        HttpResponse<String> tooMany = send("PUT", path, demo, many.append("}}").toString(), null);
        assertThat(tooMany.statusCode()).isEqualTo(403);
        assertThat(json(tooMany).get("forbidden").get("message").asString()).isEqualTo("Image metadata limit exceeded");
    }

    /** A raw image of the demo project with 4 KiB of data; {@code extra} adds fields to the create body. */
    private String uploadedImage(String name, String extra) throws Exception {
        String body = "{\"name\":\"" + name + "\",\"disk_format\":\"raw\",\"container_format\":\"bare\","
                + extra.substring(1);
        HttpResponse<String> made = send("POST", "/image/v2/images", demo, body, null);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String id = json(made).get("id").asString();
        HttpResponse<String> up = http.send(
                HttpRequest.newBuilder(URI.create(base + "/image/v2/images/" + id + "/file"))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[4096]))
                        .header("Content-Type", "application/octet-stream")
                        .header("X-Auth-Token", demo)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(up.statusCode()).as(up.body()).isEqualTo(204);
        return id;
    }

    private static List<String> ids(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("images")
                .valueStream()
                .map(i -> i.get("id").asString())
                .toList();
    }

    @Test
    void createImageSnapshotsIntoTheImageServiceAndRebuildUsesIt() throws Exception {
        String id = create(
                demo,
                "{\"server\":{\"name\":\"snap-src\",\"imageRef\":\"" + imageId + "\",\"flavorRef\":\"1\"}}",
                null);
        waitFor(demo, id, "ACTIVE");
        HttpResponse<String> snap =
                action(demo, id, "{\"createImage\":{\"name\":\"snap-ü\",\"metadata\":{\"k\":\"v\"}}}");
        assertThat(snap.statusCode()).as(snap.body()).isEqualTo(202);
        String location = snap.headers().firstValue("Location").orElseThrow();
        String snapId = location.substring(location.lastIndexOf('/') + 1);
        poll(() -> json(send("GET", "/image/v2/images/" + snapId, demo, null, null))
                .path("status")
                .asString("")
                .equals("active"));
        JsonNode image = json(send("GET", "/image/v2/images/" + snapId, demo, null, null));
        assertThat(image.get("name").asString()).isEqualTo("snap-ü");
        assertThat(image.get("instance_uuid").asString()).isEqualTo(id);
        assertThat(image.get("k").asString()).isEqualTo("v");
        assertThat(image.get("disk_format").asString()).isEqualTo("raw");
        // the compute API's image proxy shows it as a snapshot of the server
        JsonNode proxied = json(send("GET", "/compute/v2.1/images/" + snapId, demo, null, null))
                .get("image");
        assertThat(proxied.get("server").get("id").asString()).isEqualTo(id);
        assertThat(proxied.get("server").get("links").get(1).get("href").asString())
                .endsWith("/compute/servers/" + id);
        assertThat(proxied.get("metadata").get("image_type").asString()).isEqualTo("snapshot");
        JsonNode ofServer = json(send("GET", "/compute/v2.1/images?server=" + id, demo, null, null));
        assertThat(ofServer.get("images").valueStream().map(i -> i.get("id").asString()))
                .containsExactly(snapId);
        waitFor(demo, id, "ACTIVE");

        HttpResponse<String> rebuild = action(demo, id, "{\"rebuild\":{\"imageRef\":\"" + snapId + "\"}}");
        assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(202);
        assertThat(json(rebuild).get("server").get("image").get("id").asString())
                .isEqualTo(snapId);
        JsonNode rebuilt = waitFor(demo, id, "ACTIVE");
        assertThat(rebuilt.get("image").get("id").asString()).isEqualTo(snapId);
        assertThat(json(action(demo, id, "{\"os-getConsoleOutput\":{}}"))
                        .get("output")
                        .asString())
                .contains("rebuilt from image " + snapId);
        assertThat(action(demo, id, "{\"rebuild\":{\"imageRef\":\"nope\"}}").statusCode())
                .isEqualTo(400);

        // deleted: its actions stay visible (2.21+), not before
        assertThat(send("DELETE", "/compute/v2.1/servers/" + id, demo, null, null)
                        .statusCode())
                .isEqualTo(204);
        poll(() -> send("GET", "/compute/v2.1/servers/" + id, demo, null, null).statusCode() == 404);
        JsonNode actions =
                json(send("GET", "/compute/v2.1/servers/" + id + "/os-instance-actions", demo, null, "2.21"));
        assertThat(actions.get("instanceActions").toString())
                .contains("createImage")
                .contains("rebuild")
                .contains("delete");
        assertThat(send("GET", "/compute/v2.1/servers/" + id + "/os-instance-actions", demo, null, "2.20")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void listsFilterAndPage() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(create(
                    admin,
                    "{\"server\":{\"name\":\"page-" + i + "\",\"imageRef\":\"" + imageId
                            + "\",\"flavorRef\":\"1\",\"networks\":\"none\"}}",
                    "2.37"));
        }
        for (String id : ids) {
            waitFor(admin, id, "ACTIVE");
        }
        // keyset pages of one, by name both ways and by creation (ties broken by id): every server once, in order
        assertThat(walk("&sort_key=display_name&sort_dir=asc")).containsExactly("page-0", "page-1", "page-2");
        assertThat(walk("&sort_key=display_name&sort_dir=desc")).containsExactly("page-2", "page-1", "page-0");
        assertThat(walk("")).containsExactlyInAnyOrder("page-0", "page-1", "page-2");
        assertThat(walk("&sort_key=launched_at&sort_dir=asc")).containsExactlyInAnyOrder("page-0", "page-1", "page-2");
        assertThat(names("status=ACTIVE&image=" + imageId + "&flavor=1&changes-since=2000-01-01T00:00:00Z"))
                .containsExactlyInAnyOrder("page-0", "page-1", "page-2");
        assertThat(names("status=active&flavor=http://x/flavors/1")).hasSize(3);
        assertThat(names("status=SHUTOFF")).isEmpty();
        assertThat(names("status=REBOOT")).isEmpty();
        assertThat(names("status=NOPE")).isEmpty();
        assertThat(names("changes-since=2999-01-01T00:00:00Z")).isEmpty();
        assertThat(names("ip=10.0.0.1")).isEmpty();
        assertThat(names("flavor=2")).isEmpty();
        assertThat(names("host=nowhere")).isEmpty();
        List<String> regex = new ArrayList<>();
        json(send("GET", "/compute/v2.1/servers?name=page-%5B12%5D", admin, null, null))
                .get("servers")
                .forEach(s -> regex.add(s.get("name").asString()));
        assertThat(regex).containsExactlyInAnyOrder("page-1", "page-2");
        // a marker that the filters do not list
        assertThat(send(
                                "GET",
                                "/compute/v2.1/servers?name=%5Epage-&status=SHUTOFF&marker=" + ids.get(0),
                                admin,
                                null,
                                null)
                        .statusCode())
                .isEqualTo(400);
        JsonNode page = json(send("GET", "/compute/v2.1/servers?name=%5Epage-&limit=2", admin, null, null));
        assertThat(page.get("servers").size()).isEqualTo(2);
        String next = page.get("servers_links").get(0).get("href").asString();
        String query = next.substring(next.indexOf("/servers"));
        JsonNode rest = json(send("GET", "/compute/v2.1" + query + "&name=%5Epage-", admin, null, null));
        assertThat(rest.get("servers").size()).isEqualTo(1);
        assertThat(send("GET", "/compute/v2.1/servers?marker=nope", admin, null, null)
                        .statusCode())
                .isEqualTo(400);
        // demo sees none of admin's
        assertThat(json(send("GET", "/compute/v2.1/servers/detail?name=page", demo, null, null))
                        .get("servers")
                        .size())
                .isZero();
    }

    @Test
    void badInputGetsNovasAnswersAndLeavesNothingBehind() throws Exception {
        int before = json(send("GET", "/compute/v2.1/servers", demo, null, null))
                .get("servers")
                .size();
        assertError(
                createRaw(
                        demo, "{\"server\":{\"name\":\"x\",\"imageRef\":\"no-such-image\",\"flavorRef\":\"1\"}}", null),
                400,
                "Can not find requested image");
        assertError(
                createRaw(
                        demo,
                        "{\"server\":{\"name\":\"x\",\"imageRef\":\"" + imageId + "\",\"flavorRef\":\"999\"}}",
                        null),
                400,
                "Invalid flavorRef provided.");
        assertError(
                createRaw(
                        demo,
                        "{\"server\":{\"name\":\"x\",\"imageRef\":\"" + imageId
                                + "\",\"flavorRef\":\"1\",\"key_name\":\"nokey\"}}",
                        null),
                400,
                "Invalid key_name provided.");
        assertError(
                createRaw(
                        demo,
                        "{\"server\":{\"name\":\"x\",\"imageRef\":\"" + imageId + "\",\"flavorRef\":\"1\"}}",
                        "2.37"),
                400,
                "'networks' is a required property");
        assertError(
                createRaw(
                        demo,
                        "{\"server\":{\"name\":\"x\",\"imageRef\":\"" + imageId
                                + "\",\"flavorRef\":\"1\",\"bogus\":1}}",
                        null),
                400,
                "Additional properties are not allowed");
        assertError(createRaw(demo, "{\"server\":", null), 400, "");
        assertError(
                createRaw(
                        demo,
                        "{\"server\":{\"name\":\"x\",\"imageRef\":\"" + imageId
                                + "\",\"flavorRef\":\"1\",\"user_data\":\"not base64!\"}}",
                        null),
                400,
                "User data needs to be valid base 64.");
        // quota: 20 cores by default; m1.xlarge has 8, so three of them do not fit
        assertError(
                createRaw(
                        demo,
                        "{\"server\":{\"name\":\"big\",\"imageRef\":\"" + imageId
                                + "\",\"flavorRef\":\"5\",\"min_count\":3}}",
                        null),
                403,
                "Quota exceeded for cores: Requested 24, but already used");
        assertThat(json(send("GET", "/compute/v2.1/servers", demo, null, null))
                        .get("servers")
                        .size())
                .isEqualTo(before);
    }

    @Test
    void flavorsAtTwoPointOneHaveNoLaterFieldsAndAdminsManageThem() throws Exception {
        JsonNode tiny =
                json(send("GET", "/compute/v2.1/flavors/1", demo, null, null)).get("flavor");
        assertThat(tiny.get("name").asString()).isEqualTo("m1.tiny");
        assertThat(tiny.get("swap").asString()).isEmpty();
        assertThat(tiny.has("description")).isFalse();
        assertThat(tiny.has("extra_specs")).isFalse();
        assertThat(send(
                                "POST",
                                "/compute/v2.1/flavors",
                                demo,
                                "{\"flavor\":{\"name\":\"x\",\"ram\":64,\"vcpus\":1,\"disk\":0}}",
                                null)
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> made = send(
                "POST",
                "/compute/v2.1/flavors",
                admin,
                "{\"flavor\":{\"name\":\"m1.nano\",\"id\":\"42\",\"ram\":64,\"vcpus\":1,\"disk\":0}}",
                null);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        assertThat(send(
                                "POST",
                                "/compute/v2.1/flavors/42/os-extra_specs",
                                admin,
                                "{\"extra_specs\":{\"hw:cpu_policy\":\"shared\"}}",
                                null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(json(send("GET", "/compute/v2.1/flavors/42/os-extra_specs", demo, null, null))
                        .get("extra_specs")
                        .get("hw:cpu_policy")
                        .asString())
                .isEqualTo("shared");
        assertThat(send(
                                "POST",
                                "/compute/v2.1/flavors",
                                admin,
                                "{\"flavor\":{\"name\":\"m1.nano\",\"ram\":64,\"vcpus\":1,\"disk\":0}}",
                                null)
                        .statusCode())
                .isEqualTo(409);
        assertThat(send("DELETE", "/compute/v2.1/flavors/42", admin, null, null).statusCode())
                .isEqualTo(202);
        assertThat(send("GET", "/compute/v2.1/flavors/42", admin, null, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void keypairsHypervisorsZonesAndLimits() throws Exception {
        HttpResponse<String> kp =
                send("POST", "/compute/v2.1/os-keypairs", demo, "{\"keypair\":{\"name\":\"k1\"}}", "2.2");
        assertThat(kp.statusCode()).as(kp.body()).isEqualTo(201);
        assertThat(json(kp).get("keypair").get("private_key").asString()).contains("PRIVATE KEY");
        assertThat(json(kp).get("keypair").get("fingerprint").asString()).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
        assertThat(send("POST", "/compute/v2.1/os-keypairs", demo, "{\"keypair\":{\"name\":\"k1\"}}", null)
                        .statusCode())
                .isEqualTo(409);
        assertThat(send(
                                "POST",
                                "/compute/v2.1/os-keypairs",
                                demo,
                                "{\"keypair\":{\"name\":\"k2\",\"public_key\":\"ssh-rsa bm90IGEga2V5\"}}",
                                null)
                        .statusCode())
                .isEqualTo(400);
        JsonNode hv = json(send("GET", "/compute/v2.1/os-hypervisors/detail", admin, null, null));
        assertThat(hv.get("hypervisors").size()).isEqualTo(2);
        assertThat(hv.get("hypervisors").get(0).get("hypervisor_type").asString())
                .isEqualTo("fake");
        assertThat(hv.get("hypervisors").get(0).get("cpu_info").isString()).isTrue();
        assertThat(send("GET", "/compute/v2.1/os-hypervisors", demo, null, null).statusCode())
                .isEqualTo(403);
        JsonNode az = json(send("GET", "/compute/v2.1/os-availability-zone", demo, null, null));
        assertThat(az.get("availabilityZoneInfo").get(0).get("zoneName").asString())
                .isEqualTo("nova");
        JsonNode limits =
                json(send("GET", "/compute/v2.1/limits", demo, null, "2.37")).get("limits");
        assertThat(limits.get("absolute").get("maxTotalInstances").asInt()).isEqualTo(10);
        assertThat(limits.get("absolute").has("maxSecurityGroups"))
                .as("gone at 2.36")
                .isFalse();
    }

    @Test
    void aDisabledHostIsNotScheduledTo() throws Exception {
        HostRepository hosts = app().bean(HostRepository.class);
        hosts.setDisabled("compute1-2", true, "test: maintenance");
        try {
            String id = create(
                    admin,
                    "{\"server\":{\"name\":\"placed\",\"imageRef\":\"" + imageId + "\",\"flavorRef\":\"1\"}}",
                    null);
            JsonNode s = waitFor(admin, id, "ACTIVE");
            assertThat(s.get("OS-EXT-SRV-ATTR:host").asString()).isEqualTo("compute1");
            JsonNode hv = json(send("GET", "/compute/v2.1/os-hypervisors", admin, null, null));
            assertThat(hv.toString()).contains("disabled");
        } finally {
            hosts.setDisabled("compute1-2", false, "");
        }
    }

    // ---- helpers

    /** The ^page- servers' names, read one per page through the next links. */
    private List<String> walk(String query) throws Exception {
        List<String> names = new ArrayList<>();
        String path = "/compute/v2.1/servers?limit=1&name=%5Epage-" + query;
        while (true) {
            JsonNode page = json(send("GET", path, admin, null, null));
            page.get("servers").forEach(s -> names.add(s.get("name").asString()));
            JsonNode links = page.get("servers_links");
            if (links == null || names.size() > 10) {
                return names;
            }
            String next = links.get(0).get("href").asString();
            path = "/compute/v2.1" + next.substring(next.indexOf("/servers")) + "&name=%5Epage-" + query;
        }
    }

    private List<String> names(String query) throws Exception {
        List<String> names = new ArrayList<>();
        json(send("GET", "/compute/v2.1/servers/detail?name=%5Epage-&" + query, admin, null, null))
                .get("servers")
                .forEach(s -> names.add(s.get("name").asString()));
        return names;
    }

    private ComputeServices app() {
        if (app == null) {
            throw new IllegalStateException("not started");
        }
        return app;
    }

    private void assertError(HttpResponse<String> r, int status, String message) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = json(r);
        JsonNode inner = body.properties().iterator().next().getValue();
        assertThat(inner.get("code").asInt()).isEqualTo(status);
        assertThat(inner.get("message").asString()).contains(message);
    }

    private String create(String token, String body, @Nullable String version) throws Exception {
        HttpResponse<String> r = createRaw(token, body, version);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode s = json(r).get("server");
        assertThat(s.get("adminPass").asString()).isNotEmpty();
        return s.get("id").asString();
    }

    private HttpResponse<String> createRaw(String token, String body, @Nullable String version) throws Exception {
        return send("POST", "/compute/v2.1/servers", token, body, version);
    }

    private HttpResponse<String> action(String token, String id, String body) throws Exception {
        return send("POST", "/compute/v2.1/servers/" + id + "/action", token, body, null);
    }

    private JsonNode waitFor(String token, String id, String status) throws Exception {
        JsonNode[] last = new JsonNode[1];
        poll(() -> {
            last[0] = json(send("GET", "/compute/v2.1/servers/" + id, token, null, null))
                    .get("server");
            assertThat(last[0].get("status").asString()).as(last[0].toString()).isNotEqualTo("ERROR");
            return last[0].get("status").asString().equals(status);
        });
        return last[0];
    }

    private interface Condition {
        boolean met() throws Exception;
    }

    private static void poll(Condition c) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (!c.met()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L); // poll interval, not a wait for an outcome
        }
    }

    private String token(String user, String password, String project) throws Exception {
        String body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"" + user
                + "\",\"domain\":{\"name\":\"Default\"},\"password\":\"" + password + "\"}}},\"scope\":{\"project\":"
                + "{\"name\":\"" + project + "\",\"domain\":{\"name\":\"Default\"}}}}}";
        HttpResponse<String> r = send("POST", "/identity/v3/auth/tokens", null, body, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    private HttpResponse<String> send(
            String method, String path, @Nullable String token, @Nullable String body, @Nullable String version)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("X-Auth-Token", token);
        }
        if (version != null) {
            b.header("X-OpenStack-Nova-API-Version", version);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }
}
