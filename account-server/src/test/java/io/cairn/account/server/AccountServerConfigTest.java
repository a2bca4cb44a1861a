package io.cairn.account.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.IniFile;
import io.cairn.common.testing.ConfigDocs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccountServerConfigTest {
    private static final Path SAMPLE = Path.of("etc/account-server.conf-sample");

    @Test
    void shouldListExactlyTheKeysTheConfigReadsWhenComparedWithTheSample() throws Exception {
        String sample = Files.readString(SAMPLE);
        int reaper = sample.indexOf("\n[account-reaper]"); // the daemon's section has its own test
        assertThat(AccountServerConfig.DEFINITION.sampleDifferences(reaper < 0 ? sample : sample.substring(0, reaper)))
                .isEmpty();
    }

    @Test
    void shouldShowTheDefinitionsTableWhenReadingTheReadme() throws Exception {
        assertThat(ConfigDocs.readmeTable(Path.of("README.md"), "account-server"))
                .isEqualTo(AccountServerConfig.DEFINITION.markdownTable());
    }

    @Test
    void shouldUseSwiftsDefaultsAndReportUnknownKeysWhenParsingTheSample() throws Exception {
        AccountServerConfig c = AccountServerConfig.from(IniFile.load(SAMPLE));
        assertThat(c.bindPort()).isEqualTo(6202);
        assertThat(c.devices()).isEqualTo(Path.of("/srv/node"));
        assertThat(c.mountCheck()).isTrue();
        assertThat(c.deviceThreads()).isEqualTo(4);
        assertThat(c.deviceQueue()).isEqualTo(1000);
        assertThat(c.groupCommitRingSize()).isEqualTo(4096);
        assertThat(c.groupCommitMaxBatch()).isEqualTo(1000);
        assertThat(c.pendingFoldDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.unknownKeys()).isEmpty();
        AccountServerConfig odd = AccountServerConfig.from(IniFile.parse(
                "[DEFAULT]\nbind_port = 7000\n[app:account-server]\nuse = egg:swift#account\nmount_chek = false\n",
                "test.conf"));
        assertThat(odd.bindPort()).isEqualTo(7000);
        assertThat(odd.unknownKeys()).containsExactly("mount_chek");
    }

    @Test
    void shouldReadTheOtherServersNamesAndTheOldOnesAsDeprecatedWhenTuningExecutors() {
        AccountServerConfig named = AccountServerConfig.from(IniFile.parse(
                "[app:account-server]\ndevice_threads = 3\ndevice_queue = 50\ngroup_commit_ring_size = 64\n"
                        + "group_commit_max_batch = 10\n",
                "new.conf"));
        assertThat(named.deviceThreads()).isEqualTo(3);
        assertThat(named.deviceQueue()).isEqualTo(50);
        assertThat(named.groupCommitRingSize()).isEqualTo(64);
        assertThat(named.groupCommitMaxBatch()).isEqualTo(10);
        AccountServerConfig old = AccountServerConfig.from(IniFile.parse(
                "[app:account-server]\nthreads_per_disk = 3\nqueue_per_disk = 50\ncommit_ring_size = 64\n"
                        + "commit_max_batch = 10\n",
                "old.conf"));
        assertThat(old).isEqualTo(named);
        assertThat(AccountServerConfig.DEFINITION
                        .parse(IniFile.parse("[app:account-server]\nthreads_per_disk = 3\n", "old.conf")
                                .section(AccountServerConfig.SECTION))
                        .deprecations())
                .containsExactly("threads_per_disk is deprecated: use device_threads");
    }

    @Test
    void shouldNameTheKeyAndTheReasonWhenTheRingSizeIsNotAPowerOfTwo() {
        assertThatThrownBy(() -> AccountServerConfig.from(
                        IniFile.parse("[app:account-server]\ncommit_ring_size = 1000\n", "bad.conf")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("bad.conf: [app:account-server] commit_ring_size = \"1000\": must be a power of two");
    }

    @Test
    void shouldHandTheSharedLimitsToTheScaffoldWhenSet() {
        AccountServerConfig c = AccountServerConfig.from(IniFile.parse(
                "[app:account-server]\nclient_timeout = 2.5\nmax_header_size = 1024\nmax_request_bytes = 4096\n"
                        + "log_requests = false\n",
                "limits.conf"));
        assertThat(c.serverSettings().clientTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(c.serverSettings().maxHeaderSize()).isEqualTo(1024);
        assertThat(c.serverSettings().logRequests()).isFalse();
        assertThat(c.serverSettings().name()).isEqualTo("account");
        assertThat(c.maxRequestBytes()).isEqualTo(4096);
    }
}
