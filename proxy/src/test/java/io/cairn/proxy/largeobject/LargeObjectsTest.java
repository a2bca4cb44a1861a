package io.cairn.proxy.largeobject;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LargeObjectsTest {
    @Test
    void shouldPickTheResultFormatAsSwobDoesWhenAcceptVaries() {
        assertThat(LargeObjects.bestResultFormat(null)).isEqualTo("text/plain");
        assertThat(LargeObjects.bestResultFormat("application/json")).isEqualTo("application/json");
        assertThat(LargeObjects.bestResultFormat("text/*;q=0.5, application/xml"))
                .isEqualTo("application/xml");
        assertThat(LargeObjects.bestResultFormat("*/*")).isEqualTo("text/plain");
        assertThat(LargeObjects.bestResultFormat("image/png")).isNull();
    }

    @Test
    void shouldWriteBulkResultDocumentsInEachFormatWhenAsked() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("Response Status", "200 OK");
        d.put("Response Body", "");
        d.put("Number Deleted", 2L);
        d.put("Number Not Found", 0L);
        List<String[]> errors = List.<String[]>of(new String[] {"/c/o%20x", "409 Conflict"});
        assertThat(LargeObjects.resultBody("text/plain", d, errors, "delete"))
                .isEqualTo("Number Deleted: 2\nNumber Not Found: 0\nResponse Body: \nResponse Status: 200 OK\n"
                        + "Errors:\n/c/o%20x, 409 Conflict\n");
        assertThat(LargeObjects.resultBody("application/json", d, errors, "delete"))
                .isEqualTo("{\"Response Status\": \"200 OK\", \"Response Body\": \"\", \"Number Deleted\": 2,"
                        + " \"Number Not Found\": 0, \"Errors\": [[\"/c/o%20x\", \"409 Conflict\"]]}");
        assertThat(LargeObjects.resultBody("application/xml", d, errors, "delete"))
                .isEqualTo(
                        "<delete>\n<number_deleted>2</number_deleted>\n<number_not_found>0</number_not_found>\n"
                                + "<response_body></response_body>\n<response_status>200 OK</response_status>\n<errors>\n"
                                + "<object><name>/c/o%20x</name><status>409 Conflict</status></object>\n</errors>\n</delete>\n");
    }

    @Test
    void shouldEvaluateConditionalsAsSwobDoesWhenTheEtagIsTheLargeObjects() {
        DefaultHttpHeaders h = new DefaultHttpHeaders();
        h.set("If-None-Match", "\"abc\", def");
        assertThat(Conditionals.evaluate(h, "def", null)).isEqualTo(304);
        h.clear().set("If-Match", "*");
        assertThat(Conditionals.evaluate(h, "abc", null)).isZero();
        h.clear().set("If-Match", "\"x\"");
        assertThat(Conditionals.evaluate(h, "abc", null)).isEqualTo(412);
        h.clear().set("If-Modified-Since", "Mon, 07 Dec 2026 00:36:14 GMT");
        assertThat(Conditionals.evaluate(h, "abc", "Mon, 07 Dec 2026 00:36:14 GMT"))
                .isEqualTo(304);
    }

    @Test
    void shouldValidateDloManifestHeadersAsSwiftWhenPut() {
        String bad = "X-Object-Manifest must be in the format container/prefix";
        assertThat(DynamicLargeObject.validate("c/p")).isNull();
        assertThat(DynamicLargeObject.validate("c")).isEqualTo(bad);
        assertThat(DynamicLargeObject.validate("c/")).isEqualTo(bad);
        assertThat(DynamicLargeObject.validate("/p")).isEqualTo(bad);
        assertThat(DynamicLargeObject.validate("c//p")).isEqualTo(bad);
        assertThat(DynamicLargeObject.validate("c/p?x")).isEqualTo(bad);
        assertThat(DynamicLargeObject.validate("c/p&x")).isEqualTo(bad);
    }

    @Test
    void shouldHashTheSegmentEtagsWhenComputingADloEtag() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("hash", "594f803b380a41396ed63dca39503542");
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("hash", "\"82136b4240d6ce4ea7d03e51469a393b\"");
        assertThat(DynamicLargeObject.etagOf(List.of(a, b)))
                .isEqualTo(SloManifest.md5Hex("594f803b380a41396ed63dca3950354282136b4240d6ce4ea7d03e51469a393b"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    @Test
    void shouldSplitTheSloEtagOutOfAListingHashWhenPresent() {
        assertThat(SloListingRewrite.rewrite(
                        "[{\"name\": \"m\", \"hash\": \"abc; slo_etag=def\", \"bytes\": 1}, {\"subdir\": \"x/\"},"
                                + " {\"name\": \"p\", \"hash\": \"123\"}]"))
                .isEqualTo("[{\"name\": \"m\", \"hash\": \"abc\", \"bytes\": 1, \"slo_etag\": \"\\\"def\\\"\"},"
                        + " {\"subdir\": \"x/\"}, {\"name\": \"p\", \"hash\": \"123\"}]");
    }
}
