package io.cairn.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.io.DeviceExecutors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitWriterTest {
    @TempDir
    Path devices;

    @Test
    void shouldCommitManyConcurrentUpdatesInFewTransactionsAndAnswerAfterCommit() throws Exception {
        int n = 200;
        Path file = DbPaths.dbFile(devices.resolve("sda"), DbPaths.CONTAINERS, "1", "00000000000000000000000000000fff");
        try (ToyBroker broker = new ToyBroker(file);
                DeviceExecutors executors = new DeviceExecutors(2, 1000, "test");
                GroupCommitWriter<ToyBroker, String> writer = new GroupCommitWriter<>(
                        "commit", 1024, executors, 10_000, (db, batch) -> db.mergeItems(batch, null, -1))) {
            broker.initialize("1", 0);
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
                        // an answered update is in the DB already: committed before the future completes
                        f.thenRun(() -> assertThat(broker.transactionCount()).isGreaterThan(before));
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
            long transactions = broker.transactionCount() - before;
            assertThat(broker.info().get("thing_count")).isEqualTo(n);
            assertThat(writer.updatesCommitted()).isEqualTo(n);
            assertThat(writer.batchesCommitted()).isEqualTo(transactions);
            assertThat(transactions).isLessThan(n / 4);
        }
    }

    @Test
    void shouldFailEveryUpdateOfABatchWhenItsTransactionFails() throws Exception {
        try (DeviceExecutors executors = new DeviceExecutors(1, 10, "test");
                GroupCommitWriter<String, String> writer =
                        new GroupCommitWriter<>("commit", 16, executors, 100, (db, b) -> {
                            throw new IllegalStateException("disk on fire");
                        })) {
            CompletableFuture<Void> f = writer.submit("sdb", "db", "u");
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasRootCauseMessage("disk on fire");
            assertThat(writer.batchesCommitted()).isZero();
        }
    }
}
