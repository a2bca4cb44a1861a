package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RingCommandTest {
    @TempDir
    Path dir;

    private Path builder;

    /** What one invocation printed and returned. */
    private record Result(int code, String out, String err) {}

    @BeforeEach
    void createBuilder() {
        builder = dir.resolve("object.builder");
        assertThat(run("ring", "create", builder.toString(), "8", "3", "1").code)
                .isZero();
        assertThat(run("ring", "add", builder.toString(), "r1z1-127.0.0.1:6200/sda", "100").code)
                .isZero();
    }

    @Test
    void shouldBuildAndListARingWhenDevicesAreAdded() {
        for (String dev :
                new String[] {"r1z2-127.0.0.2:6200/sda", "r1z3-127.0.0.3:6200/sda", "z4-127.0.0.4:6200/sdb"}) {
            assertThat(run("ring", "add", builder.toString(), dev, "100").code).isZero();
        }
        Result rebalance = run("ring", "rebalance", builder.toString());
        assertThat(rebalance.code).as(rebalance.err).isZero();
        assertThat(dir.resolve("object.ring.gz")).exists();
        assertThat(rebalance.out).contains("reassigned 768 replicas");

        Result list = run("ring", "list", builder.toString());
        assertThat(list.code).isZero();
        assertThat(list.out).contains("127.0.0.1:6200/sda").contains("127.0.0.4:6200/sdb");
    }

    @Test
    void shouldFailWithoutChangingTheBuilderWhenTheDeviceIsMalformed() throws Exception {
        byte[] before = Files.readAllBytes(builder);
        Result r = run("ring", "add", builder.toString(), "r1z1-127.0.0.1/sda", "100");
        assertThat(r.code).isNotZero();
        assertThat(r.err).contains("127.0.0.1/sda");
        assertThat(Files.readAllBytes(builder)).isEqualTo(before);
    }

    @Test
    void shouldFailWithoutChangingTheBuilderWhenTheDeviceIsADuplicate() throws Exception {
        byte[] before = Files.readAllBytes(builder);
        Result r = run("ring", "add", builder.toString(), "r1z1-127.0.0.1:6200/sda", "50");
        assertThat(r.code).isNotZero();
        assertThat(r.err).isNotBlank();
        assertThat(Files.readAllBytes(builder)).isEqualTo(before);
    }

    @Test
    void shouldAddNothingWhenOneOfSeveralDevicesIsBad() throws Exception {
        byte[] before = Files.readAllBytes(builder);
        Result r = run("ring", "add", builder.toString(), "r1z2-127.0.0.2:6200/sda", "100", "garbage", "100");
        assertThat(r.code).isNotZero();
        assertThat(Files.readAllBytes(builder)).isEqualTo(before);
    }

    @Test
    void shouldFailWhenTheBuilderFileIsMissing() {
        Result r = run("ring", "list", dir.resolve("nope.builder").toString());
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains("does not exist");
    }

    @Test
    void shouldRefuseAPartPowerOutOfRange() {
        Result r = run("ring", "create", dir.resolve("x.builder").toString(), "40", "3", "1");
        assertThat(r.code).isNotZero();
        assertThat(r.err).containsIgnoringCase("part");
        assertThat(dir.resolve("x.builder")).doesNotExist();
    }

    @Test
    void shouldRefuseToOverwriteAnExistingBuilderWhenCreating() throws Exception {
        byte[] before = Files.readAllBytes(builder);
        Result r = run("ring", "create", builder.toString(), "10", "3", "1");
        assertThat(r.code).isNotZero();
        assertThat(Files.readAllBytes(builder)).isEqualTo(before);
    }

    @Test
    void shouldExplainUsageWhenArgumentsAreMissing() {
        Result r = run("ring", "add", builder.toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("usage: cairn ring");
    }

    @Test
    void shouldRefuseRebalanceWhenThereAreFewerDevicesThanReplicas() throws Exception {
        byte[] before = Files.readAllBytes(builder);
        Result r = run("ring", "rebalance", builder.toString());
        assertThat(r.code).isEqualTo(1);
        assertThat(dir.resolve("object.ring.gz")).doesNotExist();
        assertThat(Files.readAllBytes(builder)).isEqualTo(before);
    }

    @Test
    void shouldSetWeightAndRemoveByAddressOrId() {
        assertThat(run("ring", "add", builder.toString(), "r1z2-127.0.0.2:6200/sda", "100").code)
                .isZero();
        assertThat(run("ring", "set-weight", builder.toString(), "127.0.0.2:6200/sda", "50").code)
                .isZero();
        assertThat(run("ring", "remove", builder.toString(), "d0").code).isZero();
        assertThat(run("ring", "remove", builder.toString(), "d9").code).isEqualTo(1);
    }

    @Test
    void shouldExplainWhenTheSwiftConfIsMissingForLookup() {
        Result r = run(
                "ring",
                "lookup",
                dir.resolve("object.ring.gz").toString(),
                "--swift-conf",
                dir.resolve("none.conf").toString(),
                "AUTH_a/c/o");
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains("swift.conf");
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CairnMain.run(
                args,
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
