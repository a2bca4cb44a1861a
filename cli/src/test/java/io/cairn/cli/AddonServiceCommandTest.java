package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.config.IniFile;
import org.junit.jupiter.api.Test;

/** The settings {@code cairn identity-api} / {@code image-api} pass to the add-on, and what they refuse. */
class ApiServiceCommandTest {
    static final String VALID = "cairn.database.url = jdbc:postgresql://db:5432/cairn\n"
            + "cairn.identity.signing-key = MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=\nserver.port = 9292\n";

    @Test
    void shouldServeOnlyTheNamedApiAndNoComputeWhenConfigured() {
        var image =
                ApiServiceCommand.settings(IniFile.parse("[image-api]\n" + VALID, "t"), ApiServiceCommand.Api.IMAGE);
        assertThat(image)
                .containsEntry("cairn.api.identity", "false")
                .containsEntry("cairn.compute.enabled", "false")
                .containsEntry("cairn.compute.agents", "0")
                .containsEntry("server.port", "9292")
                .doesNotContainKey("cairn.api.image");
        var identity = ApiServiceCommand.settings(
                IniFile.parse("[identity-api]\n" + VALID, "t"), ApiServiceCommand.Api.IDENTITY);
        assertThat(identity).containsEntry("cairn.api.image", "false");
    }

    @Test
    void shouldRefuseAWrongSectionForeignKeysOrAMissingRequiredSetting() {
        assertThatThrownBy(() -> ApiServiceCommand.settings(
                        IniFile.parse("[identity-api]\n" + VALID, "t"), ApiServiceCommand.Api.IMAGE))
                .isInstanceOf(ServerLauncher.UsageException.class)
                .hasMessageContaining("no [image-api] section");
        assertThatThrownBy(() -> ApiServiceCommand.settings(
                        IniFile.parse("[image-api]\n" + VALID + "bind_port = 80\n", "t"), ApiServiceCommand.Api.IMAGE))
                .isInstanceOf(ServerLauncher.UsageException.class)
                .hasMessageContaining("bind_port: not settings of the compute add-on");
        assertThatThrownBy(() -> ApiServiceCommand.settings(
                        IniFile.parse("[image-api]\ncairn.database.url = jdbc:postgresql://db/c\n", "t"),
                        ApiServiceCommand.Api.IMAGE))
                .isInstanceOf(ServerLauncher.UsageException.class)
                .hasMessageContaining("cairn.identity.signing-key is required");
    }
}
