package io.cairn.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.io.DeviceExecutors;
import io.cairn.common.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class GroupCommitWriterTest {
    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path devices;

    private ToyBroker newBroker() throws Exception {
        Path file = DbPaths.dbFile(devices.resolve("sda"), DbPaths.CONTAINERS, "1", "00000000000000000000000000000fff");
        ToyBroker broker = new ToyBroker(file);
        broker.initialize("1", 0);
        return broker;
    }

    /** Rows in SQLite, read without folding the pending file first. */
    private static long rowsInSqlite(ToyBroker broker) {
        try {
            return broker.read(c -> {
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM thing")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldAcknowledgeConcurrentRowsOnceAppendedAndShowAllOfThemAfterAFold() throws Exception {
        int n = 200;
        try (ToyBroker broker = newBroker();
                DeviceExecutors executors = new DeviceExecutors(2, 1000, "test");
                GroupCommitWriter<String> writer = new GroupCommitWriter<>("commit", 1024, executors, 10_000, NEVER)) {
            long before = broker.transactionCount();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            List<CompletableFuture<Void>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int base = t;
                Thread th = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    for (int i = 0; i < n / 4; i++) {
                        CompletableFuture<Void> f = writer.submit("sda", broker, "o-" + base + "-" + i);
                        synchronized (futures) {
                            futures.add(f);
                        }
                    }
                });
                th.start();
                threads.add(th);
            }
            start.countDown();
            for (Thread th : threads) {
                th.join();
            }
            CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
                    .get(30, TimeUnit.SECONDS);
            // acknowledged from the pending file: no SQLite transaction was needed
            assertThat(broker.transactionCount()).isEqualTo(before);
            assertThat(PendingFile.readEntries(broker.pendingFile())).hasSize(n);
            assertThat(writer.rowsAppended()).isEqualTo(n);
            assertThat(writer.batchesAppended()).isBetween(1L, (long) n);
            // a reader folds first: everything acknowledged is visible, in one transaction
            assertThat(broker.commitPending()).isEqualTo(n);
            assertThat(broker.transactionCount()).isEqualTo(before + 1);
            assertThat(broker.info().get("thing_count")).isEqualTo(n);
            assertThat(writer.folds()).isZero();
        }
    }

    @Test
    void shouldFoldRowsIntoSqliteWithoutAReadWhenTheFoldDelayPasses() throws Exception {
        try (ToyBroker broker = newBroker();
                DeviceExecutors executors = new DeviceExecutors(1, 100, "test");
                GroupCommitWriter<String> writer =
                        new GroupCommitWriter<>("commit", 64, executors, 100, Duration.ofMillis(50))) {
            CompletableFuture.allOf(
                            writer.submit("sda", broker, "a"),
                            writer.submit("sda", broker, "b"),
                            writer.submit("sda", broker, "c"))
                    .get(10, TimeUnit.SECONDS);
            Await.until("3 rows folded into SQLite", Duration.ofSeconds(10), () -> rowsInSqlite(broker) == 3);
            Await.until("fold counted", Duration.ofSeconds(10), () -> writer.folds() == 1);
            assertThat(Files.size(broker.pendingFile())).isZero();
            // a later row starts the file again and gets a timer of its own
            writer.submit("sda", broker, "d").get(10, TimeUnit.SECONDS);
            Await.until("4th row folded", Duration.ofSeconds(10), () -> rowsInSqlite(broker) == 4);
            Await.until("second fold counted", Duration.ofSeconds(10), () -> writer.folds() == 2);
        }
    }

    @Test
    void shouldFoldRightAfterEachAppendWhenTheFoldDelayIsZero() throws Exception {
        try (ToyBroker broker = newBroker();
                DeviceExecutors executors = new DeviceExecutors(1, 100, "test");
                GroupCommitWriter<String> writer =
                        new GroupCommitWriter<>("commit", 64, executors, 100, Duration.ZERO)) {
            writer.submit("sda", broker, "a").get(10, TimeUnit.SECONDS);
            Await.until("row folded", Duration.ofSeconds(10), () -> rowsInSqlite(broker) == 1);
            assertThat(writer.foldFailures()).isZero();
        }
    }

    @Test
    void shouldFoldWhenThePendingFileGrowsPastTheCap() throws Exception {
        int n = 120;
        String padding = "x".repeat(1500); // ~2 KiB per entry once base64-encoded: the cap is reached at ~65
        try (ToyBroker broker = newBroker();
                DeviceExecutors executors = new DeviceExecutors(1, 1000, "test");
                GroupCommitWriter<String> writer = new GroupCommitWriter<>("commit", 256, executors, 1000, NEVER)) {
            for (int i = 0; i < n; i++) {
                writer.submit("sda", broker, i + "-" + padding).get(10, TimeUnit.SECONDS);
            }
            Await.until("a fold at the cap", Duration.ofSeconds(10), () -> writer.folds() >= 1);
            long inSqlite = rowsInSqlite(broker);
            assertThat(inSqlite).isGreaterThan(0);
            assertThat(inSqlite + PendingFile.readEntries(broker.pendingFile()).size())
                    .isEqualTo(n);
            assertThat(Files.size(broker.pendingFile())).isLessThanOrEqualTo(PendingFile.PENDING_CAP + 4096);
            assertThat(broker.commitPending()).isEqualTo(n - inSqlite);
            assertThat(broker.info().get("thing_count")).isEqualTo(n);
        }
    }

    @Test
    void shouldFailEveryRowOfABatchWithTheCauseWhenItsAppendFails() throws Exception {
        try (ToyBroker broker = newBroker();
                DeviceExecutors executors = new DeviceExecutors(1, 10, "test");
                GroupCommitWriter<String> writer = new GroupCommitWriter<>("commit", 16, executors, 100, NEVER)) {
            Files.createDirectory(broker.pendingFile()); // cannot be opened for appending (even by root)
            CompletableFuture<Void> f = writer.submit("sda", broker, "u");
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .hasMessageContaining("cannot append 1 row(s) to " + broker.pendingFile());
            assertThat(writer.batchesAppended()).isZero();
            assertThat(writer.rowsAppended()).isZero();
        }
    }
}
