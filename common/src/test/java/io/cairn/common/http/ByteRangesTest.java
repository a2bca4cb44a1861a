package io.cairn.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangesTest {
    private static long[] ranges(String header, long length) {
        ByteRanges r = ByteRanges.parse(header);
        assertThat(r).as("parsed %s", header).isNotNull();
        return java.util.Objects.requireNonNull(r).forLength(length);
    }

    @Test
    void shouldFollowSwobWhenRangesAreSatisfiable() {
        assertThat(ranges("bytes=0-4", 10)).containsExactly(0, 5);
        assertThat(ranges("bytes=-3", 10)).containsExactly(7, 10);
        assertThat(ranges("bytes=-30", 10)).containsExactly(0, 10);
        assertThat(ranges("bytes=8-", 10)).containsExactly(8, 10);
        assertThat(ranges("bytes=8-100", 10)).containsExactly(8, 10);
        assertThat(ranges("bytes = 1-2, 4-5", 10)).containsExactly(1, 3, 4, 6);
    }

    @Test
    void shouldIgnoreHeaderWhenSyntaxIsInvalid() {
        assertThat(ByteRanges.parse("items=0-1")).isNull();
        assertThat(ByteRanges.parse("bytes=5-3")).isNull();
        assertThat(ByteRanges.parse("bytes=-")).isNull();
        assertThat(ByteRanges.parse("bytes=45")).isNull();
        assertThat(ByteRanges.parse("bytes=a-b")).isNull();
    }

    @Test
    void shouldBeUnsatisfiableWhenAbusiveOrOutOfBounds() {
        assertThat(ranges("bytes=10-", 10)).isEmpty();
        assertThat(ranges("bytes=-0", 10)).isEmpty();
        assertThat(ranges("bytes=0-5,1-6,2-7", 10)).isEmpty(); // three overlapping pairs
        assertThat(ranges("bytes=9-9,8-8,7-7,6-6,5-5,4-4,3-3,2-2", 10)).isEmpty(); // 8 non-ascending
        StringBuilder many = new StringBuilder("bytes=0-0");
        for (int i = 1; i <= 50; i++) {
            many.append(',').append(i).append('-').append(i);
        }
        assertThat(ranges(many.toString(), 100)).isEmpty();
    }
}
