package io.cairn.object.diskfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.io.DeviceRoot;
import io.cairn.common.io.LinuxFiles;
import io.cairn.object.metadata.ObjectMetadata;
import io.cairn.object.metadata.XattrMetadataStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The disk store: the shared contract plus what only a real filesystem has. */
class LocalDiskFileManagerTest extends DiskFileManagerContract {
    @SuppressWarnings("NullAway.Init") // injected by JUnit
    @org.junit.jupiter.api.io.TempDir
    Path devices;

    @Override
    DiskFileManager createManager(List<String> deviceNames) {
        try {
            for (String d : deviceNames) {
                Files.createDirectories(devices.resolve(d));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LocalDiskFileManager(
                new DeviceRoot(devices, false),
                HASH_PATH,
                new DiskFileConfig(DiskFileConfig.DEFAULT_RECLAIM_AGE, false, 1024),
                CLOCK,
                linuxFiles());
    }

    /** Linux's file calls (unnamed temp files, xattrs on descriptors); {@code null} for the JDK-only path. */
    @Nullable
    LinuxFiles linuxFiles() {
        return Objects.requireNonNull(LinuxFiles.load(), "no JNA bindings on this Linux machine");
    }

    /** Whether a body in progress has a name in the device's tmp dir (the JDK path) or none (O_TMPFILE). */
    boolean namedTempFiles() {
        return false;
    }

    Path hashDir(DiskFile df) {
        return devices.resolve("sda/objects/7")
                .resolve(df.nameHash().substring(29))
                .resolve(df.nameHash());
    }

    List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void shouldLaySwiftsPathsOutWhenPut() throws IOException {
        DiskFile df = obj("o");
        put(df, "x", ts(50));
        df.writeMetadata(ObjectMetadata.of(java.util.Map.of("X-Timestamp", ts(40).internal())));
        assertThat(files(hashDir(df))).containsExactly(ts(50).internal() + ".data", ts(40).internal() + ".meta");
        assertThat(XattrMetadataStore.names(hashDir(df).resolve(ts(50).internal() + ".data")))
                .contains("swift.metadata", "swift.metadata_checksum");
        assertThat(files(devices.resolve("sda/tmp"))).isEmpty();
    }

    @Test
    void shouldRemoveObsoleteFilesWhenANewerPutLands() throws IOException {
        DiskFile df = obj("o");
        put(df, "a", ts(50));
        df.writeMetadata(ObjectMetadata.of(java.util.Map.of("X-Timestamp", ts(45).internal())));
        put(df, "b", ts(40));
        assertThat(files(hashDir(df))).containsExactly(ts(40).internal() + ".data");
        df.delete(ts(30));
        assertThat(files(hashDir(df))).containsExactly(ts(30).internal() + ".ts");
    }

    @Test
    void shouldQuarantineAndInvalidateWhenMetadataChecksumMismatches() throws IOException {
        DiskFile df = obj("o");
        put(df, "x", ts(50));
        manager.suffixHashes("sda", 7, 0, List.of());
        Path data = hashDir(df).resolve(ts(50).internal() + ".data");
        Files.getFileAttributeView(data, UserDefinedFileAttributeView.class)
                .write("swift.metadata_checksum", ByteBuffer.wrap("0".repeat(32).getBytes(StandardCharsets.US_ASCII)));
        assertThatThrownBy(df::open).isInstanceOf(DiskFileQuarantined.class);
        assertThat(hashDir(df)).doesNotExist();
        assertThat(devices.resolve("sda/quarantined/objects")
                        .resolve(df.nameHash())
                        .resolve(data.getFileName()))
                .exists();
        assertThat(manager.suffixHashes("sda", 7, 0, List.of())).isEmpty();
        assertThatThrownBy(df::open).isExactlyInstanceOf(DiskFileNotExist.class);
    }

    @Test
    void shouldOpenByHashAndCheckTheNameHashWhenTheNameIsUnknown() throws IOException {
        DiskFile df = obj("o");
        put(df, "hello", ts(50));
        LocalDiskFileManager local = (LocalDiskFileManager) manager;
        try (DiskFileReader r = local.openByHash("sda", 7, 0, df.nameHash(), ts(0))) {
            assertThat(r.metadata().name()).isEqualTo("/a/c/o");
            assertThat(read(r)).isEqualTo("hello");
        }
        String wrong = "0".repeat(29) + df.nameHash().substring(29);
        Files.move(hashDir(df), hashDir(df).resolveSibling(wrong));
        assertThatThrownBy(() -> local.openByHash("sda", 7, 0, wrong, ts(0)))
                .isInstanceOf(DiskFileQuarantined.class)
                .hasMessageContaining("Hash of name in metadata does not match directory name");
        assertThat(devices.resolve("sda/quarantined/objects").resolve(wrong)).exists();
    }

    @Test
    void shouldQuarantineAndInvalidateWhenAReaderFindsTheBodyCorrupt() throws IOException {
        DiskFile df = obj("o");
        put(df, "hello", ts(50));
        assertThat(manager.suffixHashes("sda", 7, 0, List.of())).isNotEmpty();
        try (DiskFileReader r = df.open()) {
            BodyVerifier good = new BodyVerifier(r);
            good.update(ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII)));
            assertThat(good.mismatch()).isNull();
            BodyVerifier bad = new BodyVerifier(r);
            bad.update(ByteBuffer.wrap("hellO".getBytes(StandardCharsets.US_ASCII)));
            assertThatThrownBy(bad::verify)
                    .isInstanceOf(DiskFileQuarantined.class)
                    .hasMessageContaining("ETag 5d41402abc4b2a76b9719d911017c592 and file's md5");
        }
        assertThat(hashDir(df)).doesNotExist();
        assertThat(devices.resolve("sda/quarantined/objects").resolve(df.nameHash()))
                .exists();
        assertThat(manager.suffixHashes("sda", 7, 0, List.of())).isEmpty();
    }

