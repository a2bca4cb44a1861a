package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.config.IniFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings the add-on's service commands pass to it, and what they refuse (exit 2, naming the key). */
class AddonServiceCommandTest {
    static final String VALID = "cairn.database.url = jdbc:postgresql://db:5432/cairn\n"
            + "cairn.identity.signing-key = MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=\nserver.port = 9292\n";
    static final String BROKER = "cairn.compute.amqp-uri = amqp://cairn:secret@mq:5672/%2F\n";

    private static java.util.Map<String, String> settings(String text, AddonServiceCommand.Service service) {
        return AddonServiceCommand.settings(IniFile.parse(text, "t"), service);
    }

    @Test
    void shouldServeOnlyTheNamedApiAndNoComputeWhenConfigured() {
        var image = settings("[image-api]\n" + VALID, AddonServiceCommand.Service.IMAGE);
        assertThat(image)
                .containsEntry("cairn.api.identity", "false")
                .containsEntry("cairn.compute.enabled", "false")
                .containsEntry("cairn.compute.agents", "0")
                .containsEntry("server.port", "9292")
                .doesNotContainKey("cairn.api.image");
        var identity = settings("[identity-api]\n" + VALID, AddonServiceCommand.Service.IDENTITY);
        assertThat(identity).containsEntry("cairn.api.image", "false");
    }

    @Test
    void shouldRunOnlyItsPartOfComputeOverAmqpWhenAComputeServiceIsConfigured() {
        var api = settings(
                "[compute-api]\n" + VALID + BROKER + "cairn.endpoints.image-public-url = http://img:9292\n",
                AddonServiceCommand.Service.COMPUTE);
        assertThat(api)
                .containsEntry("cairn.api.identity", "false")
                .containsEntry("cairn.api.image", "false")
                .containsEntry("cairn.compute.enabled", "true")
                .containsEntry("cairn.compute.agents", "0")
                .containsEntry("cairn.compute.scheduler", "false")
                .containsEntry("cairn.compute.transport", "amqp");
        var scheduler = settings(
                "[scheduler]\ncairn.database.url = jdbc:postgresql://db/c\n" + BROKER,
                AddonServiceCommand.Service.SCHEDULER);
        assertThat(scheduler)
                .containsEntry("cairn.compute.agents", "0")
                .containsEntry("cairn.compute.scheduler", "true")
                .doesNotContainKey("cairn.identity.signing-key");
        var agent = settings(
                "[compute-agent]\ncairn.database.url = jdbc:postgresql://db/c\n" + BROKER
                        + "cairn.endpoints.image-public-url = http://img:9292\ncairn.compute.host = node7\n"
                        + "cairn.compute.driver = fake\ncairn.compute.fake-vcpus = 4\n"
                        // repeating what the command sets is fine
                        + "cairn.compute.transport = amqp\n",
                AddonServiceCommand.Service.AGENT);
        assertThat(agent)
                .containsEntry("cairn.compute.agents", "1")
                .containsEntry("cairn.compute.scheduler", "false")
                .containsEntry("cairn.compute.host", "node7")
                .containsEntry("cairn.compute.fake-vcpus", "4");
    }

    @Test
    void shouldAcceptEverySampleConfigWhenItsPlaceholdersAreKept() {
        for (AddonServiceCommand.Service service : AddonServiceCommand.Service.values()) {
            Path sample = Path.of("../compute-addon/etc/" + service.command + ".conf-sample");
            assertThat(AddonServiceCommand.settings(IniFile.load(sample), service))
                    .as(sample.toString())
                    .containsKey("cairn.database.url");
        }
    }

