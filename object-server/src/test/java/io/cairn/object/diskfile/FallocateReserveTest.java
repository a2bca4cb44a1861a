package io.cairn.object.diskfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FallocateReserveTest {
    private static final long GIB = 1L << 30;

    @Test
    void shouldParseBytesAndPercentagesAsSwiftsConfigFallocateValue() {
        assertThat(FallocateReserve.parse("1%")).isEqualTo(FallocateReserve.DEFAULT);
        assertThat(FallocateReserve.parse("2.5%")).isEqualTo(new FallocateReserve(2.5, true));
        assertThat(FallocateReserve.parse("1048576")).isEqualTo(new FallocateReserve(1_048_576, false));
        assertThat(FallocateReserve.parse("0")).isEqualTo(FallocateReserve.NONE);
        for (String bad : new String[] {"", "%", "1.5", "ten", "10 MB", "1%%"}) {
            assertThatThrownBy(() -> FallocateReserve.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("fallocate_reserve");
        }
        assertThat(FallocateReserve.parse("1048576")).hasToString("1048576");
        assertThat(FallocateReserve.DEFAULT).hasToString("1.0%");
    }

    @Test
    void shouldRefuseWhenWhatIsLeftIsAtMostTheReserve() {
        FallocateReserve bytes = new FallocateReserve(GIB, false);
        assertThat(bytes.refuses(3 * GIB, 100 * GIB, 2 * GIB - 1)).isFalse();
        assertThat(bytes.refuses(3 * GIB, 100 * GIB, 2 * GIB)).isTrue(); // free == reserve refuses, as Swift's <=
        assertThat(bytes.refuses(3 * GIB, 100 * GIB, 5 * GIB)).isTrue();

        // percent of the whole filesystem (f_blocks), of what is left (f_bavail) after the write
        FallocateReserve percent = new FallocateReserve(10, true);
        assertThat(percent.refuses(30 * GIB, 100 * GIB, 19 * GIB)).isFalse();
        assertThat(percent.refuses(30 * GIB, 100 * GIB, 20 * GIB)).isTrue();
        assertThat(FallocateReserve.DEFAULT.refuses(2 * GIB, 100 * GIB, GIB - 1))
                .isFalse();
        assertThat(FallocateReserve.DEFAULT.refuses(2 * GIB, 100 * GIB, GIB)).isTrue();
    }

    @Test
    void shouldCheckNothingWhenTheReserveIsZero() {
        assertThat(FallocateReserve.NONE.refuses(0, 100 * GIB, 5 * GIB)).isFalse();
        assertThat(new FallocateReserve(0, true).refuses(0, 100 * GIB, 5 * GIB)).isFalse();
    }
}
