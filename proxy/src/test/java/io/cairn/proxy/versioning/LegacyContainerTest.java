package io.cairn.proxy.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

class LegacyContainerTest {
    @Test
    void shouldStoreTheLocationAndModeAsSysmetaWhenSet() {
        HttpHeaders h = new DefaultHttpHeaders().set("X-History-Location", "arch");
        assertThat(LegacyContainer.rewrite(h, true, "POST")).isNull();
        assertThat(h.get("X-Container-Sysmeta-Versions-Location")).isEqualTo("arch");
        assertThat(h.get("X-Container-Sysmeta-Versions-Mode")).isEqualTo("history");
        assertThat(h.get("X-Versions-Location")).isEmpty();
        assertThat(h.contains("X-History-Location")).isFalse();
    }

    @Test
    void shouldRefuseBothHeadersDisabledWritesAndSlashes() {
        FullHttpResponse both = java.util.Objects.requireNonNull(LegacyContainer.rewrite(
                new DefaultHttpHeaders().set("X-Versions-Location", "a").set("X-History-Location", "b"), true, "PUT"));
        assertThat(both.status().code()).isEqualTo(400);
        both.release();
        FullHttpResponse off = java.util.Objects.requireNonNull(
                LegacyContainer.rewrite(new DefaultHttpHeaders().set("X-Versions-Location", "a"), false, "PUT"));
        assertThat(off.status().code()).isEqualTo(412);
        assertThat(off.content().toString(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("Versioned Writes is disabled");
        off.release();
        FullHttpResponse slash = java.util.Objects.requireNonNull(
                LegacyContainer.rewrite(new DefaultHttpHeaders().set("X-Versions-Location", "a/b"), true, "PUT"));
        assertThat(slash.status().code()).isEqualTo(412);
        slash.release();
    }

    @Test
    void shouldClearTheLocationWhenEmptyOrRemoved() {
        HttpHeaders empty = new DefaultHttpHeaders().set("X-Versions-Location", "");
        assertThat(LegacyContainer.rewrite(empty, true, "POST")).isNull();
        assertThat(empty.get("X-Container-Sysmeta-Versions-Location")).isEmpty();
        assertThat(empty.get("X-Container-Sysmeta-Versions-Mode")).isEmpty();
        HttpHeaders removed = new DefaultHttpHeaders().set("X-Remove-History-Location", "x");
        assertThat(LegacyContainer.rewrite(removed, true, "POST")).isNull();
        assertThat(removed.get("X-Container-Sysmeta-Versions-Location")).isEmpty();
        assertThat(removed.contains("X-Remove-History-Location")).isFalse();
    }

    @Test
    void shouldShowTheLocationUnderItsModesHeader() {
        HttpHeaders r = new DefaultHttpHeaders()
                .set("X-Container-Sysmeta-Versions-Location", "arch")
                .set("X-Container-Sysmeta-Versions-Mode", "history");
        LegacyContainer.showLocation(r);
        assertThat(r.get("X-History-Location")).isEqualTo("arch");
        HttpHeaders s = new DefaultHttpHeaders().set("X-Container-Sysmeta-Versions-Location", "arch");
        LegacyContainer.showLocation(s);
        assertThat(s.get("X-Versions-Location")).isEqualTo("arch");
    }
}
