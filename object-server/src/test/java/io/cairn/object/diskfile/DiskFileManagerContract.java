package io.cairn.object.diskfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.path.HashPath;
import io.cairn.common.time.Timestamp;
import io.cairn.object.metadata.ObjectMetadata;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link DiskFileManager} shares (Swift's DiskFile semantics), run against the disk store and
 * its in-memory twin by the subclasses.
 */
abstract class DiskFileManagerContract {
    static final HashPath HASH_PATH = HashPath.of("", "cairntest");
    /** A fixed "now": 2024-01-01T00:00:00Z. */
    static final long NOW_SECONDS = 1_704_067_200L;

    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW_SECONDS), ZoneOffset.UTC);

    @SuppressWarnings("NullAway.Init") // set before each test
    DiskFileManager manager;

    @org.junit.jupiter.api.BeforeEach
    void createManagerBeforeEach() {
        manager = createManager(List.of("sda"));
    }

    abstract DiskFileManager createManager(List<String> devices);

    @AfterEach
    void closeManager() {
        manager.close();
    }

    static Timestamp ts(long secondsBeforeNow) {
        return Timestamp.ofRaw((NOW_SECONDS - secondsBeforeNow) * Timestamp.UNITS_PER_SECOND, 0);
    }

    DiskFile obj(String name) throws IOException {
        return manager.diskFile("sda", 7, "a", "c", name, 0);
    }

    static ObjectMetadata meta(Timestamp ts, String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("X-Timestamp", ts.internal());
        m.put("Content-Type", "text/plain");
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return ObjectMetadata.of(m);
    }

    static ObjectMetadata put(DiskFile df, String body, Timestamp ts, String... kv) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (DiskFileWriter w = df.writer(bytes.length)) {
            w.write(ByteBuffer.wrap(bytes));
            return w.put(meta(ts, kv));
        }
    }

    static String read(DiskFileReader r) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) r.contentLength());
        while (buf.hasRemaining() && r.read(buf, buf.position()) > 0) {
            // positional reads until full
        }
        return new String(buf.array(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadBackBodyAndMetadataWhenPut() throws IOException {
        ObjectMetadata stored = put(obj("o"), "hello", ts(10), "X-Object-Meta-Color", "blue");
        assertThat(stored.asMap())
                .containsEntry("name", "/a/c/o")
                .containsEntry("Content-Length", "5")
                .containsEntry("ETag", "5d41402abc4b2a76b9719d911017c592");
        try (DiskFileReader r = obj("o").open()) {
            assertThat(r.metadata()).isEqualTo(stored);
            assertThat(read(r)).isEqualTo("hello");
            assertThat(r.dataTimestamp()).isEqualTo(ts(10));
            assertThat(r.timestamp()).isEqualTo(ts(10));
            assertThat(r.contentLength()).isEqualTo(5);
        }
    }

    @Test
    void shouldWriteByteBufCompositesWithoutLosingBytesWhenStreaming() throws IOException {
        CompositeByteBuf composite = Unpooled.compositeBuffer();
        composite.addComponent(true, Unpooled.copiedBuffer("hel", StandardCharsets.UTF_8));
        composite.addComponent(true, Unpooled.directBuffer().writeBytes("lo".getBytes(StandardCharsets.UTF_8)));
        ByteBuf plain = Unpooled.copiedBuffer(" world", StandardCharsets.UTF_8);
        try (DiskFileWriter w = obj("o").writer(-1)) {
            w.write(composite);
            w.write(plain);
            assertThat(composite.readableBytes()).isZero();
            assertThat(w.etag()).isEqualTo("5eb63bbbe01eeed093cb22bb8f5acdc3");
            w.put(meta(ts(10)));
        } finally {
            assertThat(composite.release()).isTrue();
            assertThat(plain.release()).isTrue();
        }
        try (DiskFileReader r = obj("o").open()) {
            assertThat(read(r)).isEqualTo("hello world");
        }
    }

    @Test
    void shouldThrowNotExistWhenNothingWasWritten() {
        assertThatThrownBy(() -> obj("missing").open()).isExactlyInstanceOf(DiskFileNotExist.class);
    }

    @Test
    void shouldKeepTheNewestWhenPutsArriveOutOfOrder() throws IOException {
        put(obj("o"), "new", ts(5));
        put(obj("o"), "old", ts(50));
        try (DiskFileReader r = obj("o").open()) {
            assertThat(read(r)).isEqualTo("new");
        }
    }

    @Test
    void shouldThrowDeletedWithTheTombstoneTimeWhenDeleted() throws IOException {
        put(obj("o"), "x", ts(50));
        obj("o").delete(ts(40));
        assertThatThrownBy(() -> obj("o").open())
                .isInstanceOfSatisfying(
                        DiskFileDeleted.class, e -> assertThat(e.timestamp()).isEqualTo(ts(40)));
        put(obj("o"), "back", ts(30));
        try (DiskFileReader r = obj("o").open()) {
            assertThat(read(r)).isEqualTo("back");
        }
    }

    @Test
    void shouldMergeMetaAndKeepSysmetaWhenPosted() throws IOException {
        put(obj("o"), "x", ts(50), "X-Object-Meta-Old", "1", "X-Object-Sysmeta-S", "keep");
        obj("o").writeMetadata(ObjectMetadata.of(Map.of("X-Timestamp", ts(40).internal(), "X-Object-Meta-New", "2")));
        try (DiskFileReader r = obj("o").open()) {
            assertThat(r.metadata().asMap())
                    .containsEntry("X-Object-Meta-New", "2")
                    .containsEntry("X-Object-Sysmeta-S", "keep")
                    .containsEntry("Content-Type", "text/plain")
                    .containsEntry("Content-Length", "1")
                    .doesNotContainKey("X-Object-Meta-Old");
            assertThat(r.timestamp()).isEqualTo(ts(40));
            assertThat(r.dataTimestamp()).isEqualTo(ts(50));
            assertThat(r.contentTypeTimestamp()).isEqualTo(ts(50));
        }
    }

    @Test
    void shouldTakeTheNewerContentTypeWhenPostedWithContentTypeTimestamp() throws IOException {
        put(obj("o"), "x", ts(50));
        obj("o").writeMetadata(ObjectMetadata.of(Map.of(
                "X-Timestamp", ts(40).internal(),
                "Content-Type", "image/png",
                "Content-Type-Timestamp", ts(45).internal())));
        try (DiskFileReader r = obj("o").open()) {
            assertThat(r.metadata().contentType()).isEqualTo("image/png");
            assertThat(r.contentTypeTimestamp()).isEqualTo(ts(45));
        }
    }

    @Test
    void shouldThrowExpiredWhenDeleteAtHasPassed() throws IOException {
        put(obj("o"), "x", ts(50), "X-Delete-At", Long.toString(NOW_SECONDS - 1));
        assertThatThrownBy(() -> obj("o").open()).isInstanceOf(DiskFileExpired.class);
        try (DiskFileReader r = obj("o").open(ts(5))) {
            assertThat(read(r)).isEqualTo("x");
        }
    }

    @Test
    void shouldRefuseAndWriteNothingWhenEtagOrSizeDisagree() throws IOException {
        try (DiskFileWriter w = obj("o").writer(-1)) {
            w.write(ByteBuffer.wrap("abc".getBytes(StandardCharsets.UTF_8)));
            assertThatThrownBy(() -> w.put(meta(ts(5), "ETag", "00000000000000000000000000000000")))
                    .isInstanceOf(DiskFileEtagMismatch.class);
        }
        try (DiskFileWriter w = obj("o").writer(10)) {
            w.write(ByteBuffer.wrap("abc".getBytes(StandardCharsets.UTF_8)));
            assertThatThrownBy(() -> w.put(meta(ts(5)))).isInstanceOf(DiskFileSizeMismatch.class);
        }
        assertThatThrownBy(() -> obj("o").open()).isExactlyInstanceOf(DiskFileNotExist.class);
    }

    @Test
    void shouldThrowDeviceUnavailableWhenDeviceIsUnknown() {
        assertThatThrownBy(() -> manager.diskFile("nope", 7, "a", "c", "o", 0))
                .isInstanceOf(DiskFileDeviceUnavailable.class);
    }

    @Test
    void shouldChangeTheSuffixHashWhenAnObjectChanges() throws IOException {
        assertThat(manager.suffixHashes("sda", 7, 0, List.of())).isEmpty();
        DiskFile df = obj("o");
        String suffix = df.nameHash().substring(29);
        put(df, "x", ts(50));
        Map<String, String> first = manager.suffixHashes("sda", 7, 0, List.of());
        assertThat(first).containsOnlyKeys(suffix);
        df.delete(ts(40));
        Map<String, String> second = manager.suffixHashes("sda", 7, 0, List.of());
        assertThat(second).containsOnlyKeys(suffix);
        assertThat(second.get(suffix)).isNotEqualTo(first.get(suffix));
        // Swift's value for a suffix holding one tombstone: md5 of "<ts>.ts"
        assertThat(second.get(suffix)).isEqualTo(md5Hex(ts(40).internal() + ".ts"));
    }

    @Test
    void shouldReclaimOldTombstonesWhenHashing() throws IOException {
        DiskFile df = obj("o");
        df.delete(ts(DiskFileConfig.DEFAULT_RECLAIM_AGE + 10));
        assertThat(manager.suffixHashes("sda", 7, 0, List.of())).isEmpty();
        assertThatThrownBy(df::open).isExactlyInstanceOf(DiskFileNotExist.class);
    }

    static String md5Hex(String s) {
        java.security.MessageDigest md5 = SuffixHasher.newMd5();
        return HashPath.toHex(md5.digest(s.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void shouldYieldEveryHashWithItsTimestampsWhenListingSuffixes() throws IOException {
        put(obj("data"), "x", ts(50));
        put(obj("posted"), "x", ts(50));
        obj("posted")
                .writeMetadata(ObjectMetadata.of(Map.of(
                        "X-Timestamp", ts(40).internal(),
                        "Content-Type", "image/png",
                        "Content-Type-Timestamp", ts(45).internal())));
        put(obj("gone"), "x", ts(50));
        obj("gone").delete(ts(30));
        java.util.Set<String> suffixes =
                manager.suffixHashes("sda", 7, 0, List.of()).keySet();
        Map<String, ObjectTimestamps> byHash = new LinkedHashMap<>();
        for (ObjectTimestamps t : manager.yieldHashes("sda", 7, 0, suffixes)) {
            byHash.put(t.nameHash(), t);
        }
        assertThat(byHash).hasSize(3);
        assertThat(byHash.get(obj("data").nameHash()))
                .isEqualTo(new ObjectTimestamps(obj("data").nameHash(), ts(50), null, null, true));
        assertThat(byHash.get(obj("posted").nameHash()))
                .isEqualTo(new ObjectTimestamps(obj("posted").nameHash(), ts(50), ts(40), ts(45), true));
        assertThat(byHash.get(obj("gone").nameHash()))
                .isEqualTo(new ObjectTimestamps(obj("gone").nameHash(), ts(30), null, null, true));
        assertThat(manager.yieldHashes("sda", 7, 0, List.of())).isEmpty();
    }

    @Test
    void shouldFindTheObjectByItsHashWhenItHasFiles() throws IOException {
        put(obj("dir/with slash ü"), "body", ts(50));
        DiskFile df = manager.diskFileFromHash("sda", 7, obj("dir/with slash ü").nameHash(), 0);
        assertThat(df.name()).isEqualTo("/a/c/dir/with slash ü");
        try (DiskFileReader r = df.open()) {
            assertThat(read(r)).isEqualTo("body");
        }
        assertThatThrownBy(() -> manager.diskFileFromHash("sda", 7, "0123456789abcdef0123456789abcdef", 0))
                .isInstanceOf(DiskFileNotExist.class);
    }
}
