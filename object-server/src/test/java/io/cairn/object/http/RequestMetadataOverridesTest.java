package io.cairn.object.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestMetadataOverridesTest {
    private static final Map<String, String> UPDATE = new LinkedHashMap<>(Map.of("X-Size", "1", "X-Etag", "a"));

    @Test
    void shouldLetSysmetaOverridesWinOverBackendOnesWhateverTheHeaderOrder() {
        for (List<Map.Entry<String, String>> headers : List.of(
                List.of(
                        Map.entry("X-Backend-Container-Update-Override-Etag", "b"),
                        Map.entry("X-Object-Sysmeta-Container-Update-Override-Etag", "c")),
                List.of(
                        Map.entry("x-object-sysmeta-container-update-override-etag", "c"),
                        Map.entry("X-BACKEND-CONTAINER-UPDATE-OVERRIDE-ETAG", "b")))) {
            Map<String, String> out = RequestMetadata.withOverrides(UPDATE, headers);

            assertThat(out)
                    .containsEntry("x-etag", "c")
                    .containsEntry("X-Size", "1")
                    .hasSize(2);
        }
    }

    @Test
    void shouldAddOverriddenKeysInLowerCaseAndLeaveOtherHeadersOutWhenOverriding() {
        Map<String, String> out = RequestMetadata.withOverrides(
                UPDATE,
                List.of(
                        Map.entry("X-Backend-Container-Update-Override-Content-Type", "text/plain; swift_bytes=9"),
                        Map.entry("X-Object-Meta-Color", "blue"),
                        Map.entry("X-Backend-Container-Update-Override-", "empty name")));

        assertThat(out.keySet()).containsExactlyInAnyOrder("X-Size", "X-Etag", "x-content-type", "x-");
        assertThat(out).containsEntry("x-content-type", "text/plain; swift_bytes=9");
    }
}
