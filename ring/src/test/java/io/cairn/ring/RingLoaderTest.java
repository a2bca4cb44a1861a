package io.cairn.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.ring.format.RingDataSamples;
import io.cairn.ring.format.RingFileWriter;
import io.cairn.ring.format.RingFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RingLoaderTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private final List<String> events = new ArrayList<>();
    private final RingReloadListener listener = new RingReloadListener() {
        @Override
        public void reloaded(Path file, Ring ring) {
            events.add("reloaded " + ring.version());
        }

        @Override
        public void reloadFailed(Path file, Exception cause) {
            events.add("failed " + cause.getClass().getSimpleName());
        }
    };

    private Path write(long version, long mtimeSeconds) throws IOException {
        Path file = dir.resolve("object.ring.gz");
        RingData data = RingDataSamples.random(new Random(version), 6, 3, 10);
        RingFileWriter.writeV1(new RingData(data.devices(), rows(data), data.partShift(), version, null), file);
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(mtimeSeconds)));
        return file;
    }

    private static int[][] rows(RingData data) {
        int[][] rows = new int[data.rowCount()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = data.row(r);
        }
        return rows;
    }

    @Test
    void shouldReloadOnlyAfterTheIntervalAndOnlyWhenTheMtimeChanged() throws IOException {
        Path file = write(1, 1000);
        RingLoader loader = new RingLoader(file, Duration.ofSeconds(15), clock, listener);
        Ring first = loader.ring();
        assertThat(first.version()).isEqualTo(1L);

        write(2, 2000);
        clock.advance(Duration.ofSeconds(14));
        assertThat(loader.ring()).isSameAs(first);
        clock.advance(Duration.ofSeconds(1));
        assertThat(loader.ring().version()).isEqualTo(2L);
        assertThat(events).containsExactly("reloaded 2");

        Ring second = loader.ring();
        clock.advance(Duration.ofSeconds(15));
        assertThat(loader.ring()).as("same mtime: no reload").isSameAs(second);
        assertThat(events).containsExactly("reloaded 2");
    }

    @Test
    void shouldKeepTheOldRingAndReportOnceWhenTheNewFileIsBroken() throws IOException {
        Path file = write(1, 1000);
        RingLoader loader = new RingLoader(file, Duration.ofSeconds(15), clock, listener);
        Ring first = loader.ring();

        Files.write(file, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2});
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(2000)));
        clock.advance(Duration.ofSeconds(15));
        assertThat(loader.ring()).isSameAs(first);
        clock.advance(Duration.ofSeconds(15));
        assertThat(loader.ring()).isSameAs(first);
        assertThat(events).as("the same broken file is not re-read").containsExactly("failed RingFormatException");

        write(3, 3000);
        assertThat(loader.reloadIfChanged().version()).isEqualTo(3L);
        assertThat(events).containsExactly("failed RingFormatException", "reloaded 3");
    }

    @Test
    void shouldKeepTheOldRingWhenTheFileDisappears() throws IOException {
        Path file = write(1, 1000);
        RingLoader loader = new RingLoader(file, Duration.ofSeconds(15), clock, listener);
        Files.delete(file);
        clock.advance(Duration.ofSeconds(16));
        assertThat(loader.ring().version()).isEqualTo(1L);
        assertThat(events).containsExactly("failed NoSuchFileException");
    }

    @Test
    void shouldFailToStartWhenTheFirstRingIsBroken() throws IOException {
        Path file = dir.resolve("object.ring.gz");
        Files.writeString(file, "not a ring");
        assertThatThrownBy(() -> new RingLoader(file, Duration.ofSeconds(15), clock, listener))
                .isInstanceOf(RingFormatException.class)
                .hasMessageContaining("object.ring.gz");
        assertThat(RingLoader.DEFAULT_RELOAD_INTERVAL).isEqualTo(Duration.ofSeconds(15));
    }

    /** A clock tests move by hand. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.ofEpochSecond(1_700_000_000L);

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
