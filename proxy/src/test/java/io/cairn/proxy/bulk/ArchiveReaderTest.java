package io.cairn.proxy.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveReaderTest {
    @TempDir
    Path dir;

    private Path archive(String compression, byte[] content) throws IOException {
        Path p = dir.resolve("a." + compression);
        Files.write(p, content);
        return p;
    }

    private static byte[] tar(String compression) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream c = compression.equals("gz")
                ? new GzipCompressorOutputStream(bytes)
                : compression.equals("bz2") ? new BZip2CompressorOutputStream(bytes) : bytes;
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(c, "UTF-8")) {
            t.setAddPaxHeadersForNonAsciiNames(true);
            t.putArchiveEntry(new TarArchiveEntry("c/dir/"));
            t.closeArchiveEntry();
            TarArchiveEntry e = new TarArchiveEntry("c/ünï ☃.txt");
            byte[] data = "snow".getBytes(StandardCharsets.UTF_8);
            e.setSize(data.length);
            e.addPaxHeader("SCHILY.xattr.user.meta.color", "green");
            t.putArchiveEntry(e);
            t.write(data);
            t.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void shouldReadOnlyRegularFilesWithTheirNamesAsSwiftsWireStringsInEveryCompression() throws Exception {
        for (String compression : new String[] {"", "gz", "bz2"}) {
            try (ArchiveReader r = new ArchiveReader(archive(compression, tar(compression)), compression)) {
                ArchiveReader.Entry e = java.util.Objects.requireNonNull(r.next());
                assertThat(new String(e.name().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8))
                        .isEqualTo("c/ünï ☃.txt");
                assertThat(e.size()).isEqualTo(4);
                assertThat(e.data()).isEqualTo("snow".getBytes(StandardCharsets.UTF_8));
                assertThat(e.pax()).containsEntry("SCHILY.xattr.user.meta.color", "green");
                assertThat(r.next()).isNull();
            }
        }
    }

    @Test
    void shouldFailWithPythonsTarfileMessagesWhenTheArchiveIsBroken() throws Exception {
        assertThatThrownBy(() -> new ArchiveReader(archive("", new byte[0]), "").next())
                .hasMessage("empty file");
        byte[] garbage = "not a tar at all, definitely not".repeat(20).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new ArchiveReader(archive("", garbage), "").next())
                .hasMessage("invalid header");
        assertThatThrownBy(() -> new ArchiveReader(archive("gz", garbage), "gz").next())
                .hasMessage("not a gzip file");
        assertThatThrownBy(() -> new ArchiveReader(archive("bz2", garbage), "bz2").next())
                .hasMessage("invalid compressed data");
        byte[] whole = tar("");
        byte[] cut = java.util.Arrays.copyOf(whole, 2048 + 2);
        assertThatThrownBy(() -> {
                    try (ArchiveReader r = new ArchiveReader(archive("", cut), "")) {
                        while (r.next() != null) {
                            // read to the broken end
                        }
                    }
                })
                .hasMessage("unexpected end of data");
    }

    @Test
    void shouldMapPaxKeysToSwiftHeadersAsBulk() {
        assertThat(ExtractArchive.paxHeader("SCHILY.xattr.user.mime_type")).isEqualTo("Content-Type");
        assertThat(ExtractArchive.paxHeader("LIBARCHIVE.xattr.user.meta.a")).isEqualTo("X-Object-Meta-a");
        assertThat(ExtractArchive.paxHeader("SCHILY.xattr.user.meta.ü")).isEqualTo("X-Object-Meta-Ã¼");
        assertThat(ExtractArchive.paxHeader("mtime")).isNull();
    }

    @Test
    void shouldWriteResultDocumentsAsSwiftsGetResponseBody() {
        java.util.Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("Response Status", "400 Bad Request");
        d.put("Response Body", "");
        d.put("Number Deleted", 1);
        java.util.List<String[]> errors = java.util.List.<String[]>of(new String[] {"c/%E2%98%83", "409 Conflict"});
        assertThat(BulkResults.body("text/plain", d, errors, "delete"))
                .isEqualTo("Number Deleted: 1\nResponse Body: \nResponse Status: 400 Bad Request\nErrors:\n"
                        + "c/%E2%98%83, 409 Conflict\n");
        assertThat(BulkResults.body("application/json", d, errors, "delete"))
                .isEqualTo("{\"Response Status\": \"400 Bad Request\", \"Response Body\": \"\", \"Number Deleted\": 1,"
                        + " \"Errors\": [[\"c/%E2%98%83\", \"409 Conflict\"]]}");
        assertThat(BulkResults.body("application/xml", d, errors, "delete"))
                .isEqualTo("<delete>\n<number_deleted>1</number_deleted>\n<response_body></response_body>\n"
                        + "<response_status>400 Bad Request</response_status>\n<errors>\n"
                        + "<object><name>c/%E2%98%83</name><status>409 Conflict</status></object>\n</errors>\n"
                        + "</delete>\n");
        assertThat(BulkResults.bestFormat("application/json;q=0.5, text/xml")).isEqualTo("text/xml");
        assertThat(BulkResults.bestFormat("image/png")).isNull();
    }
}
