package io.cairn.common.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeleteAtTest {

    @Test
    void shouldPadToTenDigitsAndClampWhenNormalizingSeconds() {
        assertThat(DeleteAt.normalize(1_700_000_000L)).isEqualTo("1700000000");
        assertThat(DeleteAt.normalize(42L)).isEqualTo("0000000042");
        assertThat(DeleteAt.normalize(-5L)).isEqualTo("0000000000");
        assertThat(DeleteAt.normalize(99_999_999_999L)).isEqualTo("9999999999");
    }

    @Test
    void shouldTruncateOrRoundLikePythonWhenNormalizingFloats() {
        assertThat(DeleteAt.normalize("1700000000.9")).isEqualTo("1700000000");
        assertThat(DeleteAt.normalize("nan")).isEqualTo("0000000000");
        assertThat(DeleteAt.normalize("inf")).isEqualTo("9999999999");
        assertThat(DeleteAt.normalizeHighPrecision("1.5")).isEqualTo("0000000001.50000");
        assertThat(DeleteAt.normalizeHighPrecision("1e20")).isEqualTo("9999999999.99999");
        assertThat(DeleteAt.normalizeHighPrecision(-3.0)).isEqualTo("0000000000.00000");
        assertThatThrownBy(() -> DeleteAt.normalize("soon")).isInstanceOf(IllegalArgumentException.class);
    }
}