    @Test
    void shouldRefuseAWrongSectionForeignKeysOrAMissingRequiredSetting() {
        assertThatThrownBy(() -> settings("[identity-api]\n" + VALID, AddonServiceCommand.Service.IMAGE))
                .isInstanceOf(ServerLauncher.UsageException.class)
                .hasMessageContaining("no [image-api] section");
        assertThatThrownBy(
                        () -> settings("[image-api]\n" + VALID + "bind_port = 80\n", AddonServiceCommand.Service.IMAGE))
                .isInstanceOf(ServerLauncher.UsageException.class)
                .hasMessageContaining("bind_port: not settings of the compute add-on");
        assertThatThrownBy(() -> settings(
                        "[image-api]\ncairn.database.url = jdbc:postgresql://db/c\n",
                        AddonServiceCommand.Service.IMAGE))
                .isInstanceOf(ServerLauncher.UsageException.class)
                .hasMessageContaining("cairn.identity.signing-key is required");
        assertThatThrownBy(() -> settings("[compute-api]\n" + VALID + BROKER, AddonServiceCommand.Service.COMPUTE))
                .isInstanceOf(ServerLauncher.UsageException.class)
                .hasMessageContaining("cairn.endpoints.image-public-url is required");
        assertThatThrownBy(() -> settings(
                        "[scheduler]\ncairn.database.url = jdbc:postgresql://db/c\n",
                        AddonServiceCommand.Service.SCHEDULER))
                .isInstanceOf(ServerLauncher.UsageException.class)
                .hasMessageContaining("cairn.compute.amqp-uri is required");
    }

    @Test
    void shouldRefuseChangingWhatTheCommandSetsOrAnAgentWithoutARealDriver() {
        String agent = "[compute-agent]\ncairn.database.url = jdbc:postgresql://db/c\n" + BROKER
                + "cairn.endpoints.image-public-url = http://img:9292\ncairn.compute.host = node7\n";
        assertThatThrownBy(() -> settings(
                        agent + "cairn.compute.driver = fake\ncairn.compute.transport = local\n",
                        AddonServiceCommand.Service.AGENT))
                .isInstanceOf(ServerLauncher.UsageException.class)
                .hasMessageContaining("cairn.compute.transport = \"local\": cairn compute-agent sets it to amqp");
        assertThatThrownBy(() -> settings(
                        agent + "cairn.compute.driver = fake\ncairn.compute.agents = 3\n",
                        AddonServiceCommand.Service.AGENT))
                .isInstanceOf(ServerLauncher.UsageException.class)
                .hasMessageContaining("cairn.compute.agents = \"3\"");
        assertThatThrownBy(() -> settings(agent + "cairn.compute.driver = auto\n", AddonServiceCommand.Service.AGENT))
                .isInstanceOf(ServerLauncher.UsageException.class)
                .hasMessageContaining("cairn.compute.driver = \"auto\": must be fake or qemu");
        assertThatThrownBy(() -> settings(agent + "cairn.compute.driver = qemu\n", AddonServiceCommand.Service.AGENT))
                .isInstanceOf(ServerLauncher.UsageException.class)
                .hasMessageContaining("cairn.compute.instances-path is required with the qemu driver");
        assertThatThrownBy(() -> settings(agent, AddonServiceCommand.Service.AGENT))
                .isInstanceOf(ServerLauncher.UsageException.class)
                .hasMessageContaining("cairn.compute.driver is required");
    }

    @Test
    void shouldExitTwoNamingTheKeyWhenAValueHasTheWrongType(@TempDir Path dir) throws IOException {
        // the binding failure comes from the add-on's start, before any connection to the database or broker
        Path conf = Files.writeString(
                dir.resolve("scheduler.conf"),
                "[scheduler]\ncairn.database.url = jdbc:sqlite:" + dir.resolve("c.db")
                        + "\ncairn.compute.amqp-uri = amqp://127.0.0.1:1/\ncairn.compute.heartbeat = often\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = CairnMain.run(
                new String[] {"scheduler", "--config", conf.toString()},
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(rc).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("cairn scheduler: ")
                .contains("[scheduler]: cairn.compute.heartbeat = \"often\": 'often' is not a valid duration");
        assertThat(CairnMain.run(
                        new String[] {"compute-agent"},
                        new ByteArrayInputStream(new byte[0]),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: cairn compute-agent --config FILE");
    }
}
