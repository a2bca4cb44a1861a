package io.cairn.common.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeviceExecutorsTest {
    @Test
    void shouldRejectOnlyTheFullDeviceWhenItsQueueIsFull() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (DeviceExecutors executors = new DeviceExecutors(1, 1, "test")) {
            CompletableFuture<Integer> running = executors.submit("sda", () -> {
                release.await(10, TimeUnit.SECONDS);
                return 1;
            });
            CompletableFuture<Integer> queued = executors.submit("sda", () -> 2);
            CompletableFuture<Integer> rejected = executors.submit("sda", () -> 3);
            CompletableFuture<Integer> otherDevice = executors.submit("sdb", () -> 4);

            assertThat(otherDevice.get(10, TimeUnit.SECONDS)).isEqualTo(4);
            assertThatThrownBy(() -> rejected.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(DeviceBusyException.class)
                    .hasMessageContaining("sda");
            release.countDown();
            assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        }
    }

    @Test
    void shouldPassTheTaskExceptionWhenTheTaskFails() {
        try (DeviceExecutors executors = new DeviceExecutors(2, 4, "test")) {
            CompletableFuture<Object> f = executors.submit("sda", () -> {
                throw new java.io.IOException("disk on fire");
            });
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(java.io.IOException.class)
                    .hasMessageContaining("disk on fire");
        }
    }

    @Test
    void shouldRefuseBadSizesWhenConstructed() {
        assertThatThrownBy(() -> new DeviceExecutors(0, 1, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
