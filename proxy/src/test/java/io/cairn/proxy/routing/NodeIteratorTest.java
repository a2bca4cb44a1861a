package io.cairn.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ring.Device;
import io.cairn.ring.Ring;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NodeIteratorTest {
    private final AtomicLong now = new AtomicLong();
    private final ErrorLimiter limiter = new ErrorLimiter(10, Duration.ofSeconds(60), now::get);
    private final Ring ring = TestRings.ring(new int[] {6001, 6002, 6003, 6004, 6005, 6006}, "127.0.0.1");

    private List<Device> drain(NodeIterator it) {
        List<Device> out = new ArrayList<>();
        for (Device d = it.next(); d != null; d = it.next()) {
            out.add(d);
        }
        return out;
    }

    @Test
    void shouldYieldPrimariesThenHandoffsWhenAllHealthy() {
        NodeIterator it =
                new NodeIterator(ring.primaries(0), ring.handoffs(0), limiter, 6, new Random(1), ReadAffinity.NONE);
        List<Device> nodes = drain(it);
        assertThat(nodes).hasSize(6);
        assertThat(nodes.subList(0, 3)).containsExactlyInAnyOrderElementsOf(ring.primaries(0));
        assertThat(nodes.subList(3, 6)).doesNotContainAnyElementsOf(ring.primaries(0));
        assertThat(it.isPrimary(nodes.get(0))).isTrue();
        assertThat(it.isPrimary(nodes.get(3))).isFalse();
    }

    @Test
    void shouldTryPrimariesByAffinityThenHandoffsInRingOrderWhenAffinityIsSet() {
        List<Device> primaries = List.of(
                device(1, 2, 1), // r2z1
                device(2, 1, 1), // r1z1
                device(3, 1, 2), // r1z2
                device(4, 3, 1)); // r3: no rule
        List<Device> handoffs = List.of(device(5, 3, 2), device(6, 1, 1));
        ReadAffinity affinity = ReadAffinity.parse("r1=100, r2z1=50");
        java.util.Set<List<Device>> r1Orders = new java.util.HashSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 64; i++) {
            NodeIterator it = new NodeIterator(primaries, handoffs.iterator(), limiter, 6, random, affinity);
            List<Device> nodes = drain(it);
            assertThat(nodes.get(0)).isEqualTo(primaries.get(0));
            assertThat(nodes.subList(1, 3)).containsExactlyInAnyOrder(primaries.get(1), primaries.get(2));
            assertThat(nodes.get(3)).isEqualTo(primaries.get(3));
            assertThat(nodes.subList(4, 6)).containsExactlyElementsOf(handoffs);
            r1Orders.add(nodes.subList(1, 3));
        }
        assertThat(r1Orders).as("equal priorities stay shuffled").hasSize(2);
    }

    private static Device device(int id, int region, int zone) {
        return new Device(id, region, zone, "127.0.0." + id, 6000 + id, "127.0.0." + id, 6000 + id, "sd" + id, 1, "");
    }

    @Test
    void shouldSkipErrorLimitedNodeWithoutCountingItWhenLimited() {
        Device bad = ring.primaries(0).get(1);
        limiter.limit(bad);
        NodeIterator it =
                new NodeIterator(ring.primaries(0), ring.handoffs(0), limiter, 4, new Random(1), ReadAffinity.NONE);
        List<Device> nodes = drain(it);
        assertThat(nodes).hasSize(4).doesNotContain(bad);
        assertThat(nodes.subList(0, 2))
                .containsExactlyInAnyOrder(
                        ring.primaries(0).get(0), ring.primaries(0).get(2));
    }

    @Test
    void shouldStopAtRequestNodeCountWhenBudgetIsSmall() {
        NodeIterator it =
                new NodeIterator(ring.primaries(0), ring.handoffs(0), limiter, 2, new Random(1), ReadAffinity.NONE);
        assertThat(drain(it)).hasSize(2);
        it.refund();
        assertThat(it.next()).isNotNull();
        assertThat(it.next()).isNull();
    }

    @Test
    void shouldEndWhenRingRunsOutOfDevices() {
        NodeIterator it =
                new NodeIterator(ring.primaries(0), ring.handoffs(0), limiter, 100, new Random(1), ReadAffinity.NONE);
        assertThat(drain(it)).hasSize(6).doesNotHaveDuplicates();
    }
}
