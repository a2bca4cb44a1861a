package io.cairn.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.token.TokenClaims;
import io.cairn.common.token.TokenCodec;
import io.cairn.compute.image.InMemoryImageStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * The identity and image APIs over HTTP on one application (SQLite, the in-memory store twin): what bad input,
 * bad credentials and broken uploads get back, and what they leave behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComputeApiTest {
    private static final byte[] KEY = new byte[32];
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final InMemoryImageStore store = new InMemoryImageStore();
    private final HttpClient http = HttpClient.newHttpClient();
    private @Nullable ComputeServices app;
    private Path dir = Path.of("");
    private String base = "";
    private String adminToken = "";
    private String demoToken = "";

    @BeforeAll
    void start() throws Exception {
        new Random(42).nextBytes(KEY);
        dir = Files.createTempDirectory("compute-api-test");
        app = ComputeServices.start(
                Map.of(
                        "server.port", "0",
                        "cairn.database.url", "jdbc:sqlite:" + dir.resolve("compute.db"),
                        "cairn.identity.signing-key", Base64.getEncoder().encodeToString(KEY),
                        "cairn.identity.admin-password", "admin-secret",
                        "cairn.identity.demo-password", "demo-secret",
                        "cairn.identity.bcrypt-strength", "8",
                        "cairn.storage.url", "http://127.0.0.1:9",
                        "cairn.storage.upload-idle-timeout", "3s"),
                List.of((ConfigurableApplicationContext ctx) ->
                        ctx.getBeanFactory().registerSingleton("testImageStore", store)));
        base = "http://127.0.0.1:" + app.port();
        adminToken = token("admin", "admin-secret", "admin");
        demoToken = token("demo", "demo-secret", "demo");
    }

    @AfterAll
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    // ---- identity

    @Test
    void versionDocumentsAnswerWithoutAToken() throws Exception {
        HttpResponse<String> root = send("GET", "/identity", null, null);
        assertThat(root.statusCode()).isEqualTo(300);
        assertThat(json(root).get("versions").get("values").get(0).get("id").asString())
                .isEqualTo("v3.14");
        assertThat(send("GET", "/identity/v3", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswerInComparableTime() throws Exception {
        HttpResponse<String> wrong = auth("admin", "not-it", "admin");
        HttpResponse<String> unknown = auth("nobody-by-this-name", "not-it", "admin");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
        assertThat(json(wrong).get("error").get("title").asString()).isEqualTo("Unauthorized");
        assertThat(wrong.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Keystone"));
        // both pay one bcrypt: the fastest unknown-user refusal is not much faster than the fastest wrong password
        long wrongMin = Long.MAX_VALUE;
        long unknownMin = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            wrongMin = Math.min(wrongMin, timed(() -> auth("admin", "not-it", "admin")));
            unknownMin = Math.min(unknownMin, timed(() -> auth("nobody-by-this-name", "not-it", "admin")));
        }
        assertThat(unknownMin).isGreaterThan(wrongMin / 2);
    }

    @Test
    void tokenBodyHasWhatClientsRead() throws Exception {
        HttpResponse<String> r = auth("admin", "admin-secret", "admin");
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode t = json(r).get("token");
        assertThat(t.get("methods").toString()).contains("password");
        assertThat(t.get("user").get("name").asString()).isEqualTo("admin");
        assertThat(t.get("project").get("name").asString()).isEqualTo("admin");
        assertThat(t.get("roles").toString()).contains("admin");
        assertThat(t.get("catalog").toString()).contains("\"image\"", "\"identity\"", "\"object-store\"");
        assertThat(t.get("expires_at").asString()).endsWith("Z");
        assertThat(t.get("audit_ids")).hasSize(1);
    }

    @Test
    void forgedExpiredAndRevokedTokensAre401() throws Exception {
        String forged = adminToken.substring(0, adminToken.length() - 2) + (adminToken.endsWith("AA") ? "BB" : "AA");
        assertThat(send("GET", "/image/v2/images", forged, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/image/v2/images", "garbage", null).statusCode())
                .isEqualTo(401);

        TokenClaims validClaims = new TokenCodec(KEY).decode(adminToken).orElseThrow();
        String expired = new TokenCodec(KEY)
                .encode(validClaims.withValidity(
                        Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600), "expired-audit"));
        HttpResponse<String> exp = send("GET", "/image/v2/images", expired, null);
        assertThat(exp.statusCode()).isEqualTo(401);
        assertThat(exp.body()).contains("expired");

        String victim = token("admin", "admin-secret", "admin");
        assertThat(send("GET", "/image/v2/images", victim, null).statusCode()).isEqualTo(200);
        HttpResponse<String> revoke = http.send(
                HttpRequest.newBuilder(URI.create(base + "/identity/v3/auth/tokens"))
                        .header("X-Auth-Token", adminToken)
                        .header("X-Subject-Token", victim)
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(revoke.statusCode()).isEqualTo(204);
        HttpResponse<String> after = send("GET", "/image/v2/images", victim, null);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).contains("revoked");

        // the deny list as the proxies poll it: admin (or service) only, the revoked token's audit id listed
        String victimAudit = new TokenCodec(KEY).decode(victim).orElseThrow().auditId();
        HttpResponse<String> events = send("GET", "/identity/v3/OS-REVOKE/events", adminToken, null);
        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(json(events).get("events").findValuesAsString("audit_id")).contains(victimAudit);
        assertThat(json(events).toString()).doesNotContain(validClaims.auditId());
        assertThat(send("GET", "/identity/v3/OS-REVOKE/events", demoToken, null).statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/identity/v3/OS-REVOKE/events", null, null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void scopingToAProjectWithoutARoleIs401AndAdminCrudIsAdminOnly() throws Exception {
        HttpResponse<String> created = send(
                "POST",
                "/identity/v3/projects",
                adminToken,
                "{\"project\":{\"name\":\"no-roles-here\",\"domain_id\":\"default\"}}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(auth("admin", "admin-secret", "no-roles-here").statusCode()).isEqualTo(401);
        assertThat(send("POST", "/identity/v3/projects", adminToken, "{\"project\":{\"name\":\"no-roles-here\"}}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(send("GET", "/identity/v3/users", demoToken, null).statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/identity/v3/users", adminToken, "{\"user\":{}}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(send(
                                "POST",
                                "/identity/v3/users",
                                adminToken,
                                "{\"user\":{\"name\":\"x\",\"password\":\"" + "p".repeat(100) + "\"}}")
                        .statusCode())
                .isEqualTo(400);
    }

    // ---- images

    @Test
    void checksumsAreOfTheImageBytesWhetherTheStoreOrTheServiceHashesMd5() throws Exception {
        byte[] data = new byte[300_001];
        new Random(18).nextBytes(data);
        String md5 = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("MD5").digest(data));
        String sha512 = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-512").digest(data));
        // Content-Length: the store vouches for md5; chunked (unknown size): the service hashes it
        String known =
                createImage(adminToken, "{\"name\":\"known\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}");
        assertThat(upload(known, data).statusCode()).isEqualTo(204);
        String chunked =
                createImage(adminToken, "{\"name\":\"chunked\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}");
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/image/v2/images/" + chunked + "/file"))
                        .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(data)))
                        .header("Content-Type", "application/octet-stream")
                        .header("X-Auth-Token", adminToken)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        for (String id : List.of(known, chunked)) {
            JsonNode image = json(send("GET", "/image/v2/images/" + id, adminToken, null));
            assertThat(image.get("status").asString()).isEqualTo("active");
            assertThat(image.get("size").asLong()).isEqualTo(data.length);
            assertThat(image.get("checksum").asString()).isEqualTo(md5);
            assertThat(image.get("os_hash_algo").asString()).isEqualTo("sha512");
            assertThat(image.get("os_hash_value").asString()).isEqualTo(sha512);
            HttpResponse<byte[]> file =
                    http.send(get("/image/v2/images/" + id + "/file"), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.body()).isEqualTo(data);
            assertThat(file.headers().firstValue("Content-MD5")).hasValue(md5);
        }
    }

    @Test
    void readOnlyPatchesIllegalTransitionsAndBadValuesAreRefused() throws Exception {
        String id =
                createImage(adminToken, "{\"name\":\"rules\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}");
        assertThat(patch(id, "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"active\"}]")
                        .statusCode())
                .isEqualTo(403);
        assertThat(patch(id, "[{\"op\":\"add\",\"path\":\"/os_glance_x\",\"value\":\"y\"}]")
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/image/v2/images", adminToken, "{\"name\":\"" + "n".repeat(300) + "\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/image/v2/images", adminToken, "{\"disk_format\":\"exe\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/image/v2/images", adminToken, "{\"size\":5}").statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/image/v2/images", demoToken, "{\"visibility\":\"public\"}")
                        .statusCode())
                .isEqualTo(403);

        byte[] data = new byte[70_000];
        new Random(5).nextBytes(data);
        assertThat(upload(id, data).statusCode()).isEqualTo(204);
        // a second upload to an active image: 409, the first bytes stay
        assertThat(upload(id, new byte[10]).statusCode()).isEqualTo(409);
        assertThat(store.objects().get(id)).isEqualTo(data);
        assertThat(send("POST", "/image/v2/images/" + id + "/actions/reactivate", adminToken, "")
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> noFormats = send(
                "PUT",
                "/image/v2/images/" + createImage(adminToken, "{\"name\":\"noformat\"}") + "/file",
                adminToken,
                "x");
        assertThat(noFormats.statusCode()).isEqualTo(400);
        // another project cannot see (404) a private image, nor delete it
        assertThat(send("GET", "/image/v2/images/" + id, demoToken, null).statusCode())
                .isEqualTo(404);
        assertThat(send("DELETE", "/image/v2/images/" + id, demoToken, null).statusCode())
                .isEqualTo(404);
        assertThat(patch(id, "[{\"op\":\"replace\",\"path\":\"/protected\",\"value\":true}]")
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("DELETE", "/image/v2/images/" + id, adminToken, null).statusCode())
                .isEqualTo(403);
    }

    @Test
    void shouldImportAStagedImageWithGlanceDirectAndRefuseImportsOutOfOrder() throws Exception {
        HttpResponse<String> info = send("GET", "/image/v2/info/import", adminToken, null);
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(json(info).get("import-methods").get("value").toString()).isEqualTo("[\"glance-direct\"]");
        HttpResponse<String> created = send(
                "POST",
                "/image/v2/images",
                adminToken,
                "{\"name\":\"staged\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}");
        assertThat(created.headers().firstValue("OpenStack-image-import-methods"))
                .contains("glance-direct");
        String id = json(created).get("id").asString();
        String importBody = "{\"method\":{\"name\":\"glance-direct\"}}";
        // nothing staged yet: 409, the image stays queued
        HttpResponse<String> early = send("POST", "/image/v2/images/" + id + "/import", adminToken, importBody);
        assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
        assertThat(early.body()).contains("needs to be staged");
        assertThat(status(id)).isEqualTo("queued");

        byte[] data = new byte[300_000];
        new Random(18).nextBytes(data);
        HttpResponse<String> staged = http.send(
                HttpRequest.newBuilder(URI.create(base + "/image/v2/images/" + id + "/stage"))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(data))
                        .header("Content-Type", "application/octet-stream")
                        .header("X-Auth-Token", adminToken)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(staged.statusCode()).as(staged.body()).isEqualTo(204);
        assertThat(status(id)).isEqualTo("uploading");
        // a second stage or an upload to the staged image: 409
        assertThat(upload(id, data).statusCode()).isEqualTo(409);

        for (String bad : List.of("{}", "{\"method\":\"glance-direct\"}", "{\"method\":{\"name\":\"\"}}", "[1]")) {
            HttpResponse<String> r = send("POST", "/image/v2/images/" + id + "/import", adminToken, bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.body()).contains("'method'");
        }
        HttpResponse<String> notJson = send("POST", "/image/v2/images/" + id + "/import", adminToken, "{nope");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("import request is not valid JSON");
        HttpResponse<String> web = send(
                "POST",
                "/image/v2/images/" + id + "/import",
                adminToken,
                "{\"method\":{\"name\":\"web-download\",\"uri\":\"http://example.com/x\"}}");
        assertThat(web.statusCode()).isEqualTo(400);
        assertThat(web.body()).contains("web-download is not supported");
        assertThat(status(id)).isEqualTo("uploading");

        HttpResponse<String> imported = send("POST", "/image/v2/images/" + id + "/import", adminToken, importBody);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(202);
        JsonNode image = json(send("GET", "/image/v2/images/" + id, adminToken, null));
        assertThat(image.get("status").asString()).isEqualTo("active");
        assertThat(image.get("size").asLong()).isEqualTo(data.length);
        assertThat(image.get("checksum").asString())
                .isEqualTo(java.util.HexFormat.of()
                        .formatHex(
                                java.security.MessageDigest.getInstance("MD5").digest(data)));
        assertThat(http.send(get("/image/v2/images/" + id + "/file"), HttpResponse.BodyHandlers.ofByteArray())
                        .body())
                .isEqualTo(data);
        assertThat(send("POST", "/image/v2/images/" + id + "/import", adminToken, importBody)
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void shouldPutAStagedImageBackToQueuedWhenItsContentIsRefused() throws Exception {
        String id = createImage(
                adminToken, "{\"name\":\"bad-stage\",\"disk_format\":\"qcow2\",\"container_format\":\"bare\"}");
        byte[] notQcow2 = new byte[70_000];
        new Random(19).nextBytes(notQcow2);
        HttpResponse<String> staged = http.send(
                HttpRequest.newBuilder(URI.create(base + "/image/v2/images/" + id + "/stage"))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(notQcow2))
                        .header("Content-Type", "application/octet-stream")
                        .header("X-Auth-Token", adminToken)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(staged.statusCode()).as(staged.body()).isEqualTo(400);
        assertThat(status(id)).isEqualTo("queued");
        assertThat(store.holdsAnythingOf(id)).isFalse();
    }

    @Test
    void downloadsAreWholeRangedOrEmpty() throws Exception {
        String id = createImage(adminToken, "{\"name\":\"dl\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}");
        assertThat(http.send(get("/image/v2/images/" + id + "/file"), HttpResponse.BodyHandlers.ofByteArray())
                        .statusCode())
                .isEqualTo(204);
        byte[] data = new byte[100_000];
        new Random(6).nextBytes(data);
        upload(id, data);
        HttpResponse<byte[]> whole =
                http.send(get("/image/v2/images/" + id + "/file"), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(whole.body()).isEqualTo(data);
        assertThat(whole.headers().firstValue("Content-MD5")).isPresent();
        HttpResponse<byte[]> part = http.send(
                HttpRequest.newBuilder(URI.create(base + "/image/v2/images/" + id + "/file"))
                        .header("X-Auth-Token", adminToken)
                        .header("Range", "bytes=10-19")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(data, 10, 20));
        HttpResponse<byte[]> beyond = http.send(
                HttpRequest.newBuilder(URI.create(base + "/image/v2/images/" + id + "/file"))
                        .header("X-Auth-Token", adminToken)
                        .header("Range", "bytes=200000-")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(beyond.statusCode()).isEqualTo(416);
    }

    @Test
    void contentThatIsNotItsDiskFormatIsRefusedAndNothingStays() throws Exception {
        String id = createImage(adminToken, "{\"name\":\"q\",\"disk_format\":\"qcow2\",\"container_format\":\"bare\"}");
        byte[] random = new byte[50_000];
        new Random(7).nextBytes(random);
        HttpResponse<String> r = upload(id, random);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("not a qcow2");
        ByteBuffer backing = ByteBuffer.allocate(4096);
        backing.put(new byte[] {'Q', 'F', 'I', (byte) 0xfb})
                .putInt(4, 3)
                .putLong(8, 512)
                .putInt(16, 4);
        backing.putInt(20, 16).putLong(24, 1 << 30);
        assertThat(upload(id, backing.array()).body()).contains("backing file");
        assertThat(status(id)).isEqualTo("queued");
        assertThat(store.holdsAnythingOf(id)).isFalse();
    }

    @Test
    void anUploadThatDiesMidStreamLeavesTheImageQueuedAndNoBytes() throws Exception {
        String id =
                createImage(adminToken, "{\"name\":\"dies\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}");
        try (Socket s = new Socket(
                InetAddress.getLoopbackAddress(), Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)))) {
            OutputStream out = s.getOutputStream();
            out.write(("PUT /image/v2/images/" + id + "/file HTTP/1.1\r\nHost: x\r\nX-Auth-Token: " + adminToken
                            + "\r\nContent-Type: application/octet-stream\r\nContent-Length: 1000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[200_000]);
            out.flush();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!status(id).equals("saving") && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(status(id)).isEqualTo("saving");
        } // the connection closes with 800,000 bytes never sent
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while ((!status(id).equals("queued") || store.holdsAnythingOf(id)) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(status(id)).isEqualTo("queued");
        assertThat(store.holdsAnythingOf(id)).isFalse();
        // and the image takes a complete upload afterwards
        assertThat(upload(id, new byte[1000]).statusCode()).isEqualTo(204);
        assertThat(status(id)).isEqualTo("active");
    }

    @Test
    void listsPageWithMarkersAndFilter() throws Exception {
        for (int i = 0; i < 3; i++) {
            createImage(
                    demoToken, "{\"name\":\"page-" + i + "\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}");
        }
        HttpResponse<String> first = send("GET", "/image/v2/images?limit=2&sort=name:asc&name=page-0", demoToken, null);
        assertThat(json(first).get("images")).hasSize(1);
        JsonNode page = json(send("GET", "/image/v2/images?limit=2&sort_key=name&sort_dir=asc", demoToken, null));
        assertThat(page.get("images")).hasSize(2);
        assertThat(page.get("images").get(0).get("name").asString()).isEqualTo("page-0");
        String next = page.get("next").asString();
        JsonNode rest = json(send("GET", "/image" + next, demoToken, null));
        assertThat(rest.get("images")).hasSize(1);
        assertThat(rest.get("images").get(0).get("name").asString()).isEqualTo("page-2");
        assertThat(send("GET", "/image/v2/images?sort_key=bogus", demoToken, null)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void sharedImagesReachMembersWhoAcceptThem() throws Exception {
        String demoProject = new TokenCodec(KEY).decode(demoToken).orElseThrow().projectId();
        String id = createImage(
                adminToken, "{\"name\":\"shared-one\",\"disk_format\":\"raw\"," + "\"container_format\":\"bare\"}");
        assertThat(send("GET", "/image/v2/images/" + id, demoToken, null).statusCode())
                .isEqualTo(404);
        HttpResponse<String> added =
                send("POST", "/image/v2/images/" + id + "/members", adminToken, "{\"member\":\"" + demoProject + "\"}");
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(json(added).get("status").asString()).isEqualTo("pending");
        assertThat(send(
                                "POST",
                                "/image/v2/images/" + id + "/members",
                                adminToken,
                                "{\"member\":\"" + demoProject + "\"}")
                        .statusCode())
                .isEqualTo(409);
        // readable once shared, listed only once accepted; only the member answers
        assertThat(send("GET", "/image/v2/images/" + id, demoToken, null).statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/image/v2/images?name=shared-one", demoToken, null)
                        .body())
                .doesNotContain(id);
        assertThat(send(
                                "PUT",
                                "/image/v2/images/" + id + "/members/" + demoProject,
                                adminToken,
                                "{\"status\":\"accepted\"}")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> accepted = http.send(
                HttpRequest.newBuilder(URI.create(base + "/image/v2/images/" + id + "/members/" + demoProject))
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"accepted\"}"))
                        .header("Content-Type", "application/json")
                        .header("X-Auth-Token", demoToken)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(send("GET", "/image/v2/images?name=shared-one", demoToken, null)
                        .body())
                .contains(id);
        // a member cannot change or delete the image
        assertThat(send("DELETE", "/image/v2/images/" + id, demoToken, null).statusCode())
                .isEqualTo(403);
        // private images have no members
        String priv = createImage(adminToken, "{\"name\":\"p\",\"visibility\":\"private\"}");
        assertThat(send(
                                "POST",
                                "/image/v2/images/" + priv + "/members",
                                adminToken,
                                "{\"member\":\"" + demoProject + "\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("DELETE", "/image/v2/images/" + id + "/members/" + demoProject, adminToken, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(send("GET", "/image/v2/images/" + id, demoToken, null).statusCode())
                .isEqualTo(404);
    }

    // ---- helpers

    private String token(String user, String password, String project) throws Exception {
        HttpResponse<String> r = auth(user, password, project);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    private HttpResponse<String> auth(String user, String password, String project) throws Exception {
        String body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"" + user
                + "\",\"domain\":{\"name\":\"Default\"},\"password\":\"" + password + "\"}}},\"scope\":{\"project\":"
                + "{\"name\":\"" + project + "\",\"domain\":{\"name\":\"Default\"}}}}}";
        return send("POST", "/identity/v3/auth/tokens", null, body);
    }

    private HttpResponse<String> send(String method, String path, @Nullable String token, @Nullable String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", path.endsWith("/file") ? "application/octet-stream" : "application/json");
        if (token != null) {
            b.header("X-Auth-Token", token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("X-Auth-Token", adminToken)
                .build();
    }

    private HttpResponse<String> patch(String id, String ops) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/image/v2/images/" + id))
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(ops))
                        .header("Content-Type", "application/openstack-images-v2.1-json-patch")
                        .header("X-Auth-Token", adminToken)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(String id, byte[] data) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/image/v2/images/" + id + "/file"))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(data))
                        .header("Content-Type", "application/octet-stream")
                        .header("X-Auth-Token", adminToken)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String createImage(String token, String body) throws Exception {
        HttpResponse<String> r = send("POST", "/image/v2/images", token, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r).get("id").asString();
    }

    private String status(String id) throws Exception {
        return json(send("GET", "/image/v2/images/" + id, adminToken, null))
                .get("status")
                .asString();
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static long timed(Call call) throws Exception {
        long t = System.nanoTime();
        call.run();
        return System.nanoTime() - t;
    }
}
