package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cairn.common.testing.Await;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SAIO driven by Debian's real {@code swift} client (python3-swiftclient): the acceptance
 * checklist for auth, stat, post, upload/download, listing, copy, delete, ACLs, tokens and restarts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SwiftCliIT {
    /** Seconds a token lives in this cluster, so the expiry test waits seconds, not a day. */
    private static final String TOKEN_LIFE = "3";

    private Path data;

    private Path work;

    private SaioHarness saio;

    @BeforeAll
    void startSaio(@TempDir Path dataDir, @TempDir Path workDir) throws Exception {
        this.data = dataDir;
        this.work = workDir;
        saio = SaioHarness.start(data, Map.of(), Map.of("token_life", TOKEN_LIFE));
    }

    @AfterAll
    void stopSaio() {
        if (saio != null) {
            saio.close();
        }
    }

    private SwiftCli tester() {
        return saio.cli("test:tester", "testing", work);
    }

    private SwiftCli tester3() {
        return saio.cli("test:tester3", "testing3", work);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(work.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void shouldAuthenticateAndStatTheAccountWhenUsingTheSwiftCli() throws Exception {
        SwiftCli.Result auth = tester().run("auth").requireSuccess("swift auth");
        assertThat(auth.out()).contains("export OS_STORAGE_URL=http://127.0.0.1:" + saio.port() + "/v1/AUTH_test");
        assertThat(auth.out()).contains("export OS_AUTH_TOKEN=AUTH_");
        SwiftCli.Result stat = tester().run("stat").requireSuccess("swift stat");
        assertThat(stat.out())
                .contains("Account: AUTH_test")
                .contains("Containers:")
                .contains("Objects:");
        SwiftCli.Result wrongKey = saio.cli("test:tester", "wrong", work).run("stat");
        assertThat(wrongKey.exitCode()).isNotZero();
        assertThat(wrongKey.err()).contains("401");
    }

    @Test
    void shouldShowAccountContainerAndObjectMetadataWhenPosted() throws Exception {
        tester().run("post", "-m", "Shade:teal").requireSuccess("post account");
        assertThat(tester().run("stat").requireSuccess("stat").out()).contains("Meta Shade: teal");
        tester().run("post", "meta", "-m", "Owner:bob").requireSuccess("post (and create) container");
        assertThat(tester().run("stat", "meta").requireSuccess("stat c").out()).contains("Meta Owner: bob");
        file("m.txt", "metadata");
        tester().run("upload", "meta", "m.txt").requireSuccess("upload");
        tester().run("post", "meta", "m.txt", "-m", "Color:blue", "-m", "Size:xl")
                .requireSuccess("post object");
        SwiftCli.Result stat = tester().run("stat", "meta", "m.txt").requireSuccess("stat o");
        assertThat(stat.out())
                .contains("Meta Color: blue")
                .contains("Meta Size: xl")
                .contains("Content Length: 8");
    }

    @Test
    void shouldDownloadTheSameBytesWhenSmallFilesAndA100MiBFileAreUploaded() throws Exception {
        file("a.txt", "alpha\n");
        file("b.txt", "");
        Path big = work.resolve("big.bin");
        String bigDigest = writeRandom(big, 100 << 20);
        tester().run("upload", "up", "a.txt", "b.txt", "big.bin").requireSuccess("upload small files and 100 MiB");
        Path down = Files.createDirectories(work.resolve("down"));
        tester().run("download", "up", "--output-dir", down.toString()).requireSuccess("download");
        assertThat(Files.readString(down.resolve("a.txt"))).isEqualTo("alpha\n");
        assertThat(Files.size(down.resolve("b.txt"))).isZero();
        assertThat(Files.size(down.resolve("big.bin"))).isEqualTo(100L << 20);
        assertThat(digest(down.resolve("big.bin"))).isEqualTo(bigDigest);
        assertThat(tester().run("stat", "up").requireSuccess("stat").out())
                .contains("Objects: 3")
                .contains("Bytes: " + ((100L << 20) + 6));
        Files.delete(big);
        Files.delete(down.resolve("big.bin"));
    }

    @Test
    void shouldUploadListCopyAndDeleteObjectsWhoseNamesAreNotAscii() throws Exception {
        assumeTrue(
                "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")),
                "file names and arguments need a UTF-8 locale (LANG=C.UTF-8)");
        String container = "ωcont-Ünïcødé";
        String[] names = {"notes.txt", "データ.bin", "𝔘 astral 😀.txt", "שלום/עולם", "café+100%;#?.txt"};
        for (int i = 0; i < names.length; i++) {
            Path f = work.resolve("usrc").resolve(names[i]);
            Files.createDirectories(f.getParent());
            Files.writeString(f, "body " + i + " of " + names[i] + "\n");
        }
        tester().run("upload", container, "usrc").requireSuccess("upload non-ASCII names into a non-ASCII container");
        List<String> objects = new ArrayList<>();
        for (String name : names) {
            objects.add("usrc/" + name);
        }
        assertThat(lines(tester().run("list", container).requireSuccess("list")))
                .containsAll(objects);
        assertThat(lines(tester().run("list").requireSuccess("list account"))).contains(container);
        assertThat(tester().run("stat", container, objects.get(2))
                        .requireSuccess("stat astral")
                        .out())
                .contains("Content Length: " + Files.size(work.resolve(objects.get(2))));
        tester().run("copy", container, objects.get(1), "--destination", "/" + container + "/コピー")
                .requireSuccess("server-side copy to a non-ASCII name");
        Path down = Files.createDirectories(work.resolve("udown"));
        tester().run("download", container, "--output-dir", down.toString()).requireSuccess("download");
        for (String object : objects) {
            assertThat(Files.readString(down.resolve(object))).isEqualTo(Files.readString(work.resolve(object)));
        }
        assertThat(Files.readString(down.resolve("コピー"))).isEqualTo(Files.readString(work.resolve(objects.get(1))));
        tester().run("delete", container).requireSuccess("delete the container and its objects");
        assertThat(lines(tester().run("list").requireSuccess("list account after delete")))
                .doesNotContain(container);
    }

    @Test
    void shouldListByPrefixAndDelimiterWhenNamesLookLikePaths() throws Exception {
        Path tree = work.resolve("treesrc");
        for (String name : new String[] {
            "photos/2024/a.jpg", "photos/2024/b.jpg", "photos/2025/c.jpg", "photos/top.jpg", "docs/readme"
        }) {
            Files.createDirectories(tree.resolve(name).getParent());
            Files.writeString(tree.resolve(name), name);
        }
        saio.cli("test:tester", "testing", tree)
                .run("upload", "tree", "photos", "docs")
                .requireSuccess("upload");
        assertThat(lines(tester().run("list", "tree").requireSuccess("list")))
                .containsExactly(
                        "docs/readme", "photos/2024/a.jpg", "photos/2024/b.jpg", "photos/2025/c.jpg", "photos/top.jpg");
        assertThat(lines(
                        tester().run("list", "tree", "--prefix", "photos/2024/").requireSuccess("list prefix")))
                .containsExactly("photos/2024/a.jpg", "photos/2024/b.jpg");
        assertThat(lines(tester().run("list", "tree", "--delimiter", "/").requireSuccess("list delimiter")))
                .containsExactly("docs/", "photos/");
        assertThat(lines(tester().run("list", "tree", "--prefix", "photos/", "--delimiter", "/")
                        .requireSuccess("list prefix+delimiter")))
                .containsExactly("photos/2024/", "photos/2025/", "photos/top.jpg");
        assertThat(lines(tester().run("list", "--prefix", "tre").requireSuccess("list account prefix")))
                .containsExactly("tree");
    }

    @Test
    void shouldCopyAnObjectWithItsMetadataWhenSwiftCopyIsUsed() throws Exception {
        file("src.txt", "copy me");
        tester().run("upload", "copysrc", "src.txt", "-H", "X-Object-Meta-Tag:one")
                .requireSuccess("upload");
        tester().run("post", "copydst").requireSuccess("create destination");
        tester().run("copy", "copysrc", "src.txt", "--destination", "/copydst/dst.txt", "-m", "Extra:two")
                .requireSuccess("copy");
        assertThat(tester().run("stat", "copydst", "dst.txt")
                        .requireSuccess("stat copy")
                        .out())
                .contains("Meta Tag: one")
                .contains("Meta Extra: two")
                .contains("Content Length: 7");
        var copy = saio.send(asTester("/copydst/dst.txt"));
        assertThat(new String(copy.body(), StandardCharsets.UTF_8)).isEqualTo("copy me");
        assertThat(saio.send(asTester("/copysrc/src.txt")).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldTakeAPlusInCopyHeadersLiterallyAsSwiftDoes() throws Exception {
        // Swift unquotes X-Copy-From and Destination without turning '+' into a space (rclone sends names unescaped)
        assertThat(status(asTester("/plus").PUT(HttpRequest.BodyPublishers.noBody())))
                .isEqualTo(201);
        assertThat(status(asTester("/plus/a+b.txt").PUT(HttpRequest.BodyPublishers.ofString("plus"))))
                .isEqualTo(201);
        assertThat(status(asTester("/plus/a%20b.txt").PUT(HttpRequest.BodyPublishers.ofString("space"))))
                .isEqualTo(201);

        assertThat(status(asTester("/plus/copied")
                        .header("X-Copy-From", "plus/a+b.txt")
                        .PUT(HttpRequest.BodyPublishers.noBody())))
                .isEqualTo(201);
        assertThat(saio.send(asTester("/plus/copied")).body())
                .asString(StandardCharsets.UTF_8)
                .isEqualTo("plus");

        assertThat(status(asTester("/plus/a+b.txt")
                        .header("Destination", "/plus/c+d.txt")
                        .method("COPY", HttpRequest.BodyPublishers.noBody())))
                .isEqualTo(201);
        assertThat(saio.send(asTester("/plus/c%2Bd.txt")).body())
                .asString(StandardCharsets.UTF_8)
                .isEqualTo("plus");
        assertThat(status(asTester("/plus/c%20d.txt"))).isEqualTo(404);

        // a '%' that starts no escape stays as it is (Python's unquote): no such source, not a server error
        assertThat(status(asTester("/plus/none")
                        .header("X-Copy-From", "plus/100%zz")
                        .PUT(HttpRequest.BodyPublishers.noBody())))
                .isEqualTo(404);
    }

    @Test
    void shouldRefuseUploadsAndCopiesOverAContainerQuotaUntilItIsRaised() throws Exception {
        file("small.txt", "12345");
        file("big.txt", "0123456789abcdefghij");
        assertThat(tester().run("post", "-m", "Quota-Bytes:ten", "quota").err()).contains("400");
        tester().run("post", "-m", "Quota-Bytes:10", "quota").requireSuccess("set quota");
        tester().run("upload", "quota", "small.txt").requireSuccess("upload under quota");
        SwiftCli.Result over = tester().run("upload", "quota", "big.txt");
        assertThat(over.exitCode()).isNotZero();
        assertThat(over.err()).contains("413");
        tester().run("upload", "quotasrc", "big.txt").requireSuccess("upload source");
        SwiftCli.Result copyOver = tester().run("copy", "quotasrc", "big.txt", "--destination", "/quota/copied.txt");
        assertThat(copyOver.exitCode()).isNotZero();
        assertThat(copyOver.err()).contains("413");
        assertThat(lines(tester().run("list", "quota").requireSuccess("list"))).containsExactly("small.txt");

        tester().run("post", "-m", "Quota-Bytes:1000", "quota").requireSuccess("raise quota");
        tester().run("upload", "quota", "big.txt").requireSuccess("upload under the raised quota");
        tester().run("copy", "quotasrc", "big.txt", "--destination", "/quota/copied.txt")
                .requireSuccess("copy under the raised quota");
        assertThat(new String(saio.send(asTester("/quota/copied.txt")).body(), StandardCharsets.UTF_8))
                .isEqualTo("0123456789abcdefghij");
    }

    @Test
    void shouldServeAPublicContainerAsAWebSiteToCurl() throws Exception {
        file("index.html", "<h1>welcome</h1>");
        file("a ü.txt", "unicode");
        tester().run("post", "-r", ".r:*,.rlistings", "-m", "Web-Index:index.html", "-m", "Web-Listings:true", "site")
                .requireSuccess("make a web site");
        tester().run("upload", "site", "index.html").requireSuccess("upload index");
        tester().run("upload", "site", "a ü.txt", "--object-name", "docs/a ü.txt")
                .requireSuccess("upload doc");
        String site = saio.login("test:tester", "testing").storageUrl() + "/site";

        assertThat(curl("-s", "-o", "/dev/null", "-w", "%{http_code} %{redirect_url}", site))
                .isEqualTo("301 " + site + "/");
        assertThat(curl("-s", "-L", site)).isEqualTo("<h1>welcome</h1>");
        assertThat(curl("-s", site + "/docs/"))
                .contains("<title>Listing of /v1/AUTH_test/site/docs/</title>")
                .contains("<a href=\"a%20%C3%BC.txt\">a ü.txt</a>")
                .contains("<td class=\"colsize\">7</td>");
        assertThat(curl("-s", "-o", "/dev/null", "-w", "%{http_code}", site + "/missing/"))
                .isEqualTo("404");
    }

    private String curl(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("curl", "--max-time", "60"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).as("curl %s", command).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void shouldRemoveObjectsAndContainersWhenDeleted() throws Exception {
        file("d1", "1");
        file("d2", "2");
        tester().run("upload", "del", "d1", "d2").requireSuccess("upload");
        tester().run("delete", "del", "d1").requireSuccess("delete object");
        assertThat(lines(tester().run("list", "del").requireSuccess("list"))).containsExactly("d2");
        assertThat(saio.send(asTester("/del/d1")).statusCode()).isEqualTo(404);
        tester().run("delete", "del").requireSuccess("delete container and contents");
        assertThat(lines(tester().run("list").requireSuccess("list account"))).doesNotContain("del");
        assertThat(saio.send(asTester("/del")).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldDenyThenAllowASecondUserWhenContainerAclsAreSet() throws Exception {
        file("secret.txt", "for tester3");
        tester().run("upload", "acl", "secret.txt").requireSuccess("upload");
        SaioHarness.Login owner = saio.login("test:tester", "testing");
        SwiftCli.Result denied = tester3().run("list", "acl");
        assertThat(denied.exitCode()).isNotZero();
        assertThat(denied.err()).contains("403");
        assertThat(saio.send(asTester3("/acl/secret.txt")).statusCode()).isEqualTo(403);
        var anonymous = HttpRequest.newBuilder(URI.create(owner.storageUrl() + "/acl/secret.txt"));
        assertThat(saio.send(anonymous).statusCode()).isEqualTo(401);

        tester().run("post", "-r", "test:tester3", "acl").requireSuccess("set read ACL");
        assertThat(lines(tester3().run("list", "acl").requireSuccess("list with ACL")))
                .containsExactly("secret.txt");
        var read = saio.send(asTester3("/acl/secret.txt"));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(new String(read.body(), StandardCharsets.UTF_8)).isEqualTo("for tester3");
        String[] write = {
            "upload", "--skip-container-put", "--leave-segments", "acl", "secret.txt", "--object-name", "w.txt"
        };
        SwiftCli.Result writeDenied = tester3().run(write);
        assertThat(writeDenied.exitCode()).isNotZero();
        assertThat(writeDenied.err()).contains("403");

        tester().run("post", "-w", "test:tester3", "acl").requireSuccess("set write ACL");
        tester3().run(write).requireSuccess("write with ACL");
        assertThat(saio.send(asTester("/acl/w.txt")).body()).hasSize(11);
        assertThat(saio.send(asTester3("/acl").POST(HttpRequest.BodyPublishers.noBody()))
                        .statusCode())
                .as("container POST needs ownership")
                .isEqualTo(403);

        tester().run("post", "-r", ".r:*,.rlistings", "acl").requireSuccess("make public");
        var publicRead = saio.send(anonymous);
        assertThat(publicRead.statusCode()).isEqualTo(200);
        assertThat(new String(publicRead.body(), StandardCharsets.UTF_8)).isEqualTo("for tester3");
        var publicList = saio.send(HttpRequest.newBuilder(URI.create(owner.storageUrl() + "/acl")));
        assertThat(publicList.statusCode()).isEqualTo(200);
        assertThat(new String(publicList.body(), StandardCharsets.UTF_8)).isEqualTo("secret.txt\nw.txt\n");
        SwiftCli.Result otherAccount =
                saio.cli("test2:tester2", "testing2", work).run("--os-storage-url", owner.storageUrl(), "list", "acl");
        assertThat(otherAccount
                        .requireSuccess("public listing for another account")
                        .out())
                .contains("secret.txt");
    }

    @Test
    void shouldRejectExpiredAndForgedTokensWith401() throws Exception {
        SaioHarness.Login login = saio.login("test:tester", "testing");
        assertThat(saio.send(SaioHarness.request(login, "")).statusCode())
                .as("fresh token")
                .isEqualTo(200);
        char[] forged = login.token().toCharArray();
        int i = forged.length / 2;
        forged[i] = forged[i] == 'a' ? 'b' : 'a';
        SwiftCli.Result forgedRun =
                SwiftCli.withToken(login.storageUrl(), new String(forged), work).run("stat");
        assertThat(forgedRun.exitCode()).isNotZero();
        assertThat(forgedRun.err()).contains("401");
        assertThat(saio.send(SaioHarness.request(new SaioHarness.Login(login.storageUrl(), new String(forged)), ""))
                        .statusCode())
                .isEqualTo(401);
        Await.until("the token to expire", Duration.ofSeconds(30), () -> status(SaioHarness.request(login, "")) == 401);
        SwiftCli.Result expired =
                SwiftCli.withToken(login.storageUrl(), login.token(), work).run("stat");
        assertThat(expired.exitCode()).isNotZero();
        assertThat(expired.err()).contains("401");
    }

    @Test
    void shouldKeepDataAndMetadataWhenTheSaioRestarts() throws Exception {
        file("keep.txt", "survives restarts");
        tester().run("upload", "keep", "keep.txt", "-H", "X-Object-Meta-Kept:yes")
                .requireSuccess("upload");
        saio.restart();
        assertThat(tester().run("download", "keep", "keep.txt", "-o", "-")
                        .requireSuccess("download")
                        .out())
                .isEqualTo("survives restarts");
        assertThat(tester().run("stat", "keep", "keep.txt")
                        .requireSuccess("stat")
                        .out())
                .contains("Meta Kept: yes");
        assertThat(saio.send(asTester("/keep")).body())
                .asString(StandardCharsets.UTF_8)
                .isEqualTo("keep.txt\n");
    }

    /** A request with a fresh token: tokens here live {@value #TOKEN_LIFE} s, less than a few CLI runs. */
    private HttpRequest.Builder asTester(String path) throws IOException, InterruptedException {
        return SaioHarness.request(saio.login("test:tester", "testing"), path);
    }

    private HttpRequest.Builder asTester3(String path) throws IOException, InterruptedException {
        return SaioHarness.request(saio.login("test:tester3", "testing3"), path);
    }

    private int status(HttpRequest.Builder request) {
        try {
            return saio.send(request).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String[] lines(SwiftCli.Result r) {
        return r.out().isEmpty() ? new String[0] : r.out().split("\n");
    }

    /** Writes {@code size} pseudo-random bytes; returns their SHA-256 in hex. */
    private static String writeRandom(Path file, int size) throws IOException, NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        SplittableRandom random = new SplittableRandom(42);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                md.update(chunk);
                out.write(chunk);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static String digest(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
