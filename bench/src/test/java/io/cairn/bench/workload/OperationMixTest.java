package io.cairn.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OperationMixTest {
    @Test
    void shouldPickOperationsInProportionWhenWeighted() {
        OperationMix mix = OperationMix.parse("get=70, put=20, delete=10");
        SplittableRandom random = new SplittableRandom(1);
        Map<Operation, Integer> counts = new EnumMap<>(Operation.class);
        for (int i = 0; i < 100_000; i++) {
            counts.merge(mix.next(random), 1, Integer::sum);
        }
        assertThat(counts.get(Operation.GET)).isBetween(69_000, 71_000);
        assertThat(counts.get(Operation.PUT)).isBetween(19_000, 21_000);
        assertThat(counts.get(Operation.DELETE)).isBetween(9_300, 10_700);
        assertThat(counts).doesNotContainKeys(Operation.HEAD, Operation.LIST);
        assertThat(mix).hasToString("put=20,get=70,delete=10");
        assertThat(mix.needsExistingObjects()).isTrue();
    }

    @Test
    void shouldNotNeedExistingObjectsWhenOnlyPut() {
        assertThat(OperationMix.parse("put=1").needsExistingObjects()).isFalse();
        assertThat(OperationMix.only(Operation.LIST).needsExistingObjects()).isTrue();
    }

    @Test
    void shouldRejectWhenMalformed() {
        assertThatThrownBy(() -> OperationMix.parse("post=1")).hasMessageContaining("unknown operation");
        assertThatThrownBy(() -> OperationMix.parse("get")).hasMessageContaining("op=weight");
        assertThatThrownBy(() -> OperationMix.parse("get=1,get=2")).hasMessageContaining("twice");
        assertThatThrownBy(() -> OperationMix.parse("get=0")).hasMessageContaining("weight > 0");
        assertThatThrownBy(() -> OperationMix.parse("get=-1")).hasMessageContaining("negative");
    }
}
