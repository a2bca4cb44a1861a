package io.cairn.proxy.largeobject;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected texts are Swift 2.30.1's own output ({@code slo.parse_and_validate_input} run with /usr/bin/python3). */
class SloManifestTest {
    private static final String SELF = "/v1/AUTH_test/c/o";
    private static final String PREFIX = "/v1/AUTH_test/";

    @Test
    void shouldListEveryIndexErrorAsSwiftWhenTheManifestIsInvalid() {
        String body =
                "[\"x\", {\"path\": \"/c/s1\", \"foo\": 1, \"bar\": 2}, {\"path\": 5}, {\"path\": \"/c/s1\", \"etag\": 5},"
                        + " {\"path\": \"nocontainer\"}, {\"path\": \"/c/s1\", \"size_bytes\": \"x\"},"
                        + " {\"path\": \"/c/s1\", \"size_bytes\": 0}, {\"path\": \"/c/o\"}, {\"path\": \"/c/s1\", \"range\": \"x\"},"
                        + " {\"path\": \"/c/s1\", \"range\": \"1-2,3-4\"}, {\"path\": \"/c/s1\", \"range\": \"9-\", \"size_bytes\": 5},"
                        + " {\"data\": \"!!\"}, {\"data\": \"\"}, {\"data\": \"YQ==\", \"x\": 1}, {\"path\": \"/c/s1\"}]";
        SloManifest.Parsed p = SloManifest.parse(body, SELF, PREFIX);
        assertThat(p.plainText()).isTrue();
        assertThat(p.error())
                .isEqualTo("Index 0: not a JSON object\nIndex 1: extraneous keys \"bar\", \"foo\"\n"
                        + "Index 2: \"path\" must be a string\n"
                        + "Index 3: \"etag\" must be a string or null (if provided)\n"
                        + "Index 4: path does not refer to an object. Path must be of the form /container/object.\n"
                        + "Index 5: invalid size_bytes\nIndex 6: too small; each segment must be at least 1 byte.\n"
                        + "Index 7: manifest must not include itself as a segment\nIndex 8: invalid range\n"
                        + "Index 9: multiple ranges (only one allowed)\nIndex 10: unsatisfiable range\n"
                        + "Index 11: data must be valid base64\n"
                        + "Index 12: too small; each segment must be at least 1 byte.\n"
                        + "Index 13: extraneous keys \"x\"\n");
    }

    @Test
    void shouldRefuseTheWholeDocumentWhenItIsNotAJsonListOfObjectSegments() {
        assertThat(SloManifest.parse("{nope", SELF, PREFIX).error()).isEqualTo("Manifest must be valid JSON.\n");
        assertThat(SloManifest.parse("{}", SELF, PREFIX).error()).isEqualTo("Manifest must be a list.\n");
        assertThat(SloManifest.parse("[{\"data\": \"YQ==\"}]", SELF, PREFIX).error())
                .isEqualTo("Inline data segments require at least one object-backed segment.\n");
        assertThat(SloManifest.parse("[{\"data\": \"YQ\"}]", SELF, PREFIX).error())
                .isEqualTo("Index 0: data must be valid base64\n"
                        + "Inline data segments require at least one object-backed segment.\n");
    }

    @Test
    void shouldDecodeBase64AsPythonDoesWhenPaddingIsShortOrLong() {
        assertThat(SloManifest.decodeBase64("YQ")).isNull();
        assertThat(SloManifest.decodeBase64("YQ=")).isNull();
        assertThat(SloManifest.decodeBase64("YQ==")).containsExactly('a');
        assertThat(SloManifest.decodeBase64("YQ===")).containsExactly('a');
        assertThat(SloManifest.decodeBase64("aGVsbG8=")).isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(SloManifest.decodeBase64("a b")).isNull();
    }

    @Test
    void shouldParseSizesRangesAndDataWhenValid() {
        SloManifest.Parsed p = SloManifest.parse(
                "[{\"path\": \"/c/s1\", \"size_bytes\": \"12\"}, {\"path\": \"c/s2\", \"range\": \"-3\", \"etag\": null},"
                        + " {\"data\": \"aGVsbG8\"}]",
                SELF,
                PREFIX);
        assertThat(p.error()).isEqualTo("Index 2: data must be valid base64\n");
        p = SloManifest.parse(
                "[{\"path\": \"/c/s1\", \"size_bytes\": \"12\"}, {\"path\": \"c/s2\", \"range\": \"-3\", \"etag\": null},"
                        + " {\"data\": \"aGVsbG8=\"}]",
                SELF,
                PREFIX);
        assertThat(p.error()).isNull();
        assertThat(p.entries())
                .containsExactly(
                        new SloManifest.Input("/c/s1", null, 12, null, null),
                        new SloManifest.Input("c/s2", null, -1, "-3", null),
                        new SloManifest.Input(null, null, -1, null, "aGVsbG8="));
    }

    @Test
    void shouldHashSegmentsRangesAndDataAsSwiftWhenComputingTheSloEtag() {
        Map<String, Object> plain = entry("/c/a", 5, "594f803b380a41396ed63dca39503542");
        Map<String, Object> ranged = entry("/c/b", 10, "82136b4240d6ce4ea7d03e51469a393b");
        ranged.put("range", "2-4");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("data", "aGVsbG8=");
        String expected =
                SloManifest.md5Hex(("594f803b380a41396ed63dca39503542" + "82136b4240d6ce4ea7d03e51469a393b:2-4;"
                                + SloManifest.md5Hex("hello".getBytes(StandardCharsets.US_ASCII)))
                        .getBytes(StandardCharsets.US_ASCII));
        assertThat(SloManifest.sloEtag(List.of(plain, ranged, data))).isEqualTo(expected);
        assertThat(SloManifest.segmentLength(ranged)).isEqualTo(3);
        assertThat(SloManifest.segmentLength(data)).isEqualTo(5);
    }

    @Test
    void shouldWriteTheStoredManifestAsJsonDumpsDoesWhenStoring() {
        Map<String, Object> e = entry("/c/\u2603", 5, "594f803b380a41396ed63dca39503542");
        e.put("sub_slo", true);
        assertThat(new String(SloManifest.storedJson(List.of(e)), StandardCharsets.UTF_8))
                .isEqualTo("[{\"name\": \"/c/\\u2603\", \"bytes\": 5, \"hash\": \"594f803b380a41396ed63dca39503542\","
                        + " \"content_type\": \"text/plain\", \"last_modified\": \"2026-12-07T00:36:14.000000\","
                        + " \"sub_slo\": true}]");
        assertThat(SloManifest.toRaw(List.of(e)))
                .isEqualTo("[{\"etag\": \"594f803b380a41396ed63dca39503542\", \"path\": \"/c/\\u2603\","
                        + " \"size_bytes\": 5}]");
    }

    @Test
    void shouldTakeASubSloLengthFromSwiftBytesWhenTheContentTypeHasIt() {
        Map<String, Object> e = entry("/c/sub", 100, "x");
        e.put("sub_slo", true);
        e.put("content_type", "application/octet-stream;swift_bytes=42");
        assertThat(SloManifest.bytes(e)).isEqualTo(42);
    }

    private static Map<String, Object> entry(String name, long bytes, String hash) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("bytes", bytes);
        m.put("hash", hash);
        m.put("content_type", "text/plain");
        m.put("last_modified", "2026-12-07T00:36:14.000000");
        return m;
    }
}