    @Test
    void shouldStoreTheBodysCrc32cForLargeBodiesOnlyAndNeverTrustAGivenOne() throws IOException {
        DiskFile small = obj("small");
        assertThat(put(small, "hello", ts(50)).get(ObjectMetadata.BODY_CRC32C)).isNull();

        byte[] body = largeBody();
        java.util.zip.CRC32C expected = new java.util.zip.CRC32C();
        expected.update(body);
        DiskFile large = obj("large");
        ObjectMetadata stored;
        try (DiskFileWriter w = large.writer(body.length)) {
            w.write(ByteBuffer.wrap(body, 0, 1000));
            w.write(ByteBuffer.wrap(body, 1000, body.length - 1000));
            stored = w.put(meta(ts(50), ObjectMetadata.BODY_CRC32C, "0badc0de"));
        }
        assertThat(stored.get(ObjectMetadata.BODY_CRC32C))
                .isEqualTo(String.format("%08x", expected.getValue()))
                .isNotEqualTo("0badc0de");
        try (DiskFileReader r = large.open()) {
            assertThat(r.dataMetadata().get(ObjectMetadata.BODY_CRC32C))
                    .isEqualTo(stored.get(ObjectMetadata.BODY_CRC32C));
        }
    }

    @Test
    void shouldCheckAGetByTheStoredCrc32cAndQuarantineWhenItDiffers() throws IOException {
        byte[] body = largeBody();
        DiskFile df = obj("o");
        try (DiskFileWriter w = df.writer(body.length)) {
            w.write(ByteBuffer.wrap(body));
            w.put(meta(ts(50)));
        }
        try (DiskFileReader r = df.open()) {
            BodyVerifier good = BodyVerifier.forGet(r);
            good.update(ByteBuffer.wrap(body));
            assertThat(good.mismatch()).isNull();
            byte[] rotten = body.clone();
            rotten[body.length / 2] ^= 1;
            BodyVerifier bad = BodyVerifier.forGet(r);
            bad.update(ByteBuffer.wrap(rotten));
            assertThatThrownBy(bad::verify)
                    .isInstanceOf(DiskFileQuarantined.class)
                    .hasMessageContaining("and file's CRC32C");
        }
        assertThat(hashDir(df)).doesNotExist();
    }

