package io.cairn.compute.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteRangesTest {
    @Test
    void parsesTheThreeForms() {
        assertThat(ByteRanges.parse("bytes=0-9", 100)).isEqualTo(new ImageStore.ByteRange(0, 9));
        assertThat(ByteRanges.parse("bytes=90-", 100)).isEqualTo(new ImageStore.ByteRange(90, 99));
        assertThat(ByteRanges.parse("bytes=-10", 100)).isEqualTo(new ImageStore.ByteRange(90, 99));
        assertThat(ByteRanges.parse("bytes=50-1000", 100)).isEqualTo(new ImageStore.ByteRange(50, 99));
    }

    @Test
    void noHeaderSeveralRangesOrJunkMeanTheWholeImage() {
        assertThat(ByteRanges.parse(null, 100)).isNull();
        assertThat(ByteRanges.parse("bytes=0-1,5-6", 100)).isNull();
        assertThat(ByteRanges.parse("bytes=a-b", 100)).isNull();
        assertThat(ByteRanges.parse("items=0-1", 100)).isNull();
    }

    @Test
    void unsatisfiableRangesAre416() {
        assertThatThrownBy(() -> ByteRanges.parse("bytes=100-", 100)).hasMessageContaining("not satisfiable");
        assertThatThrownBy(() -> ByteRanges.parse("bytes=9-3", 100)).hasMessageContaining("not satisfiable");
    }
}
