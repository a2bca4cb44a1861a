package io.cairn.proxy.swift;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.path.Constraints;
import io.cairn.common.path.HashPath;
import io.cairn.common.path.NameValidator;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ObjectWriteChecksTest {
    private final NameValidator validator = new NameValidator(Constraints.DEFAULTS);

    private static HttpRequest put(String... headers) {
        HttpRequest r = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.PUT, "/v1/a/c/o");
        for (int i = 0; i < headers.length; i += 2) {
            r.headers().add(headers[i], headers[i + 1]);
        }
        return r;
    }

    private static String body(@org.jspecify.annotations.Nullable FullHttpResponse response) {
        FullHttpResponse r = java.util.Objects.requireNonNull(response, "expected a response");
        try {
            return r.content().toString(StandardCharsets.UTF_8);
        } finally {
            r.release();
        }
    }

    @Test
    void shouldAnswer413WhenContentLengthExceedsMaxFileSize() {
        FullHttpResponse r = ObjectWriteChecks.checkCreation(
                put("Content-Length", Long.toString(5_368_709_123L)), "o", validator, false);
        assertThat(java.util.Objects.requireNonNull(r).status().code()).isEqualTo(413);
        assertThat(body(r)).isEqualTo("Your request is too large.");
        assertThat(ObjectWriteChecks.checkCreation(put("Content-Length", "5368709122"), "o", validator, false))
                .isNull();
    }

    @Test
    void shouldAnswer411WhenNoLengthAndNotChunked() {
        FullHttpResponse r = ObjectWriteChecks.checkCreation(put(), "o", validator, false);
        assertThat(java.util.Objects.requireNonNull(r).status().code()).isEqualTo(411);
        assertThat(body(r)).isEqualTo("Missing Content-Length header.");
        assertThat(ObjectWriteChecks.checkCreation(put("Transfer-Encoding", "chunked"), "o", validator, false))
                .isNull();
    }

    @Test
    void shouldAnswer400WhenNameOrMetadataOrContentTypeBad() {
        FullHttpResponse longName =
                ObjectWriteChecks.checkCreation(put("Content-Length", "0"), "x".repeat(1025), validator, false);
        assertThat(body(longName)).isEqualTo("Object name length of 1025 longer than 1024");
        FullHttpResponse meta = ObjectWriteChecks.checkCreation(
                put("Content-Length", "0", "X-Object-Meta-" + "n".repeat(129), "v"), "o", validator, false);
        assertThat(java.util.Objects.requireNonNull(meta).status().code()).isEqualTo(400);
        assertThat(body(meta)).startsWith("Metadata name too long");
        FullHttpResponse ct = ObjectWriteChecks.checkCreation(
                put("Content-Length", "0", "Content-Type", "text/plain;swift_bytes=3"), "o", validator, false);
        assertThat(body(ct)).isEqualTo("Invalid Content-Type, swift_* is not a valid parameter name.");
        FullHttpResponse copy = ObjectWriteChecks.checkCreation(put("Content-Length", "3"), "o", validator, true);
        assertThat(body(copy)).isEqualTo("Copy requests require a zero byte body");
    }

    @Test
    void shouldConvertDeleteAfterWhenInFuture() {
        HttpHeaders h = new DefaultHttpHeaders().set("X-Delete-After", "60");
        assertThat(ObjectWriteChecks.rewriteDeleteHeaders(h, 1_700_000_000.5)).isNull();
        assertThat(h.get("X-Delete-At")).isEqualTo("1700000060");
        assertThat(h.contains("X-Delete-After")).isFalse();
    }

    @Test
    void shouldReadDeleteAtAsPythonsIntDoes() {
        HttpHeaders huge = new DefaultHttpHeaders().set("X-Delete-At", "1".repeat(100));
        assertThat(ObjectWriteChecks.rewriteDeleteHeaders(huge, 1_700_000_000.5))
                .isNull();
        assertThat(huge.get("X-Delete-At")).isEqualTo("9999999999");
        HttpHeaders fraction = new DefaultHttpHeaders().set("X-Delete-At", "4102444800.5");
        assertThat(body(ObjectWriteChecks.rewriteDeleteHeaders(fraction, 1_700_000_000.5)))
                .isEqualTo("Non-integer X-Delete-At");
    }

    @Test
    void shouldAnswer400WhenDeleteHeadersBad() {
        assertThat(body(ObjectWriteChecks.rewriteDeleteHeaders(
                        new DefaultHttpHeaders().set("X-Delete-After", "soon"), 1000)))
                .isEqualTo("Non-integer X-Delete-After");
        assertThat(body(ObjectWriteChecks.rewriteDeleteHeaders(
                        new DefaultHttpHeaders().set("X-Delete-After", "-5"), 1000)))
                .isEqualTo("X-Delete-After in past");
        assertThat(body(ObjectWriteChecks.rewriteDeleteHeaders(
                        new DefaultHttpHeaders().set("X-Delete-At", "999"), 1000)))
                .isEqualTo("X-Delete-At in past");
        assertThat(body(ObjectWriteChecks.rewriteDeleteHeaders(
                        new DefaultHttpHeaders().set("X-Delete-At", "tomorrow"), 1000)))
                .isEqualTo("Non-integer X-Delete-At");
    }

    @Test
    void shouldPickExpirerContainerAsSwiftWhenDeleteAtSet() {
        HashPath hp = HashPath.of("", "changeme");
        String c = ObjectWriteChecks.expirerContainer(1_700_000_123L, hp, "a", "c", "o");
        long shard = new java.math.BigInteger(hp.hex("a", "c", "o"), 16)
                .mod(java.math.BigInteger.valueOf(100))
                .longValue();
        assertThat(c).isEqualTo(String.format("%010d", 1_700_000_123L / 86_400 * 86_400 - shard));
    }

    @Test
    void shouldGuessContentTypeFromExtensionWhenKnown() {
        ContentTypes types = ContentTypes.load(java.util.List.of());
        assertThat(types.guess("dir/photo.JPG")).isEqualTo("image/jpeg");
        assertThat(types.guess("notes.txt")).isEqualTo("text/plain");
        assertThat(types.guess("noext")).isEqualTo("application/octet-stream");
        assertThat(types.guess("archive.unknownext")).isEqualTo("application/octet-stream");
    }
}
