package io.cairn.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ObjectPoolTest {
    @Test
    void shouldHandOutEachIdOnceWhenRemovingPastTheInitialCapacity() {
        ObjectPool pool = new ObjectPool();
        for (long id = 0; id < 1000; id++) {
            pool.add(id);
        }
        SplittableRandom random = new SplittableRandom(3);
        assertThat(pool.pick(random)).isBetween(0L, 999L);
        Set<Long> removed = new HashSet<>();
        while (pool.size() > 0) {
            assertThat(removed.add(pool.removeRandom(random))).isTrue();
        }
        assertThat(removed).hasSize(1000);
    }
}
