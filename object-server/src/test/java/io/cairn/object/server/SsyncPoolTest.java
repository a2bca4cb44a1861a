package io.cairn.object.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;

class SsyncPoolTest {
    @Test
    void shouldBoundTheSessionThreadsEvenWhenReplicationConcurrencyIsUnlimited() {
        ThreadPoolExecutor unlimited = ObjectServer.ssyncPool(0);
        ThreadPoolExecutor four = ObjectServer.ssyncPool(4);
        try {
            assertThat(unlimited.getMaximumPoolSize()).isEqualTo(1024);
            assertThat(four.getMaximumPoolSize()).isEqualTo(8);
        } finally {
            unlimited.shutdownNow();
            four.shutdownNow();
        }
    }

    @Test
    void shouldRefuseASessionPastTheBoundInsteadOfQueueingIt() throws Exception {
        ThreadPoolExecutor pool = ObjectServer.ssyncPool(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            pool.execute(() -> awaitQuietly(release));
            pool.execute(() -> awaitQuietly(release));
            assertThatThrownBy(() -> pool.execute(() -> {})).isInstanceOf(RejectedExecutionException.class);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
