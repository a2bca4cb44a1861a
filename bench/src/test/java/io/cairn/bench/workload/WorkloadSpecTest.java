package io.cairn.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkloadSpecTest {
    @Test
    void shouldOfferTheIssueSevenWorkloadsWhenNamed() {
        assertThat(StandardWorkloads.names())
                .containsExactly(
                        "4k-put",
                        "4k-get",
                        "1m-put",
                        "1m-get",
                        "64m-put",
                        "64m-get",
                        "list",
                        "mixed",
                        "s3-4k-put",
                        "s3-4k-get",
                        "s3-1m-put",
                        "s3-1m-get",
                        "s3-64m-put",
                        "s3-64m-get");
        WorkloadSpec mixed = StandardWorkloads.named("mixed").build();
        assertThat(mixed.sizes().max()).isEqualTo(16 * 1024);
        assertThat(mixed.mix().weight(Operation.GET)).isEqualTo(70);
        assertThat(mixed.mix().weight(Operation.PUT)).isEqualTo(20);
        assertThat(mixed.mix().weight(Operation.DELETE)).isEqualTo(10);
        WorkloadSpec list = StandardWorkloads.named("list").build();
        assertThat(list.prefill()).isEqualTo(100_000);
        assertThat(list.listLimit()).isEqualTo(1000);
        assertThat(list.containers()).isEqualTo(1);
        assertThat(StandardWorkloads.named("64m-get").build().sizes().max()).isEqualTo(64L << 20);
    }

    @Test
    void shouldRejectWhenNameUnknown() {
        assertThatThrownBy(() -> StandardWorkloads.named("8k-put")).hasMessageContaining("known: 4k-put");
    }

    @Test
    void shouldRejectWhenRunIsUnboundedOrReadsNothing() {
        assertThatThrownBy(
                        () -> WorkloadSpec.builder("x").duration(Duration.ZERO).build())
                .hasMessageContaining("needs a bound");
        assertThatThrownBy(() -> WorkloadSpec.builder("x")
                        .mix(OperationMix.only(Operation.GET))
                        .build())
                .hasMessageContaining("--prefill");
        assertThatThrownBy(() -> WorkloadSpec.builder("x").concurrency(0).build())
                .hasMessageContaining("concurrency");
    }

    @Test
    void shouldAcceptAListContainerOnlyForAListOnlyRunWithoutPrefill() {
        WorkloadSpec list = StandardWorkloads.named("list")
                .prefill(0)
                .listContainer("listing-100000", 100_000)
                .build();
        assertThat(list.listContainer()).isEqualTo("listing-100000");
        assertThat(list.listObjects()).isEqualTo(100_000);
        assertThat(list.toString()).contains("existing container listing-100000 of 100000 objects");
        assertThat(StandardWorkloads.named("list").build().listContainer()).isNull();

        assertThatThrownBy(() -> StandardWorkloads.named("list")
                        .listContainer("listing", 10)
                        .build())
                .hasMessageContaining("prefill must be 0, got 100000");
        assertThatThrownBy(() -> StandardWorkloads.named("mixed")
                        .prefill(0)
                        .listContainer("listing", 10)
                        .build())
                .hasMessageContaining("the mix must be list alone");
        assertThatThrownBy(() -> StandardWorkloads.named("list")
                        .prefill(0)
                        .containers(2)
                        .listContainer("listing", 10)
                        .build())
                .hasMessageContaining("containers must be 1");
        assertThatThrownBy(() -> StandardWorkloads.named("list")
                        .prefill(0)
                        .listContainer("a/b", 10)
                        .build())
                .hasMessageContaining("[A-Za-z0-9._-]+");
        assertThatThrownBy(() -> StandardWorkloads.named("list")
                        .prefill(0)
                        .listContainer("listing", 0)
                        .build())
                .hasMessageContaining("object count (>= 1)");
    }

    @Test
    void shouldKeepTheRateThroughTheBuilderAndRejectItWhenUnbounded() {
        WorkloadSpec open = StandardWorkloads.named("4k-get").rate(60).build();
        assertThat(open.openLoop()).isTrue();
        assertThat(open.toBuilder().build().rate()).isEqualTo(60);
        assertThat(WorkloadSpec.rateText(2.5)).isEqualTo("2.5");
        assertThat(WorkloadSpec.rateText(60)).isEqualTo("60");
        assertThatThrownBy(() -> WorkloadSpec.builder("x").rate(-1).build()).hasMessageContaining("rate must be 0");
        assertThatThrownBy(() -> WorkloadSpec.builder("x")
                        .rate(10)
                        .duration(Duration.ZERO)
                        .operations(5)
                        .build())
                .hasMessageContaining("a rate runs for a duration");
    }

    @Test
    void shouldParseDurationsWhenGivenUnits() {
        assertThat(Durations.parse("20s")).isEqualTo(Duration.ofSeconds(20));
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("3")).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("not a duration");
    }
}