    @Test
    void shouldCheckAGetByMd5WhenTheDataHasNoCrc32cAsSwiftWritesIt() throws IOException {
        byte[] body = largeBody();
        DiskFile df = obj("o");
        try (DiskFileWriter w = df.writer(body.length)) {
            w.write(ByteBuffer.wrap(body));
            w.put(meta(ts(50)));
        }
        // what Swift's object server writes: the same metadata without Cairn's key
        Path data = hashDir(df).resolve(ts(50).internal() + ".data");
        ObjectMetadata withCrc = XattrMetadataStore.read(data);
        java.util.Map<String, String> swift = new java.util.LinkedHashMap<>(withCrc.asMap());
        swift.remove(ObjectMetadata.BODY_CRC32C);
        XattrMetadataStore.write(data, ObjectMetadata.of(swift));
        try (DiskFileReader r = df.open()) {
            byte[] rotten = body.clone();
            rotten[0] ^= 1;
            BodyVerifier bad = BodyVerifier.forGet(r);
            bad.update(ByteBuffer.wrap(rotten));
            assertThat(bad.mismatch()).contains("and file's md5");
            BodyVerifier good = BodyVerifier.forGet(r);
            good.update(ByteBuffer.wrap(body));
            assertThat(good.mismatch()).isNull();
        }
    }

    private static byte[] largeBody() {
        byte[] body = new byte[(int) ObjectMetadata.BODY_CRC32C_MIN_BYTES + 17];
        new java.util.Random(7).nextBytes(body);
        return body;
    }

