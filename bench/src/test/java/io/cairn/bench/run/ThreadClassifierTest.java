package io.cairn.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.bench.report.CpuGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadClassifierTest {
    private final ThreadClassifier cairn =
            new ThreadClassifier(List.of("proxy-"), ThreadClassifier.DEFAULT_STORAGE_PREFIXES);

    @Test
    void shouldGroupCairnsRealThreadNamesWhenClassifying() {
        // names as listed from /proc/<pid>/task/*/comm of ./cairn saio (cut to 15 bytes by the kernel)
        assertThat(cairn.classify("proxy-io-27-1")).isEqualTo(CpuGroup.PROXY);
        assertThat(cairn.classify("proxy-accept-1")).isEqualTo(CpuGroup.PROXY);
        assertThat(cairn.classify("object-sdb1-3")).isEqualTo(CpuGroup.STORAGE);
        assertThat(cairn.classify("object-server-i")).isEqualTo(CpuGroup.STORAGE);
        assertThat(cairn.classify("container-group")).isEqualTo(CpuGroup.STORAGE);
        assertThat(cairn.classify("account-io-3-2")).isEqualTo(CpuGroup.STORAGE);
        assertThat(cairn.classify("C2 CompilerThre")).isEqualTo(CpuGroup.JIT);
        assertThat(cairn.classify("C1 CompilerThre")).isEqualTo(CpuGroup.JIT);
        assertThat(cairn.classify("Sweeper thread")).isEqualTo(CpuGroup.JIT);
        assertThat(cairn.classify("GC Thread#1")).isEqualTo(CpuGroup.GC);
        assertThat(cairn.classify("G1 Conc#0")).isEqualTo(CpuGroup.GC);
        assertThat(cairn.classify("G1 Refine#0")).isEqualTo(CpuGroup.GC);
        assertThat(cairn.classify("VM Thread")).isEqualTo(CpuGroup.OTHER);
        assertThat(cairn.classify("java")).isEqualTo(CpuGroup.OTHER);
        assertThat(cairn.classify("CompletableFutu")).isEqualTo(CpuGroup.OTHER);
    }

    @Test
    void shouldPreferTheProxyPrefixWhenAStoragePrefixAlsoMatches() {
        ThreadClassifier c = new ThreadClassifier(List.of("object-proxy"), List.of("object-"));
        assertThat(c.classify("object-proxy-1")).isEqualTo(CpuGroup.PROXY);
        assertThat(c.classify("object-sdb1-1")).isEqualTo(CpuGroup.STORAGE);
    }

    @Test
    void shouldRejectWhenPrefixesAreMissingOrEmpty() {
        assertThatThrownBy(() -> new ThreadClassifier(List.of(), List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new ThreadClassifier(List.of(""), List.of())).hasMessageContaining("empty");
        assertThatThrownBy(() -> new ThreadClassifier(List.of("p"), List.of("")))
                .hasMessageContaining("empty");
    }
}
