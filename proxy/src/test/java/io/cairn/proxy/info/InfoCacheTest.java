package io.cairn.proxy.info;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InfoCacheTest {
    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger accountHeads = new AtomicInteger();
    private final AtomicInteger containerHeads = new AtomicInteger();
    private int accountStatus = 204;
    private int containerStatus = 204;
    private CompletableFuture<ContainerInfo> pendingContainer = new CompletableFuture<>();
    private boolean holdContainer;

    private final InfoCache cache = new InfoCache(
            new InfoCache.InfoSource() {
                @Override
                public CompletableFuture<AccountInfo> headAccount(String account) {
                    accountHeads.incrementAndGet();
                    return CompletableFuture.completedFuture(AccountInfo.fromHeaders(
                            accountStatus, new DefaultHttpHeaders().set("X-Account-Container-Count", "3")));
                }

                @Override
                public CompletableFuture<ContainerInfo> headContainer(String account, String container) {
                    containerHeads.incrementAndGet();
                    ContainerInfo info = ContainerInfo.fromHeaders(
                            containerStatus,
                            new DefaultHttpHeaders()
                                    .set("X-Backend-Storage-Policy-Index", "1")
                                    .set("X-Container-Read", ".r:*"));
                    if (holdContainer) {
                        return pendingContainer.thenApply(ignored -> info);
                    }
                    return CompletableFuture.completedFuture(info);
                }
            },
            Duration.ofSeconds(60),
            Duration.ofSeconds(60),
            now::get);

    @Test
    void shouldHeadOncePerTtlWhenContainerExists() {
        for (int i = 0; i < 5; i++) {
            ContainerInfo info = cache.container("a", "c").join();
            assertThat(info.exists()).isTrue();
            assertThat(info.storagePolicyIndex()).isEqualTo(1);
            assertThat(info.readAcl()).isEqualTo(".r:*");
        }
        assertThat(containerHeads).hasValue(1);
        assertThat(accountHeads).hasValue(1);
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        cache.container("a", "c").join();
        assertThat(containerHeads).hasValue(2);
    }

    @Test
    void shouldCacheNotFoundForATenthOfTheTtl() {
        containerStatus = 404;
        assertThat(cache.container("a", "c").join().exists()).isFalse();
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        cache.container("a", "c").join();
        assertThat(containerHeads).hasValue(1);
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        cache.container("a", "c").join();
        assertThat(containerHeads).hasValue(2);
    }

    @Test
    void shouldNotCacheServerErrors() {
        containerStatus = 503;
        cache.container("a", "c").join();
        cache.container("a", "c").join();
        assertThat(containerHeads).hasValue(2);
    }

    @Test
    void shouldShareOneHeadWhenMissesAreConcurrent() {
        holdContainer = true;
        CompletableFuture<ContainerInfo> first = cache.container("a", "c");
        CompletableFuture<ContainerInfo> second = cache.container("a", "c");
        assertThat(first).isNotDone();
        pendingContainer.complete(null);
        assertThat(first.join().exists()).isTrue();
        assertThat(second.join().exists()).isTrue();
        assertThat(containerHeads).hasValue(1);
    }

    @Test
    void shouldAnswerStatusZeroWithoutContainerHeadWhenAccountMissing() {
        accountStatus = 404;
        ContainerInfo info = cache.container("a", "c").join();
        assertThat(info.status()).isZero();
        assertThat(containerHeads).hasValue(0);
    }

    @Test
    void shouldHeadAgainWhenInvalidated() {
        cache.container("a", "c").join();
        cache.invalidateContainer("a", "c");
        cache.container("a", "c").join();
        assertThat(containerHeads).hasValue(2);
        assertThat(cache.account("a").join().containerCount()).isEqualTo(3);
    }
}
