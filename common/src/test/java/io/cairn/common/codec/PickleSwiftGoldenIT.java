package io.cairn.common.codec;

import static io.cairn.common.codec.PickleWriterGoldenIT.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.testing.Python;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads pickles that Swift 2.30.1's own code wrote (one Python run of {@code swift_artifacts.py}): an object
 * PUT's xattr metadata, the async_pending its failed container update left, the REPLICATE body, hashes.pkl, the
 * {@code .pending} files of a ContainerBroker and an AccountBroker, and a two-chunk metadata pickle. Each is
 * decoded to the values Swift put in, and (protocol-2 ones) written back byte for byte.
 */
class PickleSwiftGoldenIT {
    @SuppressWarnings("unchecked")
    static Map<Object, Object> asMap(@Nullable Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<Object, Object>) java.util.Objects.requireNonNull(value);
    }

    private static final String HELLO_MD5 = "5d41402abc4b2a76b9719d911017c592";
    private static final String UNICODE_NAME = "o\u00e9\u4e2d\uD83D\uDE00";
    private static final Map<String, byte[]> ARTIFACTS = new HashMap<>();

    @BeforeAll
    static void runSwiftOnce() {
        String out = Python.runText(PickleWriterGoldenIT.resource("swift_artifacts.py"));
        for (String line : out.split("\n")) {
            String[] f = line.split(" ", 2);
            ARTIFACTS.put(f[0], Base64.getDecoder().decode(f[1]));
        }
    }

    private static byte[] artifact(String name) {
        byte[] b = ARTIFACTS.get(name);
        assertThat(b).as("artifact %s", name).isNotNull();
        return java.util.Objects.requireNonNull(b);
    }

    private static PyBytes b(String utf8) {
        return PyBytes.utf8(utf8);
    }

    private static void assertRewritesIdentically(byte[] pickle) throws PickleException {
        assertThat(hex(PickleWriter.dumpProtocol2(PickleReader.load(pickle)))).isEqualTo(hex(pickle));
    }

    @Test
    void shouldDecodeObjectMetadataWhenSwiftWroteTheXattr() throws Exception {
        byte[] pickle = artifact("data_metadata");
        Map<Object, Object> meta = asMap(PickleReader.load(pickle));
        assertThat(meta)
                .containsEntry(b("name"), b("/a/c/" + UNICODE_NAME))
                .containsEntry(b("X-Timestamp"), b("1700000000.12345"))
                .containsEntry(b("Content-Type"), b("text/plain"))
                .containsEntry(b("Content-Length"), b("5"))
                .containsEntry(b("ETag"), b(HELLO_MD5))
                .containsEntry(b("X-Object-Meta-Color"), b("blue"))
                .containsEntry(b("X-Object-Meta-Empty"), b(""))
                .containsEntry(b("X-Object-Meta-Zero"), b("0"))
                // a WSGI string (UTF-8 bytes seen as latin-1) is UTF-8 encoded again: reference §2.4
                .containsEntry(b("X-Object-Meta-Cafe"), b("caf\u00c3\u00a9"))
                .hasSize(9);
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(pickle));
        assertThat(new String(artifact("data_metadata_checksum"), StandardCharsets.US_ASCII))
                .isEqualTo(md5);
        assertRewritesIdentically(pickle);
    }

    @Test
    void shouldDecodeTwoChunkMetadataWhenPastLongBinputAndXattrSize() throws Exception {
        assertThat(new String(artifact("big_metadata_chunks"), StandardCharsets.US_ASCII))
                .isEqualTo("2");
        byte[] pickle = artifact("big_metadata");
        Map<Object, Object> meta = asMap(PickleReader.load(pickle));
        assertThat(meta).hasSize(302).containsEntry(b("X-Object-Meta-K299"), b("v299"));
        assertThat(meta.get(b("X-Object-Meta-Huge"))).isEqualTo(PyBytes.latin1("x".repeat(70000)));
        assertRewritesIdentically(pickle);
    }

    @Test
    void shouldDecodeAsyncPendingWhenSwiftPickledAHeaderKeyDictAtProtocol0() throws Exception {
        Map<Object, Object> update = asMap(PickleReader.load(artifact("async_pending")));
        assertThat(update)
                .containsEntry("op", "PUT")
                .containsEntry("account", "a")
                .containsEntry("container", "c")
                .containsEntry("obj", UNICODE_NAME)
                .containsOnlyKeys("op", "account", "container", "obj", "headers");
        Map<Object, Object> headers = asMap(update.get("headers"));
        assertThat(headers)
                .containsEntry("X-Size", "5")
                .containsEntry("X-Content-Type", "text/plain")
                .containsEntry("X-Timestamp", "1700000000.12345")
                .containsEntry("X-Etag", HELLO_MD5)
                .containsEntry("X-Trans-Id", "tx123")
                .containsEntry("X-Backend-Storage-Policy-Index", "0")
                .containsEntry("Referer", "PUT http://localhost/sda1/0/a/c/o%C3%A9%E4%B8%AD%F0%9F%98%80");
        assertThat((String) headers.get("User-Agent")).startsWith("object-server ");
    }

    @Test
    void shouldDecodeReplicateBodyAndHashesPklWhenSwiftServedThem() throws Exception {
        Map<Object, Object> replicate = asMap(PickleReader.load(artifact("replicate")));
        assertThat(replicate).hasSize(1);
        Map.Entry<Object, Object> suffix = replicate.entrySet().iterator().next();
        assertThat((String) suffix.getKey()).matches("[0-9a-f]{3}");
        assertThat((String) suffix.getValue()).matches("[0-9a-f]{32}");
        assertRewritesIdentically(artifact("replicate"));

        Map<Object, Object> hashes = asMap(PickleReader.load(artifact("hashes_pkl")));
        assertThat(hashes).containsEntry("valid", true).containsEntry(suffix.getKey(), suffix.getValue());
        assertThat(hashes.get("updated")).isInstanceOf(Double.class);
        assertRewritesIdentically(artifact("hashes_pkl"));
    }

    private static List<PyTuple> pendingRecords(byte[] file) throws PickleException {
        List<PyTuple> records = new ArrayList<>();
        for (String entry : new String(file, StandardCharsets.US_ASCII).split(":")) {
            if (!entry.isEmpty()) {
                byte[] pickle = Base64.getDecoder().decode(entry);
                records.add((PyTuple) PickleReader.load(pickle));
                assertRewritesIdentically(pickle);
            }
        }
        return records;
    }

    @Test
    void shouldDecodeContainerPendingWhenContainerBrokerWroteIt() throws Exception {
        List<@Nullable Object> expected = List.of(
                PyTuple.of(
                        UNICODE_NAME,
                        "1700000001.00000",
                        123L,
                        "text/plain",
                        "0123456789abcdef0123456789abcdef",
                        0L,
                        0L,
                        null,
                        null),
                PyTuple.of("gone", "1700000002.00000", 0L, "", "", 1L, 0L, null, null),
                PyTuple.of(
                        "meta",
                        "1700000003.00000",
                        5L,
                        "image/png",
                        "ffffffffffffffffffffffffffffffff",
                        0L,
                        1L,
                        "1700000004.00000",
                        "1700000005.00000_0000000000000003"));
        assertThat(pendingRecords(artifact("container_pending"))).isEqualTo(expected);
    }

    @Test
    void shouldDecodeAccountPendingWhenAccountBrokerWroteIt() throws Exception {
        List<@Nullable Object> expected = List.of(
                PyTuple.of("c\u00e9", "1700000001.00000", "0", 10L, 2048L, 0L, 0L),
                PyTuple.of("old", "0", "1700000002.00000", 0L, 0L, 1L, 1L));
        assertThat(pendingRecords(artifact("account_pending"))).isEqualTo(expected);
    }
}
