package io.cairn.compute.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.compute.system.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ImagePatchTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static List<ImagePatch.Op> ops(String json, String media) {
        JsonNode node = JSON.readTree(json);
        return ImagePatch.parse(node, media);
    }

    private static Image queued() {
        Image i = new Image("11111111-2222-3333-4444-555555555555");
        i.properties.put("os_distro", "debian");
        return i;
    }

    private static int status(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            return e.status().value();
        }
        return 200;
    }

    @Test
    void addActsAsReplaceOnExistingKeysAsOscSendsIt() {
        Image i = queued();
        ImagePatch.apply(
                i,
                ops(
                        "[{\"op\":\"add\",\"path\":\"/os_distro\",\"value\":\"ubuntu\"},"
                                + "{\"op\":\"add\",\"path\":\"/min_disk\",\"value\":1},"
                                + "{\"op\":\"add\",\"path\":\"/tags\",\"value\":[\"t1\",\"t2\"]}]",
                        ImagePatch.V21),
                false);
        assertThat(i.properties).containsEntry("os_distro", "ubuntu");
        assertThat(i.minDisk).isEqualTo(1);
        assertThat(i.tags).containsExactly("t1", "t2");
    }

    @Test
    void theOlderV20MediaTypeWorks() {
        Image i = queued();
        ImagePatch.apply(
                i, ops("[{\"replace\":\"/name\",\"value\":\"n\"},{\"remove\":\"/os_distro\"}]", ImagePatch.V20), false);
        assertThat(i.name).isEqualTo("n");
        assertThat(i.properties).doesNotContainKey("os_distro");
    }

    @Test
    void readOnlyAndReservedPathsAre403() {
        for (String path : List.of("status", "checksum", "size", "id", "os_hash_value", "created_at", "self")) {
            assertThat(status(() -> ImagePatch.apply(
                            queued(),
                            ops("[{\"op\":\"replace\",\"path\":\"/" + path + "\",\"value\":\"x\"}]", ImagePatch.V21),
                            true)))
                    .as(path)
                    .isEqualTo(403);
        }
        for (String path : List.of("deleted", "location", "os_glance_import_task")) {
            assertThat(status(() -> ImagePatch.apply(
                            queued(),
                            ops("[{\"op\":\"add\",\"path\":\"/" + path + "\",\"value\":\"x\"}]", ImagePatch.V21),
                            true)))
                    .as(path)
                    .isEqualTo(403);
        }
    }

    @Test
    void replacingOrRemovingAMissingPropertyIs409() {
        assertThat(status(() -> ImagePatch.apply(
                        queued(),
                        ops("[{\"op\":\"replace\",\"path\":\"/nope\",\"value\":\"x\"}]", ImagePatch.V21),
                        false)))
                .isEqualTo(409);
        assertThat(status(() -> ImagePatch.apply(
                        queued(), ops("[{\"op\":\"remove\",\"path\":\"/nope\"}]", ImagePatch.V21), false)))
                .isEqualTo(409);
    }

    @Test
    void formatsChangeOnlyWhileQueuedAndPublicNeedsAdmin() {
        Image active = queued();
        active.status = ImageStatus.ACTIVE;
        assertThat(status(() -> ImagePatch.apply(
                        active,
                        ops("[{\"op\":\"replace\",\"path\":\"/disk_format\",\"value\":\"raw\"}]", ImagePatch.V21),
                        true)))
                .isEqualTo(403);
        assertThat(status(() -> ImagePatch.apply(
                        queued(),
                        ops("[{\"op\":\"replace\",\"path\":\"/visibility\",\"value\":\"public\"}]", ImagePatch.V21),
                        false)))
                .isEqualTo(403);
    }

    @Test
    void badValuesAndShapesAre400() {
        for (String body : List.of(
                "{}",
                "[{\"op\":\"move\",\"path\":\"/a\",\"value\":\"b\"}]",
                "[{\"op\":\"add\",\"path\":\"a\",\"value\":\"b\"}]",
                "[{\"op\":\"add\",\"path\":\"/a/b\",\"value\":\"b\"}]",
                "[{\"op\":\"add\",\"path\":\"/a\"}]",
                "[{\"op\":\"add\",\"path\":\"/a\",\"value\":5}]",
                "[{\"op\":\"add\",\"path\":\"/min_ram\",\"value\":-1}]",
                "[{\"op\":\"add\",\"path\":\"/disk_format\",\"value\":\"exe\"}]",
                "[{\"op\":\"add\",\"path\":\"/name\",\"value\":\"" + "n".repeat(256) + "\"}]")) {
            assertThat(status(() -> ImagePatch.apply(queued(), ops(body, ImagePatch.V21), true)))
                    .as(body)
                    .isEqualTo(400);
        }
    }
}
