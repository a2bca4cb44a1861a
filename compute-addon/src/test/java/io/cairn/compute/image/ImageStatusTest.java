package io.cairn.compute.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.compute.system.ApiException;
import org.junit.jupiter.api.Test;

class ImageStatusTest {
    @Test
    void uploadPathIsQueuedSavingActive() {
        assertThat(ImageStatus.QUEUED.canBecome(ImageStatus.SAVING)).isTrue();
        assertThat(ImageStatus.SAVING.canBecome(ImageStatus.ACTIVE)).isTrue();
        // a failed upload goes back to queued
        assertThat(ImageStatus.SAVING.canBecome(ImageStatus.QUEUED)).isTrue();
    }

    @Test
    void aSecondUploadToAnActiveImageIsAConflict() {
        assertThatThrownBy(() -> ImageStatus.ACTIVE.checkTransition(ImageStatus.SAVING))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status().value()).isEqualTo(409))
                .hasMessageContaining("active to saving");
    }

    @Test
    void deactivationGoesBothWaysOnlyFromActive() {
        assertThat(ImageStatus.ACTIVE.canBecome(ImageStatus.DEACTIVATED)).isTrue();
        assertThat(ImageStatus.DEACTIVATED.canBecome(ImageStatus.ACTIVE)).isTrue();
        assertThat(ImageStatus.QUEUED.canBecome(ImageStatus.DEACTIVATED)).isFalse();
        assertThat(ImageStatus.KILLED.canBecome(ImageStatus.ACTIVE)).isFalse();
    }

    @Test
    void deletedIsFinalAndEveryOtherStateCanBeDeletedOrEscaped() {
        assertThat(ImageStatus.DELETED.next()).isEmpty();
        for (ImageStatus s : ImageStatus.values()) {
            if (s != ImageStatus.DELETED && s != ImageStatus.UPLOADING) {
                assertThat(s.canBecome(ImageStatus.DELETED)).as(s.wire()).isTrue();
            }
            assertThat(ImageStatus.fromWire(s.wire())).isEqualTo(s);
        }
    }
}
