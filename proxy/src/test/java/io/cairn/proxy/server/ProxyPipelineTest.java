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
        // dlo is added as Swift's proxy adds its required filters
        assertThat(p.entries())
                .containsExactly("catch_errors", "gatekeeper", "proxy_logging", "memcache", "tempauth", "dlo");
        assertThat(p.hasTempAuth()).isTrue();
        assertThat(p.skipped()).isEmpty();
    }

    @Test
    void shouldNameEveryFilterCairnLacks() {
        assertThatThrownBy(() ->
                        parse("[pipeline:main]\npipeline = catch_errors ks tempauth container-sync slo proxy-server\n"
                                + "[filter:ks]\nuse = egg:swift#s3token\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ks (egg:swift#s3token), container-sync")
                .hasMessageContaining("cairn_skip_filters");
    }

    @Test
    void shouldSkipOnlyWhatTheOperatorListed() {
        ProxyPipeline p =
                parse("[pipeline:main]\npipeline = catch_errors s3token container-sync tempauth proxy-server\n"
                        + "cairn_skip_filters = s3token, container-sync\n");
        assertThat(p.entries()).containsExactly("catch_errors", "tempauth", "dlo");
        assertThat(p.skipped()).containsExactly("s3token", "container-sync");
    }

    @Test
    void shouldBuildTheSeamFiltersInPipelineOrderWhenListed() {
        IniFile ini = IniFile.parse(
                "[pipeline:main]\npipeline = tempauth copy slo dlo symlink proxy-server\n"
                        + "[filter:slo]\nuse = egg:swift#slo\nmax_manifest_segments = 7\nbogus = 1\n",
                "proxy-server.conf");
        ProxyPipeline p = ProxyPipeline.fromIni(ini);
        assertThat(p.entries()).containsExactly("tempauth", "copy", "slo", "dlo", "symlink");
        java.util.List<String> warnings = new java.util.ArrayList<>();
        assertThat(p.middlewares(ini, warnings))
                .extracting(m -> m.getClass().getSimpleName())
                // Swift inserts listing_formats first; it formats XML listings the filters below rewrite
                .containsExactly("ListingFormats", "StaticLargeObject", "DynamicLargeObject", "Symlink");
        assertThat(warnings).containsExactly("[filter:slo] unknown key bogus");
    }

    @Test
    void shouldBuildVersionedWritesBelowDloAndAboveSymlinkAndRefuseObjectVersioningWithoutSymlinks() {
        IniFile ini = IniFile.parse(
                "[pipeline:main]\npipeline = tempauth copy slo dlo versioned_writes symlink proxy-server\n"
                        + "[filter:versioned_writes]\nuse = egg:swift#versioned_writes\nallow_object_versioning = true\n",
                "proxy-server.conf");
        java.util.List<String> warnings = new java.util.ArrayList<>();
        assertThat(ProxyPipeline.fromIni(ini).middlewares(ini, warnings))
                .extracting(m -> m.getClass().getSimpleName())
                .containsExactly(
                        "ListingFormats", "StaticLargeObject", "DynamicLargeObject", "VersionedWrites", "Symlink");
        IniFile noSymlink = IniFile.parse(
                "[pipeline:main]\npipeline = tempauth copy versioned_writes proxy-server\n"
                        + "[filter:versioned_writes]\nuse = egg:swift#versioned_writes\nallow_object_versioning = true\n",
                "proxy-server.conf");
        assertThatThrownBy(() -> ProxyPipeline.fromIni(noSymlink).middlewares(noSymlink, warnings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("object versioning requires symlinks");
    }

    @Test
    void shouldLeaveListingsToTheStorageServersWhenNoFilterBelowRewritesThem() {
        IniFile ini = IniFile.parse(
                "[pipeline:main]\npipeline = listing_formats tempauth copy dlo slo proxy-server\n",
                "proxy-server.conf");
        assertThat(ProxyPipeline.fromIni(ini).middlewares(ini, new java.util.ArrayList<>()))
                .extracting(m -> m.getClass().getSimpleName())
                .containsExactly("ListingFormats", "DynamicLargeObject", "StaticLargeObject");
        IniFile none = IniFile.parse(
                "[pipeline:main]\npipeline = listing_formats tempauth copy dlo proxy-server\n", "proxy-server.conf");
        assertThat(ProxyPipeline.fromIni(none).middlewares(none, new java.util.ArrayList<>()))
                .extracting(m -> m.getClass().getSimpleName())
                .containsExactly("DynamicLargeObject");
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
