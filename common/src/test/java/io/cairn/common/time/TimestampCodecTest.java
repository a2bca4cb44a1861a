package io.cairn.common.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimestampCodecTest {
    private static final Timestamp T1 = Timestamp.parse("1400000000.00000");
    private static final Timestamp T2 = Timestamp.parse("1400000001.00000");

    @Test
    void shouldEncodeOnlyTheFirstWhenAllAreEqualAndNotExplicit() {
        assertThat(TimestampCodec.encode(T1, T1, T1, false)).isEqualTo("1400000000.00000");
        assertThat(TimestampCodec.encode(T1, null, null, false)).isEqualTo("1400000000.00000");
        assertThat(TimestampCodec.encode(T1, T1, T1, true)).isEqualTo("1400000000.00000+0+0");
        assertThat(TimestampCodec.encode(T1, T1, null, true)).isEqualTo("1400000000.00000+0");
    }

    @Test
    void shouldEncodeSignedHexDifferencesWhenTimesDiffer() {
        assertThat(TimestampCodec.encode(T1, T2, null, false)).isEqualTo("1400000000.00000+186a0");
        assertThat(TimestampCodec.encode(T2, T1, null, true)).isEqualTo("1400000001.00000-186a0");
        assertThat(TimestampCodec.encode(T1, T2, T1, false)).isEqualTo("1400000000.00000+186a0-186a0");
        assertThat(TimestampCodec.encode(T1.withOffset(0x1f), T2.withOffset(5), null, false))
                .isEqualTo("1400000000.00000_1f+186a0");
        assertThatThrownBy(() -> TimestampCodec.encode(T1, null, T2, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldFillMissingPartsWithPreviousOrNullWhenDecoding() {
        assertThat(TimestampCodec.decode("1400000000.00000", false)).isEqualTo(new DecodedTimestamps(T1, T1, T1));
        assertThat(TimestampCodec.decode("1400000000.00000", true)).isEqualTo(new DecodedTimestamps(T1, null, null));
        assertThat(TimestampCodec.decode("1400000000.00000+186a0", true))
                .isEqualTo(new DecodedTimestamps(T1, T2, null));
        assertThat(TimestampCodec.decode("1400000001.00000-186a0+186a0", false))
                .isEqualTo(new DecodedTimestamps(T2, T1, T2));
        Timestamp withOffset = T1.withOffset(7);
        assertThat(TimestampCodec.decode("1400000000.00000_7+0", false))
                .isEqualTo(new DecodedTimestamps(withOffset, withOffset, withOffset));
    }

    @Test
    void shouldRejectMalformedEncodingsWhenDecoding() {
        for (String bad : new String[] {"", "+1", "1.5+", "1.5+g", "1.5+1+1+1", "0.00001-2", "1.5++1"}) {
            assertThatThrownBy(() -> TimestampCodec.decode(bad, false))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
