package io.cairn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.bench.client.S3AuthStrategy;
import io.cairn.bench.client.TempAuthStrategy;
import io.cairn.bench.client.TokenAuthStrategy;
import io.cairn.bench.workload.Api;
import io.cairn.bench.workload.Operation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
    @Test
    void shouldApplyOverridesToTheNamedWorkloadWhenParsing() {
        BenchOptions o = BenchOptions.parse(List.of(
                "--workload",
                "4k-get",
                "--concurrency",
                "64",
                "--duration",
                "5s",
                "--prefill",
                "50",
                "--auth-url",
                "http://127.0.0.1:8080/auth/v1.0",
                "--label",
                "swift",
                "--server-pids",
                "10,11",
                "--json",
                "out/r.json",
                "--fail-on-errors"));
        assertThat(o.spec.name()).isEqualTo("4k-get");
        assertThat(o.spec.mix().weight(Operation.GET)).isEqualTo(100);
        assertThat(o.spec.concurrency()).isEqualTo(64);
        assertThat(o.spec.duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.spec.prefill()).isEqualTo(50);
        assertThat(o.auth).isInstanceOf(TempAuthStrategy.class);
        assertThat(o.label).isEqualTo("swift");
        assertThat(o.serverPids).containsExactly(10L, 11L);
        assertThat(o.json).isEqualTo(Path.of("out/r.json"));
        assertThat(o.failOnErrors).isTrue();
    }

    @Test
    void shouldParseTheProxySplitWhenProxyPidsOrThreadsAreGiven() {
        List<String> target = List.of("--auth-url", "http://127.0.0.1:8080/auth/v1.0", "--server-pids", "10,11,12");
        BenchOptions swift = BenchOptions.parse(concat(target, "--proxy-pids", "12"));
        assertThat(swift.proxyPids).containsExactly(12L);
        assertThat(swift.proxyThreads).isEmpty();
        BenchOptions cairn = BenchOptions.parse(concat(target, "--proxy-threads", "proxy-io-, proxy-accept-"));
        assertThat(cairn.proxyThreads).containsExactly("proxy-io-", "proxy-accept-");
        assertThat(cairn.storageThreads).containsExactly("object-", "container-", "account-");
        BenchOptions custom =
                BenchOptions.parse(concat(target, "--proxy-threads", "px-", "--storage-threads", "disk-,db-"));
        assertThat(custom.storageThreads).containsExactly("disk-", "db-");
        assertThat(custom.cpuSampler(Path.of("/proc"))).isNotNull();
        assertThat(BenchOptions.parse(List.of("--auth-url", "http://h/auth/v1.0"))
                        .cpuSampler(Path.of("/proc")))
                .isNull();
    }

    @Test
    void shouldRejectTheProxySplitWhenItHasNothingToSplit() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--auth-url", "http://h/a", "--proxy-pids", "3")))
                .hasMessageContaining("need --server-pids");
        assertThatThrownBy(() -> BenchOptions.parse(
                        List.of("--auth-url", "http://h/a", "--server-pids", "3", "--storage-threads", "x-")))
                .hasMessageContaining("--storage-threads needs --proxy-threads");
        assertThatThrownBy(() -> BenchOptions.parse(
                        List.of("--auth-url", "http://h/a", "--server-pids", "3", "--proxy-pids", "x")))
                .hasMessageContaining("--proxy-pids needs a whole number");
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new java.util.ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    @Test
    void shouldBoundByCountOnlyWhenOpsGivenWithoutDuration() {
        BenchOptions o = BenchOptions.parse(List.of(
                "--ops",
                "500",
                "--mix",
                "put=1,head=1",
                "--size",
                "1KiB-8KiB",
                "--storage-url",
                "http://127.0.0.1:1/v1/AUTH_t",
                "--token",
                "tok"));
        assertThat(o.spec.operations()).isEqualTo(500);
        assertThat(o.spec.duration()).isZero();
        assertThat(o.spec.sizes().max()).isEqualTo(8192);
        assertThat(o.auth).isInstanceOf(TokenAuthStrategy.class);
    }

    @Test
    void shouldListTheExistingContainerWithoutPrefillWhenListContainerIsGiven() {
        BenchOptions o = BenchOptions.parse(List.of(
                "--workload",
                "list",
                "--list-container",
                "listing-100000",
                "--list-objects",
                "100000",
                "--auth-url",
                "http://127.0.0.1:1/auth/v1.0"));
        assertThat(o.spec.listContainer()).isEqualTo("listing-100000");
        assertThat(o.spec.listObjects()).isEqualTo(100_000);
        assertThat(o.spec.prefill()).isZero(); // the list workload's 100,000-object prefill is dropped
        assertThat(o.spec.listLimit()).isEqualTo(1000);
    }

    @Test
    void shouldRejectAListContainerWhenItsCountOrWorkloadDoesNotFit() {
        String auth = "--auth-url";
        String url = "http://127.0.0.1:1/auth/v1.0";
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--workload", "list", "--list-container", "c", auth, url)))
                .hasMessageContaining("--list-container needs --list-objects");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--workload", "list", "--list-objects", "5", auth, url)))
                .hasMessageContaining("--list-objects needs --list-container");
        assertThatThrownBy(() -> BenchOptions.parse(
                        List.of("--workload", "list", "--list-container", "c", "--list-objects", "0", auth, url)))
                .hasMessageContaining("--list-objects must be > 0");
        assertThatThrownBy(() -> BenchOptions.parse(List.of(
                        "--workload",
                        "list",
                        "--list-container",
                        "c",
                        "--list-objects",
                        "5",
                        "--prefill",
                        "5",
                        auth,
                        url)))
                .hasMessageContaining("prefill must be 0");
        assertThatThrownBy(() -> BenchOptions.parse(
                        List.of("--workload", "4k-get", "--list-container", "c", "--list-objects", "5", auth, url)))
                .hasMessageContaining("the mix must be list alone");
    }

    @Test
    void shouldRunAnOpenLoopAtTheGivenRateWhenRateIsGiven() {
        String auth = "--auth-url";
        String url = "http://127.0.0.1:1/auth/v1.0";
        BenchOptions closed = BenchOptions.parse(List.of(auth, url));
        assertThat(closed.spec.openLoop()).isFalse();
        assertThat(closed.spec.rate()).isZero();
        BenchOptions open = BenchOptions.parse(List.of("--rate", "62.5", "--duration", "6s", auth, url));
        assertThat(open.spec.openLoop()).isTrue();
        assertThat(open.spec.rate()).isEqualTo(62.5);
        assertThat(open.spec.concurrency()).isEqualTo(16); // still bounds the requests in flight
        assertThat(open.spec.toString()).endsWith(", offered 62.5 ops/s (open loop)");
        assertThat(BenchOptions.parse(List.of("--rate", "60", auth, url)).spec.toString())
                .endsWith(", offered 60 ops/s (open loop)");
    }

    @Test
    void shouldRejectARateWhenItIsNotAPositiveNumberOrHasNoDuration() {
        String auth = "--auth-url";
        String url = "http://127.0.0.1:1/auth/v1.0";
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--rate", "0", auth, url)))
                .hasMessageContaining("--rate must be > 0");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--rate", "-5", auth, url)))
                .hasMessageContaining("--rate must be > 0");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--rate", "Infinity", auth, url)))
                .hasMessageContaining("--rate must be > 0");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--rate", "fast", auth, url)))
                .hasMessageContaining("--rate needs operations per second, got 'fast'");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--rate", "50", "--ops", "100", auth, url)))
                .hasMessageContaining("a rate runs for a duration");
    }

    @Test
    void shouldRejectWhenArgumentsAreWrong() {
        String auth = "--auth-url";
        String url = "http://127.0.0.1:1/auth/v1.0";
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--bogus", "1", auth, url)))
                .hasMessageContaining("unknown option --bogus");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--workload"))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(List.of())).hasMessageContaining("exactly one of --auth-url");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--concurrency", "x", auth, url)))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--storage-url", "http://h:1/v1/a")))
                .hasMessageContaining("--token");
    }

    @Test
    void shouldSignWithS3KeysAtTheAuthUrlsOriginWhenAnS3WorkloadIsNamed() {
        BenchOptions o = BenchOptions.parse(List.of(
                "--workload", "s3-64m-put", "--auth-url", "http://127.0.0.1:8080/auth/v1.0", "--s3-payload", "signed"));
        assertThat(o.spec.name()).isEqualTo("s3-64m-put");
        assertThat(o.spec.api()).isEqualTo(Api.S3);
        assertThat(o.spec.signedPayload()).isTrue();
        assertThat(o.spec.concurrency()).isEqualTo(4);
        assertThat(o.spec.sizes().max()).isEqualTo(64L << 20);
        assertThat(o.auth).isInstanceOf(S3AuthStrategy.class);
        assertThat(o.spec.toString()).contains("S3 API (SigV4, signed payload)");
    }

    @Test
    void shouldRejectS3OptionsThatDoNotFit() {
        String auth = "--auth-url";
        String url = "http://127.0.0.1:8080/auth/v1.0";
        assertThatThrownBy(
                        () -> BenchOptions.parse(List.of("--workload", "4k-put", "--s3-payload", "signed", auth, url)))
                .hasMessageContaining("S3");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--workload", "4k-put", "--region", "eu-1", auth, url)))
                .hasMessageContaining("S3");
        assertThatThrownBy(() ->
                        BenchOptions.parse(List.of("--workload", "s3-4k-put", "--s3-payload", "maybe", auth, url)))
                .hasMessageContaining("--s3-payload");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--workload", "s3-4k-get", "--mix", "list=1", auth, url)))
                .hasMessageContaining("listing");
        assertThatThrownBy(() -> BenchOptions.parse(
                        List.of("--workload", "s3-4k-put", "--storage-url", "http://h/v1/AUTH_t", "--token", "t")))
                .hasMessageContaining("--storage-url");
    }
}
