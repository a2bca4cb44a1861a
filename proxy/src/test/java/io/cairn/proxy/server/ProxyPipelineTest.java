package io.cairn.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.IniFile;
import org.junit.jupiter.api.Test;

class ProxyPipelineTest {
    private static ProxyPipeline parse(String text) {
        return ProxyPipeline.fromIni(IniFile.parse(text, "proxy-server.conf"));
    }

    @Test
    void shouldResolveStagesByTheirEggEntry() {
        ProxyPipeline p = parse("[pipeline:main]\npipeline = errors gatekeeper proxy-logging cache auth proxy-server\n"
                + "[filter:errors]\nuse = egg:swift#catch_errors\n[filter:auth]\nuse = egg:swift#tempauth\n");
        assertThat(p.entries()).containsExactly("catch_errors", "gatekeeper", "proxy_logging", "memcache", "tempauth");
        assertThat(p.hasTempAuth()).isTrue();
        assertThat(p.skipped()).isEmpty();
    }

    @Test
    void shouldNameEveryFilterCairnLacks() {
        assertThatThrownBy(() -> parse("[pipeline:main]\npipeline = catch_errors rl tempauth slo proxy-server\n"
                        + "[filter:rl]\nuse = egg:swift#ratelimit\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rl (egg:swift#ratelimit), slo")
                .hasMessageContaining("cairn_skip_filters");
    }

    @Test
    void shouldSkipOnlyWhatTheOperatorListed() {
        ProxyPipeline p = parse("[pipeline:main]\npipeline = catch_errors slo dlo tempauth proxy-server\n"
                + "cairn_skip_filters = slo, dlo\n");
        assertThat(p.entries()).containsExactly("catch_errors", "tempauth");
        assertThat(p.skipped()).containsExactly("slo", "dlo");
    }

    @Test
    void shouldRequireTheAppLast() {
        assertThatThrownBy(() -> parse("[pipeline:main]\npipeline = tempauth\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("must end with the app proxy-server");
    }

    @Test
    void shouldRunTempAuthWithoutAPipelineOnlyWhenConfigured() {
        assertThat(parse("[app:proxy-server]\n").hasTempAuth()).isFalse();
        assertThat(parse("[filter:tempauth]\nuser_a_b = c\n").hasTempAuth()).isTrue();
    }
}
