package io.cairn.common.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimestampTest {

    @Test
    void shouldPrintNormalFormWithTenIntegerAndFiveFractionDigitsWhenParsingReferenceExample() {
        Timestamp t = Timestamp.parse("1402464677.04188");
        assertThat(t.raw()).isEqualTo(140246467704188L);
        assertThat(t.normal()).isEqualTo("1402464677.04188");
        assertThat(t.internal()).isEqualTo("1402464677.04188");
        assertThat(t.shortForm()).isEqualTo("1402464677.04188");
        assertThat(t.toString()).isEqualTo("1402464677.04188");
        assertThat(Timestamp.parse("1.5").normal()).isEqualTo("0000000001.50000");
        assertThat(Timestamp.parse("0").normal()).isEqualTo("0000000000.00000");
        assertThat(Timestamp.parse(".5").normal()).isEqualTo("0000000000.50000");
        assertThat(Timestamp.parse("7.").normal()).isEqualTo("0000000007.00000");
    }

    @Test
    void shouldAppendSixteenHexDigitsInInternalAndMinimalHexInShortWhenOffsetIsSet() {
        Timestamp t = Timestamp.parse("1402464677.04188_000000000000000a");
        assertThat(t.offset()).isEqualTo(10);
        assertThat(t.internal()).isEqualTo("1402464677.04188_000000000000000a");
        assertThat(t.shortForm()).isEqualTo("1402464677.04188_a");
        assertThat(t.normal()).isEqualTo("1402464677.04188");
        assertThat(Timestamp.parse("1.5_A").offset()).isEqualTo(10);
        assertThat(Timestamp.parse("1.5_").offset()).isZero();
    }

    @Test
    void shouldTreatOffsetAsUnsignedWhenTopBitIsSet() {
        Timestamp max = Timestamp.parse("1.00000_ffffffffffffffff");
        Timestamp small = Timestamp.parse("1.00000_1");
        assertThat(max.offset()).isEqualTo(-1L);
        assertThat(max.internal()).isEqualTo("0000000001.00000_ffffffffffffffff");
        assertThat(max).isGreaterThan(small);
        assertThat(Timestamp.parse("1.00000_000000000000000000001").offset()).isEqualTo(1);
        assertThatThrownBy(() -> Timestamp.parse("1.00000_10000000000000000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset");
    }

    @Test
    void shouldRoundLikePythonPercentFormatWhenInputHasMoreThanFiveDecimals() {
        // float('95872739.851375') lies just below ...851375, so %.5f prints ...85137
        assertThat(Timestamp.parse("95872739.851375").normal()).isEqualTo("0095872739.85137");
        assertThat(Timestamp.parse("1.000006").normal()).isEqualTo("0000000001.00001");
        assertThat(Timestamp.parse("1.5e3").normal()).isEqualTo("0000001500.00000");
        assertThat(Timestamp.parse("+2.25").normal()).isEqualTo("0000000002.25000");
    }

    @Test
    void shouldRejectGarbageNegativeAndTooLargeWithClearMessage() {
        for (String bad : List.of("", "abc", ".", "1.5.5", "1.5_x", "1.5_-1", "1.5_0x1", "1.5_1_2", " 1.5", "nan")) {
            assertThatThrownBy(() -> Timestamp.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad.isEmpty() ? "\"\"" : bad);
        }
        assertThatThrownBy(() -> Timestamp.parse("-1")).hasMessageContaining("negative");
        assertThatThrownBy(() -> Timestamp.parse("-0")).hasMessageContaining("negative");
        assertThatThrownBy(() -> Timestamp.parse("10000000000")).hasMessageContaining("too large");
        assertThatThrownBy(() -> Timestamp.parse("1e10")).hasMessageContaining("too large");
        assertThatThrownBy(() -> Timestamp.parse("inf")).hasMessageContaining("too large");
        // Python accepts this and prints 11 integer digits; Cairn keeps the fixed width
        assertThatThrownBy(() -> Timestamp.parse("9999999999.999999")).hasMessageContaining("too large");
        assertThat(Timestamp.parse("9999999999.99999").raw()).isEqualTo(Timestamp.MAX_RAW_EXCLUSIVE - 1);
        assertThat(Timestamp.parse("00000000001.5").normal()).isEqualTo("0000000001.50000");
    }

    @Test
    void shouldValidateRangeWhenBuildingFromRawOrMillis() {
        assertThat(Timestamp.ofRaw(0, 0).normal()).isEqualTo("0000000000.00000");
        assertThatThrownBy(() -> Timestamp.ofRaw(-1, 0)).hasMessageContaining("negative");
        assertThatThrownBy(() -> Timestamp.ofRaw(Timestamp.MAX_RAW_EXCLUSIVE, 0))
                .hasMessageContaining("too large");
        assertThat(Timestamp.ofEpochMillis(1_400_000_000_123L).normal()).isEqualTo("1400000000.12300");
        assertThatThrownBy(() -> Timestamp.ofEpochMillis(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRoundClockToTenMicrosecondsWhenTakingNow() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L, 123_456_789), ZoneOffset.UTC);
        assertThat(Timestamp.now(clock).normal()).isEqualTo("1700000000.12346");
        Clock carry = Clock.fixed(Instant.ofEpochSecond(5, 999_996_000), ZoneOffset.UTC);
        assertThat(Timestamp.now(carry).normal()).isEqualTo("0000000006.00000");
    }

    @Test
    void shouldFormatIsoAndHttpDatesWhenAskedForListingAndLastModified() {
        Timestamp t = Timestamp.parse("1402464677.04188");
        assertThat(t.isoformat()).isEqualTo("2014-06-11T05:31:17.041880");
        assertThat(t.ceilSeconds()).isEqualTo(1402464678L);
        assertThat(t.httpDate()).isEqualTo("Wed, 11 Jun 2014 05:31:18 GMT");
        assertThat(Timestamp.parse("0").isoformat()).isEqualTo("1970-01-01T00:00:00.000000");
        assertThat(Timestamp.parse("0").httpDate()).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
        assertThat(Timestamp.parse("5").ceilSeconds()).isEqualTo(5);
    }

    @Test
    void shouldOrderByTimeThenOffsetAndAgreeWithEquals() {
        List<Timestamp> ts = new ArrayList<>(
                List.of(Timestamp.parse("2"), Timestamp.parse("1_2"), Timestamp.parse("1"), Timestamp.parse("1_1")));
        Collections.sort(ts);
        assertThat(ts)
                .extracting(Timestamp::internal)
                .containsExactly(
                        "0000000001.00000",
                        "0000000001.00000_0000000000000001",
                        "0000000001.00000_0000000000000002",
                        "0000000002.00000");
        assertThat(Timestamp.parse("1.5")).isEqualTo(Timestamp.parse("0000000001.50000_0"));
        assertThat(Timestamp.parse("1.5")).hasSameHashCodeAs(Timestamp.ofRaw(150000, 0));
        assertThat(Timestamp.parse("1.5")).isNotEqualTo(Timestamp.parse("1.5_1"));
        Timestamp t = Timestamp.parse("1.5");
        assertThat(t.withOffset(0)).isSameAs(t);
        assertThat(t.withOffset(3).internal()).isEqualTo("0000000001.50000_0000000000000003");
    }

    @Test
    void shouldWriteInternalBytesWithoutAllocatingWhenGivenABuffer() {
        byte[] buf = new byte[40];
        int n = Timestamp.parse("12.5_ff").writeInternal(buf, 3);
        assertThat(n).isEqualTo(33);
        assertThat(new String(buf, 3, n, StandardCharsets.US_ASCII)).isEqualTo("0000000012.50000_00000000000000ff");
        assertThat(Timestamp.parse("12.5").writeInternal(buf, 0)).isEqualTo(16);
    }
}
