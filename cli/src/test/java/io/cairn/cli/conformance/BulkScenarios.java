package io.cairn.cli.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * bulk: {@code ?extract-archive=} with tar, tar.gz and tar.bz2 (into an account, a container and a
 * pseudo-directory; unicode names, PAX metadata, directories and base-level files skipped, broken archives,
 * refused formats, another user), and {@code ?bulk-delete} (objects then containers, not found, non-empty
 * container, quoted and unicode names, text/JSON/XML answers, the limits and bad bodies).
 *
 * <p>Thread-safety: stateless.
 */
final class BulkScenarios {
    private static final String A = "/v1/AUTH_test";

    private BulkScenarios() {}

    /** A tar of {@code files} (name → content; a name ending in {@code /} is a directory), compressed as asked. */
    static byte[] tar(String compression, Map<String, String> files, Map<String, String> pax) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream c = switch (compression) {
                    case "gz" -> new GzipCompressorOutputStream(bytes);
                    case "bz2" -> new BZip2CompressorOutputStream(bytes);
                    default -> bytes;
                };
                TarArchiveOutputStream t = new TarArchiveOutputStream(c, "UTF-8")) {
            t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            t.setAddPaxHeadersForNonAsciiNames(true);
            for (Map.Entry<String, String> f : files.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setLastModifiedTime(java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L));
                byte[] content = f.getValue().getBytes(StandardCharsets.UTF_8);
                if (!f.getKey().endsWith("/")) {
                    e.setSize(content.length);
                    pax.forEach(e::addPaxHeader);
                }
                t.putArchiveEntry(e);
                if (!f.getKey().endsWith("/")) {
                    t.write(content);
                }
                t.closeArchiveEntry();
            }
            t.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<Group> groups() {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put("bx1/a.txt", "alpha");
        files.put("bx1/dir/", "");
        files.put("bx1/dir/b.json", "{}");
        files.put("bx2/ünï ☃.txt", "snow");
        files.put("top-level.txt", "ignored");
        byte[] plain = tar("", files, Map.of());
        byte[] gz = tar("gz", Map.of("bx3/g.txt", "gzipped"), Map.of());
        byte[] bz2 = tar("bz2", Map.of("bx3/b.txt", "bzipped"), Map.of());
        byte[] withPax = tar(
                "",
                Map.of("p.txt", "pax"),
                Map.of("SCHILY.xattr.user.mime_type", "text/x-pax", "SCHILY.xattr.user.meta.color", "green"));
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of(
                "bulk.extract.account",
                Req.put(A + "?extract-archive=tar").body(plain),
                Req.get(A + "/bx1?format=json"),
                Req.get(A + "/bx2"),
                Req.get(A + "/bx1/dir/b.json")));
        s.add(Scenario.of(
                "bulk.extract.formats",
                Req.put(A + "?extract-archive=tar.gz")
                        .h("Accept", "application/json")
                        .body(gz),
                Req.put(A + "?extract-archive=.tar.bz2.")
                        .h("Accept", "application/xml")
                        .body(bz2),
                Req.get(A + "/bx3/b.txt"),
                Req.put(A + "?extract-archive=zip").body(gz),
                Req.put(A + "?extract-archive=tar.gz").body(plain),
                Req.put(A + "?extract-archive=tar.bz2").body(gz),
                Req.put(A + "?extract-archive=tar").body("not a tar at all, definitely not".repeat(20)),
                Req.put(A + "?extract-archive=tar").body(new byte[0]),
                Req.put(A + "?extract-archive=tar").h("Accept", "image/png").body(plain),
                Req.post(A + "?extract-archive=tar").body(plain)));
        s.add(Scenario.of(
                "bulk.extract.into-container",
                Req.put(A + "/bx4"),
                Req.put(A + "/bx4?extract-archive=tar")
                        .h("X-Object-Meta-Batch", "7")
                        .body(withPax),
                Req.head(A + "/bx4/p.txt"),
                Req.put(A + "/bx4/sub/dir/?extract-archive=tar").body(withPax),
                Req.get(A + "/bx4?format=json"),
                Req.put(A + "/bx5/made?extract-archive=tar").body(withPax),
                Req.get(A + "/bx5")));
        s.add(Scenario.of(
                "bulk.extract.other-user",
                Req.put(A + "?extract-archive=tar").as(User.TESTER3).body(plain),
                Req.put(A + "/bx4?extract-archive=tar").as(User.TESTER3).body(withPax),
                Req.put(A + "/bx4?extract-archive=tar").as(User.ANON).body(withPax)));
        s.add(Scenario.of(
                "bulk.delete.text",
                Req.post(A + "?bulk-delete")
                        .h("Content-Type", "text/plain")
                        .body("bx1/a.txt\nbx1/nope\n/bx2/%C3%BCn%C3%AF%20%E2%98%83.txt\nbx2\nbx1\n"),
                Req.get(A + "/bx1?format=json"),
                Req.get(A + "?format=json")));
        s.add(Scenario.of(
                "bulk.delete.formats",
                Req.delete(A + "?bulk-delete").h("Accept", "application/json").body("bx3/g.txt\nbx3\n"),
                Req.post(A + "?bulk-delete").h("Accept", "application/xml").body("bx3/b.txt\nbx3\nbx4\n"),
                Req.post(A + "?bulk-delete").h("Accept", "text/xml").body("nothing/here"),
                Req.post(A + "?bulk-delete").h("Accept", "image/png").body("bx1"),
                Req.post(A + "?bulk-delete")
                        .h("Content-Type", "application/json")
                        .body("bx1"),
                Req.post(A + "?bulk-delete").body(""),
                Req.post(A + "?bulk-delete").body("x".repeat(3000)),
                Req.post(A + "?bulk-delete").body("%00bad/name\nbx1/dir/b.json\nbx1\n"),
                Req.put(A + "?bulk-delete").body("bx1")));
        s.add(Scenario.of(
                "bulk.delete.other-user",
                Req.put(A + "/bd"),
                Req.put(A + "/bd/o").body("x"),
                Req.post(A + "?bulk-delete").as(User.TESTER3).body("bd/o\nbd\n"),
                Req.post(A + "?bulk-delete").as(User.ANON).body("bd/o\n"),
                Req.post(A + "?bulk-delete")
                        .body("bd/o\nbd\nbx4/p.txt\nbx4/sub/dir/p.txt\nbx4\nbx5/made/p.txt\nbx5\n")));
        return List.of(new Group("bulk", s));
    }
}
