package io.cairn.compute.compute.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.compute.config.ComputeProperties;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The filter chain, the weighers and the seed's chance/simple/zone placements as configurations. */
class SchedulerTest {
    private static final RequestSpec TINY = new RequestSpec(512, 1, 1, null, Map.of());

    private static HostState host(String name, String zone, int ramMb, boolean up) {
        return new HostState(name, zone, "qemu", up, true, new int[] {ramMb, 8, 100});
    }

    private static ComputeProperties props(String placement, double ram, double instances, int subset) {
        return new ComputeProperties(
                true,
                "fake",
                1,
                true,
                "h",
                "nova",
                null,
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                Duration.ofMinutes(10),
                placement,
                List.of(
                        "ComputeFilter",
                        "AvailabilityZoneFilter",
                        "RamFilter",
                        "CoreFilter",
                        "DiskFilter",
                        "ImagePropertiesFilter"),
                ram,
                0.0,
                0.0,
                instances,
                subset,
                8,
                16384,
                200,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                10,
                20,
                51200,
                100,
                128,
                "local",
                null,
                "tcg",
                "/usr/bin/qemu-system-x86_64",
                "/usr/bin/qemu-img",
                "/bin/busybox");
    }

    private static Scheduler scheduler(ComputeProperties p, long seed) {
        return new Scheduler(SchedulerConfig.of(p), new Random(seed));
    }

    @Test
    void filtersDropDownDisabledFullAndWrongZoneHosts() {
        List<HostState> hosts = List.of(
                host("down", "nova", 8192, false),
                new HostState("disabled", "nova", "qemu", true, false, new int[] {8192, 8, 100}),
                host("small", "nova", 256, true),
                host("elsewhere", "az2", 8192, true),
                host("fits", "nova", 1024, true));
        Scheduler s = scheduler(props("filter", 1.0, 0.0, 1), 1);
        RequestSpec inNova = new RequestSpec(512, 1, 1, "nova", Map.of());
        assertThat(s.select(inNova, hosts, 1).get(0).host()).isEqualTo("fits");
        RequestSpec arm = new RequestSpec(512, 1, 1, null, Map.of("architecture", "aarch64"));
        assertThatThrownBy(() -> s.select(arm, hosts, 1))
                .isInstanceOf(Scheduler.NoValidHost.class)
                .hasMessageStartingWith("No valid host was found.");
        RequestSpec otherHv = new RequestSpec(512, 1, 1, null, Map.of("hypervisor_type", "xen"));
        assertThatThrownBy(() -> s.select(otherHv, hosts, 1)).isInstanceOf(Scheduler.NoValidHost.class);
    }

    @Test
    void ramWeigherSpreadsByDefaultAndStacksWhenNegative() {
        List<HostState> hosts =
                List.of(host("a", "nova", 2048, true), host("b", "nova", 8192, true), host("c", "nova", 4096, true));
        assertThat(scheduler(props("filter", 1.0, 0.0, 1), 1)
                        .select(TINY, hosts, 1)
                        .get(0)
                        .host())
                .isEqualTo("b");
        List<HostState> again =
                List.of(host("a", "nova", 2048, true), host("b", "nova", 8192, true), host("c", "nova", 4096, true));
        assertThat(scheduler(props("filter", -1.0, 0.0, 1), 1)
                        .select(TINY, again, 1)
                        .get(0)
                        .host())
                .isEqualTo("a");
    }

    @Test
    void eachInstanceOfARequestClaimsItsRoomSoSpreadAlternates() {
        List<HostState> hosts = List.of(host("a", "nova", 4096, true), host("b", "nova", 4096, true));
        List<HostState> chosen = scheduler(props("filter", 1.0, 0.0, 1), 1).select(TINY, hosts, 4);
        assertThat(chosen.stream().map(HostState::host).toList()).containsExactly("a", "b", "a", "b");
        assertThat(hosts.get(0).freeRamMb()).isEqualTo(4096 - 1024);
        // no room for a fifth m1.small-sized RAM claim on a 1 GB-left host pair
        RequestSpec big = new RequestSpec(3500, 1, 1, null, Map.of());
        assertThatThrownBy(() -> scheduler(props("filter", 1.0, 0.0, 1), 1).select(big, hosts, 1))
                .isInstanceOf(Scheduler.NoValidHost.class);
    }

    @Test
    void hostSubsetSizePicksRandomlyAmongTheBestOnly() {
        Scheduler s = scheduler(props("filter", 1.0, 0.0, 2), 42);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            List<HostState> hosts = List.of(
                    host("best", "nova", 8192, true),
                    host("second", "nova", 6144, true),
                    host("worst", "nova", 1024, true));
            seen.add(s.select(TINY, hosts, 1).get(0).host());
        }
        assertThat(seen).containsExactlyInAnyOrder("best", "second");
    }

    @Test
    void chanceIsAnyUpHostAtRandom() {
        Scheduler s = scheduler(props("chance", 0, 0, 1), 7);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            List<HostState> hosts = List.of(
                    host("a", "nova", 8192, true),
                    host("b", "nova", 1024, true),
                    host("c", "az2", 2048, true),
                    host("down", "nova", 8192, false));
            counts.merge(s.select(TINY, hosts, 1).get(0).host(), 1, Integer::sum);
        }
        assertThat(counts.keySet()).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void simplePrefersTheLeastLoadedHost() {
        List<HostState> hosts = List.of(
                host("busy", "nova", 16384, true).withUsage(new int[] {0, 0, 0, 5}),
                host("idle", "nova", 2048, true).withUsage(new int[] {0, 0, 0, 1}),
                host("full", "nova", 256, true));
        assertThat(scheduler(props("simple", 0, 0, 1), 1)
                        .select(TINY, hosts, 1)
                        .get(0)
                        .host())
                .isEqualTo("idle");
    }

    @Test
    void zonePicksRandomlyInsideTheRequestedZoneOnly() {
        Scheduler s = scheduler(props("zone", 0, 0, 1), 3);
        RequestSpec inAz2 = new RequestSpec(512, 1, 1, "az2", Map.of());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            List<HostState> hosts = List.of(
                    host("n1", "nova", 8192, true),
                    host("z1", "az2", 1024, true),
                    host("z2", "az2", 4096, true),
                    host("z3", "az2", 128, true));
            seen.add(s.select(inAz2, hosts, 1).get(0).host());
        }
        assertThat(seen).containsExactlyInAnyOrder("z1", "z2");
    }

    @Test
    void allEqualWeightsNormaliseToZeroAndKeepTheOrder() {
        List<HostState> hosts = List.of(host("first", "nova", 4096, true), host("second", "nova", 4096, true));
        assertThat(scheduler(props("filter", 1.0, 0.0, 1), 1)
                        .select(TINY, hosts, 1)
                        .get(0)
                        .host())
                .isEqualTo("first");
    }

    @Test
    void unknownPlacementsAndFiltersAreRefusedAtStartup() {
        assertThatThrownBy(() -> SchedulerConfig.of(props("round-robin", 1, 0, 1)))
                .hasMessageContaining("round-robin");
        assertThatThrownBy(() -> SchedulerConfig.of(props("filter", 1, 0, 0))).hasMessageContaining("host_subset_size");
    }
}
