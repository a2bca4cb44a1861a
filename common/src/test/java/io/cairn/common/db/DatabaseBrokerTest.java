package io.cairn.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseBrokerTest {
    @TempDir
    Path devices;

    private Path dbFile() {
        return DbPaths.dbFile(devices.resolve("sda"), DbPaths.ACCOUNTS, "7", "0123456789abcdef0123456789abcabc");
    }

    @Test
    void shouldCreateAtSwiftsPathWithSwiftsSettingsWhenInitialized() throws Exception {
        try (ToyBroker b = new ToyBroker(dbFile())) {
            b.initialize("0000000001.00000", 0);
            assertThat(b.dbFile().toString())
                    .endsWith("sda/accounts/7/abc/0123456789abcdef0123456789abcabc/"
                            + "0123456789abcdef0123456789abcabc.db");
            String journalMode = b.read(c -> {
                try (var st = c.createStatement();
                        var rs = st.executeQuery("PRAGMA journal_mode")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(journalMode).isEqualTo("delete");
            assertThat(String.valueOf(b.info().get("id"))).endsWith("-sda");
            try (var listing = Files.list(b.dbFile().getParent())) {
                assertThat(listing).containsExactly(b.dbFile());
            }
            assertThatThrownBy(() -> new ToyBroker(dbFile()).initialize("2", 0))
                    .isInstanceOf(DatabaseAlreadyExistsException.class);
        }
    }

    @Test
    void shouldFoldPendingEntriesInAndTruncateWhenCommitting() throws Exception {
        try (ToyBroker b = new ToyBroker(dbFile())) {
            b.initialize("1", 0);
            String pending = ":" + b64("one") + ":" + b64("two") + ":!!notbase64!!";
            Files.writeString(b.pendingFile(), pending, StandardCharsets.US_ASCII);
            assertThat(b.commitPending()).isEqualTo(2);
            assertThat(Files.size(b.pendingFile())).isZero();
            assertThat(b.info().get("thing_count")).isEqualTo(2);
            assertThat(b.info().get("hash"))
                    .isEqualTo(Chexor.chexor(Chexor.chexor(Chexor.EMPTY, "one", "x"), "two", "x"));
            assertThat(b.itemsSince(-1, 10)).extracting(r -> r.get("name")).containsExactly("one", "two");
            assertThat(b.maxRow()).isEqualTo(2);
        }
    }

    @Test
    void shouldAppendEntriesInSwiftsFormatWithoutATransactionWhenUnderTheCap() throws Exception {
        try (ToyBroker b = new ToyBroker(dbFile())) {
            b.initialize("1", 0);
            long before = b.transactionCount();
            DatabaseBroker.PendingAppend first = b.appendPending(List.of("one", "two"));
            DatabaseBroker.PendingAppend second = b.appendPending(List.of("three"));
            String expected = ":" + b64("one") + ":" + b64("two") + ":" + b64("three");
            assertThat(Files.readString(b.pendingFile(), StandardCharsets.US_ASCII))
                    .isEqualTo(expected);
            assertThat(first.startedPendingFile()).isTrue();
            assertThat(second.startedPendingFile()).isFalse();
            assertThat(second.sizeAfter()).isEqualTo(expected.length());
            assertThat(b.transactionCount()).isEqualTo(before);
            assertThat(b.commitPending()).isEqualTo(3);
            assertThat(b.itemsSince(-1, 10)).extracting(r -> r.get("name")).containsExactly("one", "two", "three");
            assertThat(b.dbFile().resolveSibling(".lock")).exists();
        }
    }

    @Test
    void shouldFoldInsteadOfAppendingWhenThePendingFileIsOverTheCap() throws Exception {
        try (ToyBroker b = new ToyBroker(dbFile())) {
            b.initialize("1", 0);
            StringBuilder big = new StringBuilder();
            int entries = 0;
            while (big.length() <= PendingFile.PENDING_CAP) {
                big.append(':').append(b64("row-" + entries + "-" + "x".repeat(1000)));
                entries++;
            }
            Files.writeString(b.pendingFile(), big, StandardCharsets.US_ASCII);
            long before = b.transactionCount();
            DatabaseBroker.PendingAppend outcome = b.appendPending(List.of("late"));
            assertThat(outcome.sizeBefore()).isGreaterThan(PendingFile.PENDING_CAP);
            assertThat(outcome.sizeAfter()).isZero();
            assertThat(b.transactionCount()).isEqualTo(before + 1);
            assertThat(Files.size(b.pendingFile())).isZero();
            assertThat(b.info().get("thing_count")).isEqualTo(entries + 1);
            // Swift's _commit_puts(item_list) merges the new record first, then the file's entries
            assertThat(b.itemsSince(-1, 1)).extracting(r -> r.get("name")).containsExactly("late");
        }
    }

    @Test
    void shouldRefuseToAppendWhenTheDbDoesNotExist() {
        try (ToyBroker b = new ToyBroker(dbFile())) {
            assertThatThrownBy(() -> b.appendPending(List.of("x")))
                    .isInstanceOf(java.nio.file.NoSuchFileException.class)
                    .hasMessageContaining("DB doesn't exist");
            assertThat(b.pendingFile()).doesNotExist();
        }
    }

    @Test
    void shouldMergeSyncPointsAndReIdWhenReplicating() throws Exception {
        try (ToyBroker b = new ToyBroker(dbFile())) {
            b.initialize("1", 0);
            b.mergeItems(List.of("a", "b", "c"), "remote-1", 17);
            assertThat(b.sync("remote-1", true)).isEqualTo(17);
            b.mergeSyncs(List.of(Map.of("remote_id", "remote-1", "sync_point", 5L)), true);
            assertThat(b.sync("remote-1", true)).isEqualTo(17);
            b.mergeSyncs(List.of(Map.of("remote_id", "remote-2", "sync_point", 9L)), false);
            assertThat(b.syncs(false)).hasSize(1);
            Object oldId = b.info().get("id");
            b.newId("rsynced-from");
            assertThat(b.info().get("id")).isNotEqualTo(oldId);
            assertThat(b.sync("rsynced-from", true)).isEqualTo(3);
        }
    }

    @Test
    void shouldRejectMetadataOverLimitsWithoutWriting() throws Exception {
        try (ToyBroker b = new ToyBroker(dbFile())) {
            b.initialize("1", 0);
            DbMetadata ok = DbMetadata.empty();
            ok.put("X-Account-Meta-A", new DbMetadata.Item("1", "0000000002.00000"));
            assertThat(b.updateMetadata(ok, 90, 4096)).isNull();
            DbMetadata tooBig = DbMetadata.empty();
            tooBig.put("X-Account-Meta-B", new DbMetadata.Item("x".repeat(4095), "0000000003.00000"));
            long before = b.transactionCount();
            assertThat(b.updateMetadata(tooBig, 90, 4096)).isEqualTo("Total metadata too large; max 4096");
            assertThat(b.transactionCount()).isEqualTo(before);
            assertThat(b.rawMetadata()).isEqualTo("{\"X-Account-Meta-A\": [\"1\", \"0000000002.00000\"]}");
        }
    }

    @Test
    void shouldQuarantineTheHashDirWhenTheFileIsNotADatabase() throws Exception {
        Path file = dbFile();
        Files.createDirectories(file.getParent());
        Files.write(
                file,
                "this is not sqlite at all, just garbage bytes".repeat(200).getBytes(StandardCharsets.UTF_8));
        try (ToyBroker b = new ToyBroker(file)) {
            assertThatThrownBy(b::info)
                    .isInstanceOf(DatabaseQuarantinedException.class)
                    .hasMessageContaining("due to corrupted database");
        }
        Path quarantined = devices.resolve("sda/quarantined/toys/0123456789abcdef0123456789abcabc");
        assertThat(quarantined.resolve("0123456789abcdef0123456789abcabc.db")).exists();
        assertThat(file.getParent()).doesNotExist();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
