package io.cairn.compute.compute.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.compute.config.EndpointProperties;
import io.cairn.compute.config.StorageProperties;
import io.cairn.compute.system.ApiEndpoints;
import io.cairn.compute.system.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Nova's image view and the proxy's filters and pages over image API documents, without HTTP. */
class ImageViewsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ImageViews views = new ImageViews(new ApiEndpoints(
            new EndpointProperties("http://cloud:8080", null, null, null),
            new StorageProperties(null, "a:b", "k", null, "glance", 1, 1, Duration.ofSeconds(1))));

    private static JsonNode image(String json) {
        return JSON.readTree(json);
    }

    private static final JsonNode SNAPSHOT = image("{\"id\":\"i1\",\"name\":\"snap\",\"status\":\"active\","
            + "\"min_ram\":512,\"min_disk\":2,\"size\":4096,\"virtual_size\":8192,\"disk_format\":\"raw\","
            + "\"container_format\":\"bare\",\"visibility\":\"private\",\"protected\":false,\"os_hidden\":false,"
            + "\"checksum\":\"c\",\"os_hash_algo\":\"sha512\",\"os_hash_value\":\"h\",\"owner\":\"p\",\"tags\":[],"
            + "\"created_at\":\"2026-12-01T10:00:00Z\",\"updated_at\":\"2026-12-02T11:30:05Z\","
            + "\"self\":\"/v2/images/i1\",\"file\":\"/v2/images/i1/file\",\"schema\":\"/v2/schemas/image\","
            + "\"instance_uuid\":\"s1\",\"image_type\":\"snapshot\",\"auto_disk_config\":\"True\",\"k\":\"v\"}");

    @Test
    void detailIsNovasViewWithExtraPropertiesAsMetadataAndTheServerOfASnapshot() {
        Map<String, Object> v = views.detail(SNAPSHOT);
        assertThat(v)
                .containsEntry("id", "i1")
                .containsEntry("name", "snap")
                .containsEntry("minRam", 512L)
                .containsEntry("minDisk", 2L)
                .containsEntry("status", "ACTIVE")
                .containsEntry("progress", 100)
                .containsEntry("OS-EXT-IMG-SIZE:size", 4096L)
                .containsEntry("created", "2026-12-01T10:00:00Z")
                .containsEntry("updated", "2026-12-02T11:30:05Z")
                .containsEntry("OS-DCF:diskConfig", "AUTO");
        assertThat(v.get("metadata"))
                .isEqualTo(
                        Map.of("instance_uuid", "s1", "image_type", "snapshot", "auto_disk_config", "True", "k", "v"));
        assertThat(v.get("links"))
                .isEqualTo(List.of(
                        Map.of("rel", "self", "href", "http://cloud:8080/compute/v2.1/images/i1"),
                        Map.of("rel", "bookmark", "href", "http://cloud:8080/compute/images/i1"),
                        Map.of(
                                "rel",
                                "alternate",
                                "type",
                                "application/vnd.openstack.image",
                                "href",
                                "http://cloud:8080/image/images/i1")));
        assertThat(v.get("server"))
                .isEqualTo(Map.of(
                        "id",
                        "s1",
                        "links",
                        List.of(
                                Map.of("rel", "self", "href", "http://cloud:8080/compute/v2.1/servers/s1"),
                                Map.of("rel", "bookmark", "href", "http://cloud:8080/compute/servers/s1"))));
        assertThat(views.basic(SNAPSHOT)).containsOnlyKeys("id", "name", "links");
    }

    @Test
    void statusAndProgressFollowNovasMapOfGlanceStatuses() {
        assertThat(ImageViews.status("active")).isEqualTo("ACTIVE");
        assertThat(ImageViews.status("queued")).isEqualTo("SAVING");
        assertThat(ImageViews.status("saving")).isEqualTo("SAVING");
        assertThat(ImageViews.status("deleted")).isEqualTo("DELETED");
        assertThat(ImageViews.status("pending_delete")).isEqualTo("DELETED");
        assertThat(ImageViews.status("killed")).isEqualTo("ERROR");
        assertThat(ImageViews.status("deactivated")).isEqualTo("UNKNOWN");
        assertThat(ImageViews.status("importing")).isEqualTo("UNKNOWN");
        assertThat(ImageViews.progress("queued")).isEqualTo(25);
        assertThat(ImageViews.progress("saving")).isEqualTo(50);
        assertThat(ImageViews.progress("active")).isEqualTo(100);
        assertThat(ImageViews.progress("killed")).isZero();
        Map<String, Object> queued = views.detail(image("{\"id\":\"q\",\"name\":null,\"status\":\"queued\","
                + "\"size\":null,\"min_ram\":0,\"min_disk\":0,\"auto_disk_config\":\"no\"}"));
        assertThat(queued).containsEntry("OS-EXT-IMG-SIZE:size", 0L).containsEntry("OS-DCF:diskConfig", "MANUAL");
        assertThat(queued.get("name")).isNull();
        assertThat(queued).doesNotContainKey("server");
    }

    private static final List<JsonNode> IMAGES = List.of(
            image("{\"id\":\"c\",\"name\":\"n\",\"status\":\"queued\",\"min_ram\":0,"
                    + "\"updated_at\":\"2026-12-03T00:00:00Z\"}"),
            SNAPSHOT,
            image("{\"id\":\"a\",\"name\":\"n\",\"status\":\"active\",\"min_ram\":512,\"min_disk\":0,"
                    + "\"updated_at\":\"2026-11-01T00:00:00Z\",\"os_distro\":\"debian\"}"));

    private static List<String> ids(ImageViews.Page page) {
        return page.images().stream().map(i -> i.get("id").asString()).toList();
    }

    private static MultiValueMap<String, String> params(String... kv) {
        MultiValueMap<String, String> m = new LinkedMultiValueMap<>();
        for (int k = 0; k < kv.length; k += 2) {
            m.add(kv[k], kv[k + 1]);
        }
        return m;
    }

    @Test
    void filtersAreNovasOverGlancesDocuments() {
        assertThat(ids(ImageViews.select(IMAGES, params()))).containsExactly("c", "i1", "a");
        assertThat(ids(ImageViews.select(IMAGES, params("name", "n")))).containsExactly("c", "a");
        assertThat(ids(ImageViews.select(IMAGES, params("status", "ACTIVE")))).containsExactly("i1", "a");
        assertThat(ids(ImageViews.select(IMAGES, params("status", "queued")))).containsExactly("c");
        assertThat(ids(ImageViews.select(IMAGES, params("changes-since", "2026-12-02T00:00:00Z"))))
                .containsExactly("c", "i1");
        assertThat(ids(ImageViews.select(IMAGES, params("server", "http://cloud/compute/v2.1/servers/s1"))))
                .containsExactly("i1");
        assertThat(ids(ImageViews.select(IMAGES, params("type", "snapshot")))).containsExactly("i1");
        assertThat(ids(ImageViews.select(IMAGES, params("minRam", "512")))).containsExactly("i1", "a");
        assertThat(ids(ImageViews.select(IMAGES, params("minDisk", "2")))).containsExactly("i1");
        assertThat(ids(ImageViews.select(IMAGES, params("property-os_distro", "debian"))))
                .containsExactly("a");
        assertThat(ids(ImageViews.select(IMAGES, params("property-min_ram", "512"))))
                .as("a Glance attribute is no property")
                .isEmpty();
        assertThatThrownBy(() -> ImageViews.select(IMAGES, params("minRam", "lots")))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> ImageViews.select(IMAGES, params("changes-since", "yesterday")))
                .isInstanceOf(ApiException.class)
                .hasMessage("Invalid changes-since value");
    }

    @Test
    void limitAndMarkerPageWithANextLinkOnlyWhenThePageIsFull() {
        ImageViews.Page first = ImageViews.select(IMAGES, params("limit", "2"));
        assertThat(ids(first)).containsExactly("c", "i1");
        assertThat(first.full()).isTrue();
        assertThat(views.next("images/detail", params("limit", "2", "name", "x y"), "i1"))
                .isEqualTo("http://cloud:8080/compute/v2.1/images/detail?limit=2&marker=i1&name=x%20y");
        ImageViews.Page second = ImageViews.select(IMAGES, params("limit", "2", "marker", "i1"));
        assertThat(ids(second)).containsExactly("a");
        assertThat(second.full()).isFalse();
        assertThat(ImageViews.select(IMAGES, params("marker", "a")).images()).isEmpty();
        assertThatThrownBy(() -> ImageViews.select(IMAGES, params("marker", "zz")))
                .isInstanceOf(ApiException.class)
                .hasMessage("Invalid marker. Image zz could not be found.");
        assertThatThrownBy(() -> ImageViews.select(IMAGES, params("limit", "-1")))
                .hasMessage("limit param must be positive");
        assertThatThrownBy(() -> ImageViews.select(IMAGES, params("limit", "x")))
                .hasMessage("limit param must be an integer");
    }
}
