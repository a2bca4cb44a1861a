package io.cairn.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.ring.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Swift 2.30.1's {@code affinity_key_function}, case by case. */
class ReadAffinityTest {
    private static Device node(int region, int zone) {
        return new Device(0, region, zone, "10.0.0.1", 6200, "10.0.0.1", 6200, "sda", 1, "");
    }

    @Test
    void shouldGiveTheLowestMatchingPriorityWhateverTheOrderOfTheRules() {
        // Swift's docstring example, written backwards
        ReadAffinity a = ReadAffinity.parse("r2z8=2, r2z7=2, r1=1");
        assertThat(a.priority(node(1, 5))).isEqualTo(1);
        assertThat(a.priority(node(2, 7))).isEqualTo(2);
        assertThat(a.priority(node(2, 8))).isEqualTo(2);
        assertThat(a.priority(node(2, 9))).isEqualTo(ReadAffinity.UNMATCHED);
        assertThat(a.priority(node(3, 7))).isEqualTo(1L << 32);
    }

    @Test
    void shouldLetAZoneRuleWinOverItsRegionWhenItsPriorityIsLower() {
        ReadAffinity a = ReadAffinity.parse("r1=200, r1z2=100");
        assertThat(a.priority(node(1, 2))).isEqualTo(100);
        assertThat(a.priority(node(1, 3))).isEqualTo(200);
        // and the region rule wins when it is lower: the first match in priority order counts
        assertThat(ReadAffinity.parse("r1=50, r1z2=100").priority(node(1, 2))).isEqualTo(50);
    }

    @Test
    void shouldLeaveTheOrderAloneWhenBlank() {
        assertThat(ReadAffinity.parse("  ")).isSameAs(ReadAffinity.NONE);
        assertThat(ReadAffinity.NONE.priority(node(7, 7))).isZero();
        assertThat(ReadAffinity.NONE.isEmpty()).isTrue();
    }

    @Test
    void shouldAcceptSpacesAroundRules() {
        assertThat(ReadAffinity.parse("  r1z1=10 ,r2=20  ").priority(node(2, 1)))
                .isEqualTo(20);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"r1", "r1z=1", "z1=1", "r1=x", "r1=1,", "r1=1, r2", "R1=1", "r1 = 1", "r1=-1", "r1z1=1;r2=2"})
    void shouldRejectWhatSwiftRejects(String value) {
        assertThatThrownBy(() -> ReadAffinity.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid affinity value: '" + value.strip() + "'");
    }
}
