package io.cairn.proxy.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.time.Timestamp;
import org.junit.jupiter.api.Test;

/** Reference values from Swift 2.30.1 ({@code ~Timestamp(...)}, {@code get_reserved_name}, legacy's prefix). */
class VersionNamesTest {
    @Test
    void shouldInvertTimestampsAsSwiftWhenNamingVersions() {
        assertThat(VersionNames.invert(Timestamp.parse("1796613109.48044")).internal())
                .isEqualTo("8203386890.51955");
        assertThat(VersionNames.invert(Timestamp.parse("1")).internal()).isEqualTo("9999999998.99999");
        assertThat(VersionNames.invert(Timestamp.parse("0.00001")).internal()).isEqualTo("9999999999.99998");
        assertThat(VersionNames.versionObject("o", Timestamp.parse("1796613109.48044")))
                .isEqualTo("\u0000o\u00008203386890.51955");
        assertThat(VersionNames.versionsContainer("ünï")).isEqualTo("\u0000versions\u0000ünï");
        assertThat(VersionNames.versionPrefix("a/b")).isEqualTo("\u0000a/b\u0000");
    }

    @Test
    void shouldRefuseOffsetsAndReservedPartsAsSwift() {
        assertThatThrownBy(() -> VersionNames.invert(Timestamp.parse("1796613109.48044_0000000000000001")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VersionNames.reserved("a\u0000b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSplitVersionNamesBackIntoObjectAndIdAndRejectOthers() {
        assertThat(VersionNames.splitVersion("\u0000o/p ☃\u00008203386890.51955"))
                .containsExactly("o/p ☃", "1796613109.48044");
        assertThat(VersionNames.splitVersion("o")).isNull();
        assertThat(VersionNames.splitVersion("\u0000o")).isNull();
        assertThat(VersionNames.splitVersion("\u0000o\u0000not-a-time")).isNull();
        assertThat(VersionNames.splitVersion("\u0000o\u00001\u00002")).isNull();
        assertThat(VersionNames.containerOfVersions("\u0000versions\u0000c")).isEqualTo("c");
        assertThat(VersionNames.containerOfVersions("\u0000other\u0000c")).isEqualTo("\u0000other\u0000c");
        assertThat(VersionNames.containerOfVersions("plain")).isEqualTo("plain");
    }

    @Test
    void shouldCountUtf8BytesInLegacyPrefixesAsSwiftsWsgiStrings() {
        assertThat(LegacyNames.prefix("o")).isEqualTo("001o/");
        assertThat(LegacyNames.prefix("ünï☃")).isEqualTo("008ünï☃/");
        assertThat(LegacyNames.name("a/b", Timestamp.parse("1700000000.5"))).isEqualTo("003a/b/1700000000.50000");
        assertThat(LegacyNames.prefix("x".repeat(1024))).startsWith("400x");
    }
}
