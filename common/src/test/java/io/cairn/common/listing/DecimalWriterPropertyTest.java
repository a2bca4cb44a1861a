package io.cairn.common.listing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class DecimalWriterPropertyTest {
    @Property
    void shouldPrintExactlyWhatLongToStringPrintsForAnyLong(@ForAll long value) {
        assertThat(written(value)).isEqualTo(Long.toString(value));
    }

    @Test
    void shouldPrintEdgeValuesLikeLongToString() {
        for (long value :
                new long[] {0, 9, 10, 99, 100, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1_000_000_000_000_000_000L}) {
            assertThat(written(value)).isEqualTo(Long.toString(value));
        }
    }

    private static String written(long value) {
        ByteBuf out = Unpooled.buffer();
        try {
            ListingEncoder.writeDecimal(out, value);
            return out.toString(StandardCharsets.US_ASCII);
        } finally {
            out.release();
        }
    }
}
