package io.cairn.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizesTest {
    @Test
    void shouldParseBinaryUnitsWhenGivenCommonSpellings() {
        assertThat(ByteSizes.parse("512")).isEqualTo(512);
        assertThat(ByteSizes.parse("4KiB")).isEqualTo(4096);
        assertThat(ByteSizes.parse("4k")).isEqualTo(4096);
        assertThat(ByteSizes.parse("1MiB")).isEqualTo(1 << 20);
        assertThat(ByteSizes.parse("64 MB")).isEqualTo(64L << 20);
        assertThat(ByteSizes.parse("2GiB")).isEqualTo(2L << 30);
    }

    @Test
    void shouldRejectWhenTextIsNotASize() {
        assertThatThrownBy(() -> ByteSizes.parse("KiB")).hasMessageContaining("not a byte size");
        assertThatThrownBy(() -> ByteSizes.parse("4XB")).hasMessageContaining("unknown unit");
        assertThatThrownBy(() -> ByteSizes.parse("99999999999999999999")).hasMessageContaining("too large");
    }

    @Test
    void shouldFormatInLargestExactUnitWhenPrinting() {
        assertThat(ByteSizes.format(4096)).isEqualTo("4KiB");
        assertThat(ByteSizes.format(64L << 20)).isEqualTo("64MiB");
        assertThat(ByteSizes.format(1000)).isEqualTo("1000");
        assertThat(ByteSizes.format(0)).isEqualTo("0");
    }
}
