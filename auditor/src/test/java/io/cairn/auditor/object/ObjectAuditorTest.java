package io.cairn.auditor.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cairn.common.config.IniFile;
import io.cairn.common.daemon.PassReport;
import io.cairn.common.io.DeviceRoot;
import io.cairn.common.path.HashPath;
import io.cairn.common.testing.DiskCorruption;
import io.cairn.common.testing.ManualClock;
import io.cairn.common.time.Timestamp;
import io.cairn.object.diskfile.DiskFile;
import io.cairn.object.diskfile.DiskFileConfig;
import io.cairn.object.diskfile.DiskFileReader;
import io.cairn.object.diskfile.DiskFileWriter;
import io.cairn.object.diskfile.LocalDiskFileManager;
import io.cairn.object.metadata.ObjectMetadata;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Object auditor passes over real files with xattrs in a temp devices dir; time is a manual clock. */
@Timeout(60)
class ObjectAuditorTest {
    private static final HashPath HASH_PATH = HashPath.of("", "auditortest");
    private static final int PART = 3;

    @TempDir
    Path devices;

    private final ManualClock clock = new ManualClock(Instant.ofEpochSecond(1_704_067_200L));
    private LocalDiskFileManager manager;

    @BeforeEach
    void createManager() throws IOException {
        Files.createDirectories(devices.resolve("sda"));
        manager = new LocalDiskFileManager(
                new DeviceRoot(devices, false),
                HASH_PATH,
                new DiskFileConfig(DiskFileConfig.DEFAULT_RECLAIM_AGE, false, 1024),
                clock);
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    private ObjectAuditor auditor(ObjectAuditor.Mode mode, String conf) {
        ObjectAuditorConfig config = ObjectAuditorConfig.from(IniFile.parse("[object-auditor]\n" + conf, "test"));
        return new ObjectAuditor(mode, config, manager, new DeviceRoot(devices, false), clock, clock);
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private DiskFile put(String name, byte[] body) throws IOException {
        DiskFile df = manager.diskFile("sda", PART, "a", "c", name, 0);
        try (DiskFileWriter w = df.writer(body.length)) {
            w.write(ByteBuffer.wrap(body));
            w.put(ObjectMetadata.of(Map.of(
                    "X-Timestamp", Timestamp.now(clock).internal(), "Content-Type", "application/octet-stream")));
        }
        return df;
    }

    private Path hashDir(DiskFile df) {
        String hash = df.nameHash();
        return devices.resolve("sda/objects/" + PART)
                .resolve(hash.substring(29))
                .resolve(hash);
    }

    private Path dataFile(DiskFile df) throws IOException {
        try (Stream<Path> files = Files.list(hashDir(df))) {
            return files.filter(p -> p.toString().endsWith(".data")).findFirst().orElseThrow();
        }
    }

    private Path quarantined(DiskFile df) {
        return devices.resolve("sda/quarantined/objects").resolve(df.nameHash());
    }

    private byte[] readBack(DiskFile df) throws IOException {
        try (DiskFileReader r = df.open()) {
            ByteBuffer buf = ByteBuffer.allocate((int) r.contentLength());
            while (buf.hasRemaining() && r.read(buf, buf.position()) > 0) {
                // positional reads until full
            }
            return buf.array();
        }
    }

    @Test
    void shouldQuarantineAndInvalidateTheSuffixWhenAnAllPassFindsAFlippedByte() throws Exception {
        byte[] goodBody = bytes(70_000, 1);
        DiskFile good = put("good", goodBody);
        DiskFile bad = put("bad", bytes(1000, 2));
        String badSuffix = bad.nameHash().substring(29);
        Map<String, String> before = manager.suffixHashes("sda", PART, 0, List.of());
        assertThat(before).containsKey(badSuffix);
        Path badData = dataFile(bad);
        DiskCorruption.flipByte(badData, 999);

        PassReport report = auditor(ObjectAuditor.Mode.ALL, "").runOnce();

        assertThat(report.counter(ObjectAuditor.OBJECTS_AUDITED)).isEqualTo(2);
        assertThat(report.counter(ObjectAuditor.QUARANTINED)).isEqualTo(1);
        assertThat(report.counter(ObjectAuditor.ERRORS)).isZero();
        assertThat(report.counter(ObjectAuditor.BYTES_AUDITED)).isEqualTo(71_000);
        assertThat(report.completed()).isTrue();
        assertThat(Files.exists(hashDir(bad))).isFalse();
        assertThat(quarantined(bad).resolve(badData.getFileName())).exists();
        // REPLICATE recomputes the invalidated suffix: it no longer holds the quarantined object
        Map<String, String> after = manager.suffixHashes("sda", PART, 0, List.of());
        assertThat(after.get(badSuffix)).isNotEqualTo(before.get(badSuffix));
        assertThat(readBack(good)).isEqualTo(goodBody);
    }

    @Test
    void shouldLeaveGoodObjectsUntouchedWhenEveryEtagMatches() throws Exception {
        byte[] a = bytes(200_000, 3);
        byte[] b = bytes(1, 4);
        DiskFile da = put("a", a);
        DiskFile db = put("b", b);
        DiskFile empty = put("empty", new byte[0]);
        Map<String, String> before = manager.suffixHashes("sda", PART, 0, List.of());
        long mtime = Files.getLastModifiedTime(dataFile(da)).toMillis();

        PassReport report = auditor(ObjectAuditor.Mode.ALL, "").runOnce();

        assertThat(report.counter(ObjectAuditor.OBJECTS_AUDITED)).isEqualTo(3);
        assertThat(report.counter(ObjectAuditor.QUARANTINED)).isZero();
        assertThat(report.counter(ObjectAuditor.BYTES_AUDITED)).isEqualTo(200_001);
        assertThat(readBack(da)).isEqualTo(a);
        assertThat(readBack(db)).isEqualTo(b);
        assertThat(readBack(empty)).isEmpty();
        assertThat(Files.getLastModifiedTime(dataFile(da)).toMillis()).isEqualTo(mtime);
        assertThat(manager.suffixHashes("sda", PART, 0, List.of())).isEqualTo(before);
        assertThat(devices.resolve("sda/quarantined")).doesNotExist();
    }

    @Test
    void shouldQuarantineAZeroByteDataFileWithoutReadingBodiesWhenZbfPass() throws Exception {
        DiskFile truncated = put("truncated", bytes(5000, 5));
        DiskFile flipped = put("flipped", bytes(5000, 6));
        try (FileChannel ch = FileChannel.open(dataFile(truncated), StandardOpenOption.WRITE)) {
            ch.truncate(0); // a crash left the file empty; its xattrs still say Content-Length 5000
        }
        DiskCorruption.flipByte(dataFile(flipped), 10);

        PassReport zbf = auditor(ObjectAuditor.Mode.ZBF, "").runOnce();

        assertThat(zbf.daemon()).isEqualTo("object-auditor-zbf");
        assertThat(zbf.counter(ObjectAuditor.QUARANTINED)).isEqualTo(1);
        assertThat(zbf.counter(ObjectAuditor.BYTES_AUDITED)).isZero();
        assertThat(quarantined(truncated)).exists();
        // same size, wrong content: only a pass that reads bodies can tell
        assertThat(hashDir(flipped)).exists();

        PassReport all = auditor(ObjectAuditor.Mode.ALL, "").runOnce();

        assertThat(all.daemon()).isEqualTo("object-auditor");
        assertThat(all.counter(ObjectAuditor.QUARANTINED)).isEqualTo(1);
        assertThat(quarantined(flipped)).exists();
    }

    @Test
    void shouldQuarantineWhenTheStoredNameDoesNotHashToTheDirectory() throws Exception {
        DiskFile df = put("o", bytes(10, 7));
        Path dir = hashDir(df);
        String wrongHash = "0".repeat(29) + df.nameHash().substring(29);
        Path moved = Files.move(dir, dir.resolveSibling(wrongHash));

        PassReport report = auditor(ObjectAuditor.Mode.ZBF, "").runOnce();

        assertThat(report.counter(ObjectAuditor.QUARANTINED)).isEqualTo(1);
        assertThat(moved).doesNotExist();
        assertThat(devices.resolve("sda/quarantined/objects").resolve(wrongHash))
                .exists();
    }

    @Test
    void shouldTakeTheExpectedVirtualTimeWhenFilesPerSecondLimitsThePass() throws Exception {
        for (int i = 0; i < 5; i++) {
            put("o" + i, bytes(100, i));
        }

        PassReport report = auditor(ObjectAuditor.Mode.ALL, "files_per_second = 2\nbytes_per_second = 0\n")
                .runOnce();

        // the first object is free, each of the other four waits 1/2 s
        assertThat(clock.slept().toMillis()).isCloseTo(2000L, within(1L));
        assertThat(report.counter(ObjectAuditor.OBJECTS_AUDITED)).isEqualTo(5);
        assertThat(report.duration()).isEqualTo(clock.slept());
        assertThat(report.counter(ObjectAuditor.FILES_PER_SECOND)).isEqualTo(2);
    }

    @Test
    void shouldTakeTheExpectedVirtualTimeWhenBytesPerSecondLimitsThePass() throws Exception {
        put("big", bytes(300_000, 9));

        auditor(ObjectAuditor.Mode.ALL, "files_per_second = 0\nbytes_per_second = 100000\n")
                .runOnce();

        // read in 64 KiB chunks, each booked after it is read: the pass waits for all but the last chunk
        assertThat(clock.slept().toMillis()).isCloseTo(4 * 65_536L * 1000 / 100_000, within(2L));
    }

    @Test
    void shouldUseZeroByteFilesPerSecondWhenZbfPass() throws Exception {
        for (int i = 0; i < 3; i++) {
            put("o" + i, bytes(10, i));
        }

        auditor(ObjectAuditor.Mode.ZBF, "zero_byte_files_per_second = 4\nfiles_per_second = 1\n")
                .runOnce();

        assertThat(clock.slept().toMillis()).isCloseTo(500L, within(1L));
    }

    @Test
    void shouldInvalidateTheSuffixWhenAllPassMeetsATombstoneOlderThanReclaimAge() throws Exception {
        DiskFile df = manager.diskFile("sda", PART, "a", "c", "gone", 0);
        df.delete(Timestamp.now(clock));
        String suffix = df.nameHash().substring(29);
        assertThat(manager.suffixHashes("sda", PART, 0, List.of())).containsKey(suffix);
        clock.advance(Duration.ofSeconds(DiskFileConfig.DEFAULT_RECLAIM_AGE + 10));

        PassReport zbf = auditor(ObjectAuditor.Mode.ZBF, "").runOnce();
        PassReport all = auditor(ObjectAuditor.Mode.ALL, "").runOnce();

        assertThat(zbf.counter("tombstones_invalidated")).isZero();
        assertThat(all.counter("tombstones_invalidated")).isEqualTo(1);
        // the rehash the invalidation asked for reclaims the old tombstone and drops the emptied suffix
        assertThat(manager.suffixHashes("sda", PART, 0, List.of())).doesNotContainKey(suffix);
    }

    @Test
    void shouldReadSwiftsKeysAndDefaultsWhenConfigured() {
        ObjectAuditorConfig defaults = ObjectAuditorConfig.defaults();
        assertThat(defaults.filesPerSecond()).isEqualTo(20);
        assertThat(defaults.bytesPerSecond()).isEqualTo(10_000_000);
        assertThat(defaults.zeroByteFilesPerSecond()).isEqualTo(50);
        assertThat(defaults.interval()).isEqualTo(Duration.ofSeconds(30));
        ObjectAuditorConfig conf = ObjectAuditorConfig.from(IniFile.parse(
                "[DEFAULT]\ndevices = /d\n[object-auditor]\nfiles_per_second = 5\nconcurrency = 2\nfiles_per_secnd = 1\n",
                "test"));
        assertThat(conf.devices()).isEqualTo(Path.of("/d"));
        assertThat(conf.filesPerSecond()).isEqualTo(5);
        assertThat(conf.ignoredKeys()).containsExactly("concurrency");
        assertThat(conf.unknownKeys()).containsExactly("files_per_secnd");
    }
}
