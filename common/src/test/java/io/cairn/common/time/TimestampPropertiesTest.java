package io.cairn.common.time;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TimestampPropertiesTest {

    @Provide
    Arbitrary<Timestamp> timestamps() {
        Arbitrary<Long> raws = Arbitraries.oneOf(
                Arbitraries.longs().between(0, Timestamp.MAX_RAW_EXCLUSIVE - 1),
                Arbitraries.longs().between(140_000_000_000_000L, 140_000_000_000_100L));
        Arbitrary<Long> offsets = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(0L)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs()),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 16)));
        return Combinators.combine(raws, offsets).as(Timestamp::ofRaw);
    }

    @Property
    void shouldRoundTripWhenParsingNormalAndInternalForms(@ForAll("timestamps") Timestamp t) {
        assertThat(Timestamp.parse(t.internal())).isEqualTo(t);
        assertThat(Timestamp.parse(t.normal())).isEqualTo(t.withOffset(0));
        assertThat(Timestamp.parse(t.shortForm())).isEqualTo(t);
        assertThat(t.normal()).hasSize(Timestamp.NORMAL_LENGTH);
    }

    @Property
    void shouldOrderLikeInternalStringsWhenComparing(
            @ForAll("timestamps") Timestamp a, @ForAll("timestamps") Timestamp b) {
        assertThat(Integer.signum(a.compareTo(b)))
                .isEqualTo(Integer.signum(a.internal().compareTo(b.internal())));
        assertThat(a.equals(b)).isEqualTo(a.internal().equals(b.internal()));
    }

    @Property
    void shouldRoundTripWhenEncodingAndDecodingThree(
            @ForAll("timestamps") Timestamp a,
            @ForAll("timestamps") Timestamp b,
            @ForAll("timestamps") Timestamp c,
            @ForAll boolean explicit) {
        Timestamp second = b.withOffset(0);
        Timestamp third = c.withOffset(0);
        DecodedTimestamps d = TimestampCodec.decode(TimestampCodec.encode(a, second, third, explicit), explicit);
        assertThat(d.first()).isEqualTo(a);
        assertThat(d.second()).isEqualTo(second.raw() == a.raw() ? a : second);
        Timestamp expectedSecond = d.second();
        assertThat(d.third())
                .isEqualTo(expectedSecond != null && third.raw() == expectedSecond.raw() ? expectedSecond : third);
    }

    @Property
    void shouldRoundTripWhenEncodingTwoExplicitly(
            @ForAll("timestamps") Timestamp a, @ForAll("timestamps") Timestamp b) {
        Timestamp second = b.withOffset(0);
        DecodedTimestamps d = TimestampCodec.decode(TimestampCodec.encode(a, second, null, true), true);
        assertThat(d.first()).isEqualTo(a);
        assertThat(java.util.Objects.requireNonNull(d.second()).raw()).isEqualTo(second.raw());
        assertThat(d.third()).isNull();
    }
}