    @Test
    void shouldQuarantineWhenFileSizeDiffersFromContentLength() throws IOException {
        DiskFile df = obj("o");
        put(df, "hello", ts(50));
        try (FileChannel ch = FileChannel.open(
                hashDir(df).resolve(ts(50).internal() + ".data"), java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(2);
        }
        assertThatThrownBy(df::open).isInstanceOf(DiskFileQuarantined.class).hasMessageContaining("content-length");
        put(df, "again", ts(40)); // a second quarantine of the same hash gets a -uuid suffix
        try (FileChannel ch = FileChannel.open(
                hashDir(df).resolve(ts(40).internal() + ".data"), java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(1);
        }
        assertThatThrownBy(df::open).isInstanceOf(DiskFileQuarantined.class);
        assertThat(files(devices.resolve("sda/quarantined/objects")))
                .hasSize(2)
                .anyMatch(n -> n.startsWith(df.nameHash() + "-"));
    }

    @Test
    void shouldFailCleanlyLeavingNothingWhenMetadataExceedsXattrSpace() throws IOException {
        DiskFile df = obj("o");
        String big = "v".repeat(250);
        String[] kv = new String[40];
        for (int i = 0; i < 20; i++) {
            kv[2 * i] = "X-Object-Meta-Key" + i;
            kv[2 * i + 1] = big;
        }
        assertThatThrownBy(() -> put(df, "x", ts(50), kv))
                .isInstanceOf(DiskFileXattrTooLarge.class)
                .hasMessageContaining("extended attributes");
        assertThat(hashDir(df)).doesNotExist();
        assertThat(files(devices.resolve("sda/tmp"))).isEmpty();
        assertThatThrownBy(df::open).isExactlyInstanceOf(DiskFileNotExist.class);
    }

    /** A second manager over the same devices with other fallocate settings. */
    private LocalDiskFileManager manager(boolean fallocate, FallocateReserve reserve) {
        return new LocalDiskFileManager(
                new DeviceRoot(devices, false),
                HASH_PATH,
                new DiskFileConfig(DiskFileConfig.DEFAULT_RECLAIM_AGE, false, 1024).withFallocate(fallocate, reserve),
                CLOCK,
                linuxFiles());
    }

    private long beyondTheDevice() throws IOException {
        return Files.getFileStore(devices).getTotalSpace() * 2;
    }

    @Test
    void shouldRefuseABodyLargerThanTheDeviceWhenFallocateIsOn() throws IOException {
        long size = beyondTheDevice();
        // by the reserve check (1%), and with no reserve by fallocate itself (the JDK path: the free space)
        for (FallocateReserve reserve : List.of(FallocateReserve.DEFAULT, FallocateReserve.NONE)) {
            try (LocalDiskFileManager m = manager(true, reserve)) {
                DiskFile df = m.diskFile("sda", 7, "a", "c", "big", 0);
                assertThatThrownBy(() -> df.writer(size)).as("%s", reserve).isInstanceOf(DiskFileNoSpace.class);
            }
        }
        assertThat(files(devices.resolve("sda/tmp"))).isEmpty();
    }

    @Test
    void shouldRefuseWhatWouldLeaveLessThanTheReserveWhenFallocateIsOn() throws IOException {
        long total = Files.getFileStore(devices).getTotalSpace();
        for (FallocateReserve reserve : List.of(new FallocateReserve(100, true), new FallocateReserve(total, false))) {
            try (LocalDiskFileManager m = manager(true, reserve)) {
                DiskFile df = m.diskFile("sda", 7, "a", "c", "small", 0);
                assertThatThrownBy(() -> put(df, "x", ts(10))).as("%s", reserve).isInstanceOf(DiskFileNoSpace.class);
            }
        }
        // the size must be known: Swift does not fallocate (nor check the reserve) for a chunked body
        try (LocalDiskFileManager m = manager(true, new FallocateReserve(100, true));
                DiskFileWriter w = m.diskFile("sda", 7, "a", "c", "chunked", 0).writer(-1)) {
            w.write(ByteBuffer.wrap(new byte[] {1}));
        }
        assertThat(files(devices.resolve("sda/tmp"))).isEmpty();
    }

    @Test
    void shouldNeitherFallocateNorCheckTheReserveWhenFallocateIsDisabled() throws IOException {
        try (LocalDiskFileManager m = manager(false, new FallocateReserve(100, true))) {
            try (DiskFileWriter w = m.diskFile("sda", 7, "a", "c", "big", 0).writer(beyondTheDevice())) {
                w.write(ByteBuffer.wrap(new byte[4096])); // writes until the disk really fills
            }
            DiskFile df = m.diskFile("sda", 7, "a", "c", "small", 0);
            put(df, "x", ts(10));
            try (DiskFileReader r = df.open()) {
                assertThat(r.contentLength()).isEqualTo(1);
            }
        }
        assertThat(files(devices.resolve("sda/tmp"))).isEmpty();
    }

    @Test
    void shouldRemoveTheTempFileWhenAWriterIsAbandoned() throws IOException {
        try (DiskFileWriter w = obj("o").writer(-1)) {
            w.write(ByteBuffer.wrap(new byte[100]));
            assertThat(files(devices.resolve("sda/tmp"))).hasSize(namedTempFiles() ? 1 : 0);
        }
        assertThat(files(devices.resolve("sda/tmp"))).isEmpty();
    }

    @Test
    void shouldCreateTheTmpDirAndAnOwnerOnlyTempFileWhenAWriterOpensOnAFreshDevice() throws IOException {
        Path tmp = devices.resolve("sda/tmp");
        assertThat(tmp).doesNotExist();
        try (DiskFileWriter w1 = obj("o1").writer(-1);
                DiskFileWriter w2 = obj("o2").writer(-1)) {
            assertThat(tmp).isDirectory();
            List<String> names = files(tmp);
            assertThat(names)
                    .hasSize(namedTempFiles() ? 2 : 0)
                    .allMatch(n -> n.startsWith(LocalDiskFileManager.TEMP_PREFIX));
            for (String n : names) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve(n))))
                        .isEqualTo("rw-------");
            }
            assertThat(w1.bytesWritten()).isEqualTo(w2.bytesWritten()).isZero();
        }
        assertThat(files(tmp)).isEmpty();
    }

    @Test
    void shouldStoreDataAndTombstonesOwnerOnlyAndLeaveTheTmpDirEmpty() throws IOException {
        DiskFile df = obj("o");
        put(df, "x", ts(60));
        Path data = hashDir(df).resolve(ts(60).internal() + ".data");
        assertThat(data).hasContent("x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                .isEqualTo("rw-------");
        df.delete(ts(50));
        Path tombstone = hashDir(df).resolve(ts(50).internal() + ".ts");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tombstone)))
                .isEqualTo("rw-------");
        assertThat(XattrMetadataStore.read(tombstone).name()).isEqualTo(df.name());
        assertThat(files(devices.resolve("sda/tmp"))).isEmpty();
    }

    @Test
    void shouldKeepEveryByteOfABodyLongerThanSeveralWritebackStrides() throws Exception {
        int chunk = 1 << 20;
        int chunks = (int) (2 * LocalDiskFileWriter.WRITEBACK_STRIDE / chunk) + 3;
        java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
        byte[] bytes = new byte[chunk];
        try (DiskFileWriter w = obj("big").writer((long) chunk * chunks)) {
            for (int i = 0; i < chunks; i++) {
                java.util.Arrays.fill(bytes, (byte) i);
                md5.update(bytes);
                w.write(ByteBuffer.wrap(bytes));
            }
            w.put(meta(ts(10)));
        }
        try (DiskFileReader r = obj("big").open()) {
            assertThat(r.metadata().etag()).isEqualTo(io.cairn.common.path.HashPath.toHex(md5.digest()));
            ByteBuffer last = ByteBuffer.allocate(chunk);
            long lastStart = (long) chunk * (chunks - 1);
            while (last.hasRemaining() && r.read(last, lastStart + last.position()) > 0) {
                // read the last chunk whole
            }
            assertThat(last.array()).containsOnly((byte) (chunks - 1));
        }
    }

    @Test
    void shouldReplaceAFileOfTheSameNameWhenAMetaIsWrittenTwice() throws IOException {
        DiskFile df = obj("o");
        put(df, "x", ts(60));
        df.writeMetadata(ObjectMetadata.of(java.util.Map.of("X-Timestamp", ts(50).internal(), "X-Object-Meta-A", "1")));
        df.writeMetadata(ObjectMetadata.of(java.util.Map.of("X-Timestamp", ts(50).internal(), "X-Object-Meta-A", "2")));
        assertThat(files(hashDir(df))).containsExactly(ts(60).internal() + ".data", ts(50).internal() + ".meta");
        try (DiskFileReader r = obj("o").open()) {
            assertThat(r.metadata().get("X-Object-Meta-A")).isEqualTo("2");
        }
    }

    @Test
    void shouldRemoveLeftoverTempFilesWhenStarting() throws IOException {
        Files.createDirectories(devices.resolve("sda/tmp"));
        Files.createDirectories(devices.resolve("sda/tmp-1"));
        Files.write(devices.resolve("sda/tmp/" + LocalDiskFileManager.TEMP_PREFIX + "123.tmp"), new byte[3]);
        Files.write(devices.resolve("sda/tmp-1/" + LocalDiskFileManager.TEMP_PREFIX + "456.tmp"), new byte[3]);
        Files.write(devices.resolve("sda/tmp/incoming.db"), new byte[3]);
        assertThat(manager.cleanupTempFiles()).isEqualTo(2);
        assertThat(files(devices.resolve("sda/tmp"))).containsExactly("incoming.db");
    }

    @Test
    void shouldHandTheFileChannelOverWhenDetached() throws IOException {
        put(obj("o"), "hello", ts(50));
        FileChannel ch;
        try (DiskFileReader r = obj("o").open()) {
            ch = r.detachFileChannel();
        }
        assertThat(ch).isNotNull();
        try (FileChannel owned = java.util.Objects.requireNonNull(ch)) {
            assertThat(owned.isOpen()).isTrue();
            assertThat(owned.size()).isEqualTo(5);
        }
    }
}
