package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Object versioning, legacy versioned writes and bulk through Debian's real {@code swift} client against {@code
 * cairn saio}: {@code swift list --versions}, {@code swift download --version-id}, delete markers, another user
 * with an ACL, {@code swift delete --all} over versioned containers, a stack-mode container, a multi-MiB tar.gz of
 * hundreds of files extracted and then deleted by {@code swift delete} (which uses bulk-delete), unicode names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class VersioningCliIT {
    private static final String OBJ = "grüße ☃.bin";

    private Path work;
    private SaioHarness saio;

    @BeforeAll
    void startSaio(@TempDir Path dataDir, @TempDir Path workDir) throws Exception {
        this.work = workDir;
        saio = SaioHarness.start(dataDir, Map.of(), Map.of());
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

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    private Path file(String name, byte[] content) throws IOException {
        Path p = work.resolve(name);
        Files.write(p, content);
        return p;
    }

    /** The owner of AUTH_test2, whose account the versioning test has to itself (it ends with delete --all). */
    private SwiftCli tester2() {
        return saio.cli("test2:tester2", "testing2", work);
    }

    private void upload(SwiftCli cli, String container, String object, byte[] content) throws Exception {
        Path f = file("up-" + Integer.toHexString(object.hashCode()) + "-" + content.length, content);
        cli.run("upload", "--object-name", object, container, f.toString()).requireSuccess("upload " + object);
    }

    private byte[] download(SwiftCli cli, String container, String object, String... extra) throws Exception {
        Path out = work.resolve("down-" + System.nanoTime());
        String[] args = new String[5 + extra.length];
        args[0] = "download";
        args[1] = container;
        args[2] = object;
        System.arraycopy(extra, 0, args, 3, extra.length);
        args[3 + extra.length] = "--output";
        args[4 + extra.length] = out.toString();
        cli.run(args).requireSuccess("download " + object);
        return Files.readAllBytes(out);
    }

    /** The version ids {@code swift list --versions --long} shows for {@code object}, newest first. */
    private List<String> versionIds(SwiftCli cli, String container, String object) throws Exception {
        String listing = cli.run("list", "--versions", "--long", container)
                .requireSuccess("list --versions")
                .out();
        return listing.lines()
                .filter(l -> l.endsWith(" " + object))
                .map(l -> l.trim().split("\\s+")[3])
                .toList();
    }

    @Test
    void shouldKeepEveryVersionAndReadOldOnesByIdWhenVersioningIsEnabled() throws Exception {
        SwiftCli t2 = tester2();
        t2.run("post", "-H", "X-Versions-Enabled: true", "vers").requireSuccess("enable");
        assertThat(t2.run("stat", "vers").requireSuccess("stat").out()).contains("Versions-Enabled: True");
        byte[] v1 = random(5 * (1 << 20) + 3, 1);
        byte[] v2 = random(4 * (1 << 20) + 7, 2);
        byte[] v3 = "third".getBytes(StandardCharsets.UTF_8);
        upload(t2, "vers", OBJ, v1);
        upload(t2, "vers", OBJ, v2);
        upload(t2, "vers", OBJ, v3);
        List<String> ids = versionIds(t2, "vers", OBJ);
        assertThat(ids).hasSize(3);
        assertThat(download(t2, "vers", OBJ)).isEqualTo(v3);
        assertThat(download(t2, "vers", OBJ, "--version-id", ids.get(2))).isEqualTo(v1);
        assertThat(download(t2, "vers", OBJ, "--version-id", ids.get(1))).isEqualTo(v2);

        t2.run("delete", "vers", OBJ).requireSuccess("delete (writes a delete marker)");
        assertThat(t2.run(
                                "download",
                                "vers",
                                OBJ,
                                "--output",
                                work.resolve("gone").toString())
                        .exitCode())
                .isNotZero();
        assertThat(versionIds(t2, "vers", OBJ)).hasSize(4);
        assertThat(t2.run("delete", "vers").exitCode())
                .as("a container with versions cannot be deleted")
                .isNotZero();

        // another user reads through a read ACL: the current version and the listing of versions
        upload(t2, "vers", OBJ, v3);
        t2.run("post", "-r", "test:tester3", "vers").requireSuccess("read ACL");
        SaioHarness.Login login3 = saio.login("test:tester3", "testing3");
        SwiftCli tester3 = SwiftCli.withToken(
                login3.storageUrl().replaceFirst("/AUTH_test$", "/AUTH_test2"), login3.token(), work);
        Path t3 = work.resolve("t3.bin");
        tester3.run("download", "vers", OBJ, "--output", t3.toString()).requireSuccess("tester3 download");
        assertThat(Files.readAllBytes(t3)).isEqualTo(v3);
        assertThat(tester3.run("upload", "--object-name", "x", "vers", t3.toString())
                        .exitCode())
                .as("no write ACL")
                .isNotZero();

        // an object written before versioning was enabled becomes a version, streamed whatever its size
        byte[] big = random(34 << 20, 3);
        upload(t2, "late", "big.bin", big);
        t2.run("post", "-H", "X-Versions-Enabled: true", "late").requireSuccess("enable late");
        upload(t2, "late", "big.bin", v3);
        List<String> late = versionIds(t2, "late", "big.bin");
        assertThat(late).hasSize(2);
        assertThat(download(t2, "late", "big.bin", "--version-id", late.get(1))).isEqualTo(big);

        t2.run("delete", "--all").requireSuccess("delete --all (every version, then the containers)");
        assertThat(t2.run("list").requireSuccess("list").out()).doesNotContain("vers");
    }

    @Test
    void shouldRestoreThePreviousVersionWhenDeletingInStackMode() throws Exception {
        tester().run("post", "stack-archive").requireSuccess("archive");
        tester().run("post", "-H", "X-Versions-Location: stack-archive", "stack")
                .requireSuccess("stack mode");
        for (String v : new String[] {"one", "two", "three"}) {
            upload(tester(), "stack", "ünï", v.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(tester().run("list", "stack-archive")
                        .requireSuccess("archive")
                        .out()
                        .lines())
                .as("%03x of the UTF-8 name's bytes, then the timestamp")
                .hasSize(2)
                .allMatch(l -> l.startsWith("005ünï/"));
        tester().run("delete", "stack", "ünï").requireSuccess("pop");
        assertThat(new String(download(tester(), "stack", "ünï"), StandardCharsets.UTF_8))
                .isEqualTo("two");
        tester().run("delete", "stack", "ünï").requireSuccess("pop");
        assertThat(new String(download(tester(), "stack", "ünï"), StandardCharsets.UTF_8))
                .isEqualTo("one");
        tester().run("delete", "stack", "ünï").requireSuccess("pop");
        assertThat(tester().run("list", "stack").requireSuccess("list").out()).isBlank();
    }

    @Test
    void shouldExtractABigArchiveOfHundredsOfFilesAndBulkDeleteThem() throws Exception {
        int files = 300;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long total = 0;
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes), "UTF-8")) {
            tar.setAddPaxHeadersForNonAsciiNames(true);
            for (int i = 0; i < files; i++) {
                byte[] content = random(8_000 + i * 37, i);
                TarArchiveEntry e = new TarArchiveEntry("bulk-c/d" + (i % 7) + "/fïle-" + i + ".bin");
                e.setSize(content.length);
                tar.putArchiveEntry(e);
                tar.write(content);
                tar.closeArchiveEntry();
                total += content.length;
            }
        }
        assertThat(bytes.size()).isGreaterThan(2 << 20);
        SaioHarness.Login login = saio.login("test:tester", "testing");
        HttpResponse<byte[]> r = saio.send(SaioHarness.request(login, "?extract-archive=tar.gz")
                .header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray())));
        String doc = new String(r.body(), StandardCharsets.UTF_8).strip();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(doc)
                .contains("\"Response Status\": \"201 Created\"")
                .contains("\"Number Files Created\": " + files)
                .contains("\"Errors\": []");
        String stat = tester().run("stat", "bulk-c").requireSuccess("stat").out();
        assertThat(stat).contains("Objects: " + files).contains("Bytes: " + total);
        byte[] one = download(tester(), "bulk-c", "d3/fïle-10.bin");
        assertThat(one).isEqualTo(random(8_000 + 10 * 37, 10));

        // swift delete of a container uses bulk-delete when /info offers it
        tester().run("delete", "bulk-c").requireSuccess("delete container");
        assertThat(tester().run("list").requireSuccess("list").out()).doesNotContain("bulk-c");
        String access = String.join("\n", saio.accessLog);
        assertThat(access).contains("?bulk-delete");
    }

    @Test
    void shouldStreamArchiveFilesOverAMebibyteAndStoreNoneOfOneTheArchiveCutsShort() throws Exception {
        byte[] big = random((5 << 20) + 12_345, 77);
        SaioHarness.Login login = saio.login("test:tester", "testing");
        HttpResponse<byte[]> r = saio.send(SaioHarness.request(login, "?extract-archive=tar")
                .header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(tar(Map.of(
                        "stream-c/small.txt", "small".getBytes(StandardCharsets.UTF_8), "stream-c/big ☃.bin", big)))));
        String doc = new String(r.body(), StandardCharsets.UTF_8).strip();
        assertThat(doc).contains("\"Response Status\": \"201 Created\"").contains("\"Number Files Created\": 2");
        assertThat(download(tester(), "stream-c", "big ☃.bin")).isEqualTo(big);

        // the archive ends 2 MiB into a 3 MiB file: an error, and nothing of that file is stored
        byte[] whole = tar(Map.of("stream-d/cut.bin", random(3 << 20, 78)));
        byte[] cut = java.util.Arrays.copyOf(whole, 512 + (2 << 20));
        HttpResponse<byte[]> c = saio.send(SaioHarness.request(login, "?extract-archive=tar")
                .header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(cut)));
        String cutDoc = new String(c.body(), StandardCharsets.UTF_8).strip();
        assertThat(cutDoc).contains("\"Response Status\": \"400 Bad Request\"").contains("Invalid Tar File");
        assertThat(saio.send(SaioHarness.request(login, "/stream-d/cut.bin")
                                .method("HEAD", HttpRequest.BodyPublishers.noBody()))
                        .statusCode())
                .isEqualTo(404);
    }

    private static byte[] tar(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, "UTF-8")) {
            tar.setAddPaxHeadersForNonAsciiNames(true);
            for (Map.Entry<String, byte[]> f : new java.util.TreeMap<>(files).entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(f.getValue().length);
                tar.putArchiveEntry(e);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
