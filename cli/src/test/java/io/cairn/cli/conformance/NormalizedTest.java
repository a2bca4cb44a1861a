package io.cairn.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.cli.RawHttp;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizedTest {
    private static RawHttp.Response response(String head, String body) {
        return new RawHttp.Response(Integer.parseInt(head.split(" ")[1]), head, body);
    }

    @Test
    void shouldReplaceVolatileValuesWithPlaceholdersWhenNormalised() {
        Normalized n = Normalized.of(
                response(
                        "HTTP/1.1 200 OK\r\nX-Trans-Id: tx23fe3e0cbb0b4482b693a-006b15dd98\r\n"
                                + "Date: Sun, 06 Dec 2026 22:11:36 GMT\r\nX-Timestamp: 1796595096.13317\r\n"
                                + "X-Auth-Token: AUTH_tk56c618636f6b4bb7902d0ae8dc004d9a\r\nX-Auth-Token-Expires: 85905\r\n"
                                + "X-Storage-Url: http://127.0.0.1:20100/v1/AUTH_test\r\nEtag: abc",
                        ""),
                Req.get("/"));

        assertThat(n.headers())
                .containsEntry("x-trans-id", List.of("<trans-id>"))
                .containsEntry("date", List.of("<http-date>"))
                .containsEntry("x-timestamp", List.of("<timestamp>"))
                .containsEntry("x-auth-token", List.of("<token>"))
                .containsEntry("x-auth-token-expires", List.of("<seconds>"))
                .containsEntry("x-storage-url", List.of("http://127.0.0.1:<port>/v1/AUTH_test"))
                .containsEntry("etag", List.of("abc"));
    }

    @Test
    void shouldKeepAValueOfAnotherFormWhenItIsNotTheVolatileOne() {
        Normalized n = Normalized.of(
                response("HTTP/1.1 200 OK\r\nX-Trans-Id: not-a-trans-id\r\nDate: yesterday", ""), Req.get("/"));

        assertThat(n.headers())
                .containsEntry("x-trans-id", List.of("not-a-trans-id"))
                .containsEntry("date", List.of("yesterday"));
    }

    @Test
    void shouldSortSetValuedHeadersAndNormaliseBoundariesWhenCompared() {
        String body = "--4ad3\r\nContent-Range: bytes 0-1/20\r\n\r\n01\r\n--4ad3--";
        Normalized n = Normalized.of(
                response(
                        "HTTP/1.1 206 Partial Content\r\nAllow: PUT, GET, HEAD\r\n"
                                + "Content-Type: multipart/byteranges;boundary=4ad3\r\nContent-Length: "
                                + body.length(),
                        body),
                Req.get("/"));

        assertThat(n.headers())
                .containsEntry("allow", List.of("GET, HEAD, PUT"))
                .containsEntry("content-type", List.of("multipart/byteranges;boundary=<boundary>"))
                .containsEntry(
                        "content-length",
                        List.of("<normalised body: "
                                + body.replace("4ad3", "<boundary>").length() + " bytes>"));
        assertThat(n.body()).startsWith("--<boundary>\r\n").endsWith("--<boundary>--");
    }

    @Test
    void shouldNormaliseListingTimesWhenInTheBody() {
        Normalized n = Normalized.of(
                response(
                        "HTTP/1.1 200 OK\r\nContent-Length: 40",
                        "[{\"last_modified\": \"2026-12-06T22:11:36.206060\"}]"),
                Req.get("/"));

        assertThat(n.body()).isEqualTo("[{\"last_modified\": \"<iso-time>\"}]");
    }

    @Test
    void shouldReportOnlyTheStatusWhenStatusesDiffer() {
        Outcome swift = Outcome.of(response("HTTP/1.1 201 Created\r\nContent-Length: 0", ""));
        Outcome other = Outcome.of(response("HTTP/1.1 412 Precondition Failed\r\nContent-Length: 3", "bad"));

        assertThat(Comparison.compare(Req.put("/"), swift, other))
                .singleElement()
                .extracting(Comparison.Atom::aspect)
                .isEqualTo("status");
    }

    @Test
    void shouldNameMissingExtraAndChangedHeadersWhenStatusesMatch() {
        Outcome swift = Outcome.of(response("HTTP/1.1 200 OK\r\nA: 1\r\nB: 2", "x"));
        Outcome other = Outcome.of(response("HTTP/1.1 200 OK\r\nB: 3\r\nC: 4", "y"));

        assertThat(Comparison.compare(Req.get("/"), swift, other))
                .extracting(Comparison.Atom::aspect)
                .containsExactly("header:a:missing", "header:b:value", "header:c:extra", "body");
    }
}
