package io.cairn.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigDefinitionTest {
    private static final Setting<Integer> PORT =
            Setting.integer("bind_port", 6200, 0, 65535).doc("Listening port.");
    private static final Setting<Path> DEVICES = Setting.path("devices", "/srv/node");
    private static final Setting<Boolean> MOUNT_CHECK = Setting.bool("mount_check", true);
    private static final Setting<Duration> TIMEOUT = Setting.seconds("node_timeout", 3, 0.001, 3600);
    private static final Setting<Integer> THREADS = Setting.integer("device_threads", 4, 1, 256)
            .cairnOnly()
            .deprecatedAlias("threads_per_disk")
            .doc("Threads per device | executor.");
    private static final Setting<Integer> RING = Setting.integer("group_commit_ring_size", 8192, 2, 1 << 24)
            .cairnOnly()
            .require(n -> Integer.bitCount(n) == 1, "must be a power of two");
    private static final Setting<Integer> WORKERS = Setting.autoInteger("workers", "one per core", () -> 7, 0, 1024);
    private static final Setting<List<String>> HOSTS = Setting.list("allowed_sync_hosts", List.of("127.0.0.1"));
    private static final Setting<Long> RESERVE =
            Setting.parsed("fallocate_reserve", "bytes or N%", "10", "expected bytes", Long::parseLong);
    private static final ConfigDefinition DEF = ConfigDefinition.of(
            "test-server",
            List.of(PORT, DEVICES, MOUNT_CHECK, TIMEOUT, THREADS, RING, WORKERS, HOSTS, RESERVE),
            Set.of("log_level", "user"));

    private static ConfigSection app(String body) {
        return IniFile.parse("[DEFAULT]\nlog_level = INFO\n[app:test-server]\n" + body, "t.conf")
                .section("app:test-server");
    }

    @Test
    void shouldGiveTheDefaultsWhenNothingIsSet() {
        ConfigValues v = DEF.parse(app(""));
        assertThat(v.get(PORT)).isEqualTo(6200);
        assertThat(v.get(DEVICES)).isEqualTo(Path.of("/srv/node"));
        assertThat(v.get(MOUNT_CHECK)).isTrue();
        assertThat(v.get(TIMEOUT)).isEqualTo(Duration.ofSeconds(3));
        assertThat(v.get(THREADS)).isEqualTo(4);
        assertThat(v.get(RING)).isEqualTo(8192);
        assertThat(v.get(WORKERS)).isEqualTo(7);
        assertThat(v.get(HOSTS)).containsExactly("127.0.0.1");
        assertThat(v.get(RESERVE)).isEqualTo(10L);
        assertThat(v.unknownKeys()).isEmpty();
        assertThat(v.ignoredKeys()).containsExactly("log_level");
        assertThat(v.deprecations()).isEmpty();
    }

    @Test
    void shouldParseEachTypeWhenSet() {
        ConfigValues v = DEF.parse(app("bind_port = 7_000\ndevices = /d\nmount_check = Off\nnode_timeout = 0.3\n"
                + "workers = AUTO\nallowed_sync_hosts = a, ,b\nfallocate_reserve = 5\ngroup_commit_ring_size = 64\n"));
        assertThat(v.get(PORT)).isEqualTo(7000);
        assertThat(v.get(DEVICES)).isEqualTo(Path.of("/d"));
        assertThat(v.get(MOUNT_CHECK)).isFalse();
        assertThat(v.get(TIMEOUT)).isEqualTo(Duration.ofMillis(300)); // rounded, not truncated to 299.999999 ms
        assertThat(v.get(WORKERS)).isEqualTo(7);
        assertThat(v.get(HOSTS)).containsExactly("a", "b");
        assertThat(v.get(RESERVE)).isEqualTo(5L);
        assertThat(v.get(RING)).isEqualTo(64);
    }

    @Test
    void shouldSplitOnWhitespaceWhenReadingWords() {
        Setting<List<String>> methods = Setting.words("methods", "GET HEAD");
        ConfigDefinition def = ConfigDefinition.of("w", List.of(methods), Set.of());
        assertThat(def.parse(app("")).get(methods)).containsExactly("GET", "HEAD");
        assertThat(def.parse(app("methods =  PUT\tPOST  \n")).get(methods)).containsExactly("PUT", "POST");
        assertThat(def.parse(app("methods =\n")).get(methods)).isEmpty();
    }

    @Test
    void shouldRoundSecondsToTheNearestNanosecondWhenConverting() {
        assertThat(Setting.toDuration(0.3)).isEqualTo(Duration.ofMillis(300));
        assertThat(Setting.toDuration(1e-9 * 0.4)).isEqualTo(Duration.ZERO);
        assertThat(Setting.toDuration(1e-9 * 0.6)).isEqualTo(Duration.ofNanos(1));
        assertThat(Setting.toDuration(86400)).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void shouldNameTheKeyValueAndRangeWhenAValueIsOutOfRange() {
        assertThatThrownBy(() -> DEF.parse(app("bind_port = 70000\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("t.conf: [app:test-server] bind_port = \"70000\": expected an integer in [0, 65535]")
                .extracting(e -> ((ConfigException) e).key())
                .isEqualTo("bind_port");
        assertThatThrownBy(() -> DEF.parse(app("node_timeout = soon\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("node_timeout = \"soon\": expected a number in [0.001, 3600.0]");
    }

    @Test
    void shouldRefuseWithTheReasonWhenARequirementFails() {
        assertThatThrownBy(() -> DEF.parse(app("group_commit_ring_size = 100\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("t.conf: [app:test-server] group_commit_ring_size = \"100\": must be a power of two");
    }

    @Test
    void shouldTurnAParserFailureIntoAConfigExceptionWhenTheValueIsMalformed() {
        assertThatThrownBy(() -> DEF.parse(app("fallocate_reserve = lots\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("t.conf: [app:test-server] fallocate_reserve = \"lots\": expected bytes (")
                .hasMessageContaining("lots");
    }

    @Test
    void shouldSayWhetherASettingIsSetWhenItsDefaultDependsOnAnother() {
        Setting<Duration> recoverable =
                Setting.seconds("recoverable_node_timeout", 3, 0.001, 3600).defaultDescribed("node_timeout");
        ConfigDefinition def = ConfigDefinition.of("d", List.of(TIMEOUT, recoverable), Set.of());
        assertThat(def.parse(app("")).isSet(recoverable)).isFalse();
        assertThat(def.parse(app("recoverable_node_timeout = 2\n")).isSet(recoverable))
                .isTrue();
        assertThat(def.parse(app("threads_per_disk = 2\n")).isSet(TIMEOUT)).isFalse();
        assertThat(DEF.parse(app("threads_per_disk = 2\n")).isSet(THREADS)).isTrue();
        assertThat(def.markdownTable()).contains("| `recoverable_node_timeout` | seconds | `node_timeout` |");
    }

    @Test
    void shouldReadOverridesAsIfTheFileSaidSoWhenACommandLineOverrides() {
        ConfigSection overridden = app("bind_port = 1\n").overriding(java.util.Map.of("bind_port", "2"));
        assertThat(DEF.parse(overridden).get(PORT)).isEqualTo(2);
        assertThat(DEF.parse(overridden).unknownKeys()).isEmpty();
        assertThatThrownBy(() -> DEF.parse(app("").overriding(java.util.Map.of("bind_port", "-1"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bind_port");
    }

    @Test
    void shouldReadTheOldNameAndWarnWhenOnlyTheDeprecatedAliasIsSet() {
        ConfigValues v = DEF.parse(app("threads_per_disk = 9\n"));
        assertThat(v.get(THREADS)).isEqualTo(9);
        assertThat(v.deprecations()).containsExactly("threads_per_disk is deprecated: use device_threads");
        assertThat(v.unknownKeys()).isEmpty();
    }

    @Test
    void shouldPreferTheNewNameAndWarnWhenBothNamesAreSet() {
        ConfigValues v = DEF.parse(app("threads_per_disk = 9\ndevice_threads = 3\n"));
        assertThat(v.get(THREADS)).isEqualTo(3);
        assertThat(v.deprecations())
                .containsExactly("threads_per_disk is deprecated and ignored: device_threads is set too");
    }

    @Test
    void shouldNameTheAliasAsWrittenWhenTheDeprecatedValueIsBad() {
        assertThatThrownBy(() -> DEF.parse(app("threads_per_disk = 0\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("threads_per_disk = \"0\": expected an integer in [1, 256]");
    }

    @Test
    void shouldReportOnlyTheSectionsOwnUnknownKeysWhenParsing() {
        ConfigSection s = IniFile.parse(
                        "[DEFAULT]\nstray = 1\n[app:x]\nuse = egg:swift#x\nmount_chek = no\nuser = swift\n", "t.conf")
                .section("app:x");
        ConfigValues v = DEF.parse(s);
        assertThat(v.unknownKeys()).containsExactly("mount_chek");
        assertThat(v.ignoredKeys()).containsExactly("user");
    }

    @Test
    void shouldRefuseADefinitionWhenAKeyIsDefinedTwice() {
        assertThatThrownBy(() -> ConfigDefinition.of("dup", List.of(PORT, THREADS), Set.of("threads_per_disk")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("threads_per_disk");
    }

    @Test
    void shouldThrowWhenAskedForASettingOfAnotherDefinition() {
        ConfigValues v = DEF.parse(app(""));
        Setting<Integer> other = Setting.integer("other", 1, 0, 2);
        assertThatThrownBy(() -> v.get(other)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRenderOneRowPerSettingWhenMakingTheReadmeTable() {
        String table = DEF.markdownTable();
        assertThat(table.lines().toList())
                .startsWith(
                        "| Key | Type | Default | Allowed | Origin | Description |",
                        "|---|---|---|---|---|---|",
                        "| `bind_port` | integer | `6200` | [0, 65535] | Swift | Listening port. |")
                .contains(
                        "| `device_threads` (deprecated: `threads_per_disk`) | integer | `4` | [1, 256] | Cairn "
                                + "| Threads per device \\| executor. |",
                        "| `node_timeout` | seconds | `3` | [0.001, 3600] | Swift |  |",
                        "| `group_commit_ring_size` | integer | `8192` | [2, 16777216], must be a power of two "
                                + "| Cairn |  |",
                        "| `workers` | integer or auto | `auto (one per core)` | [0, 1024] | Swift |  |",
                        "Swift keys accepted and not acted on: `log_level`, `user`.");
    }

    @Test
    void shouldListWhatDiffersWhenCheckingASample() {
        String sample = "# intro = not a key\n[DEFAULT]\nx=1\n[app:test-server]\nuse = egg:x\n# bind_port = 6200\n"
                + "devices = /srv/node\n#mount_check = true\n# node_timeout = 3\n# device_threads = 4\n"
                + "# group_commit_ring_size = 8192\n# workers = auto\n# allowed_sync_hosts = 127.0.0.1\n"
                + "# log_level =\n# user =\n# typo = 1\n[other]\nfallocate_reserve = 1\n";
        String section = ConfigDefinition.sampleSection(sample, "app:test-server");
        assertThat(DEF.sampleDifferences(section))
                .containsExactly("missing from the sample: fallocate_reserve", "in the sample but not defined: typo");
        assertThatThrownBy(() -> ConfigDefinition.sampleSection(sample, "nope"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldBuildASectionFromValuesWhenGivenOwnKeys() {
        ConfigSection s = ConfigSection.of(
                "node.conf [object-server]",
                "object-server",
                Dialect.PASTE_DEPLOY,
                java.util.Map.of("devices", "/d", "bind_prot", "1"),
                Set.of("bind_prot"));
        ConfigValues v = DEF.parse(s);
        assertThat(v.get(DEVICES)).isEqualTo(Path.of("/d"));
        assertThat(v.unknownKeys()).containsExactly("bind_prot");
    }
}
