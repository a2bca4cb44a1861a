package io.cairn.common.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PyArrayTest {
    @Test
    void shouldRefuseItemsOutsideTheTypecodesRangeWhenCreated() {
        assertThat(PyArray.of('B', 0, 255).toIntArray()).containsExactly(0, 255);
        assertThatThrownBy(() -> PyArray.of('B', 256))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("item 0 is 256, outside 0..255");
        assertThatThrownBy(() -> PyArray.of('H', -1)).hasMessageContaining("outside 0..65535");
        assertThatThrownBy(() -> PyArray.of('b', 128)).hasMessageContaining("outside -128..127");
        assertThatThrownBy(() -> PyArray.of('h', 40000)).hasMessageContaining("outside -32768..32767");
        assertThatThrownBy(() -> PyArray.of('Q', 1)).hasMessageContaining("typecode 'Q' is not supported");
        assertThat(PyArray.supports('i')).isTrue();
        assertThat(PyArray.supports('d')).isFalse();
    }

    @Test
    void shouldCompareByTypecodeAndItemsAndCopyItsInput() {
        int[] items = {1, 2, 3};
        PyArray a = PyArray.of('H', items);
        items[0] = 9;

        assertThat(a.get(0)).isEqualTo(1);
        assertThat(a.size()).isEqualTo(3);
        assertThat(a).isEqualTo(PyArray.of('H', 1, 2, 3)).hasSameHashCodeAs(PyArray.of('H', 1, 2, 3));
        assertThat(a).isNotEqualTo(PyArray.of('B', 1, 2, 3)).isNotEqualTo(PyArray.of('H', 1, 2));
        assertThat(a.toString()).isEqualTo("array('H', [1, 2, 3])");
        assertThat(PyArray.of('B').toString()).isEqualTo("array('B')");
        a.toIntArray()[1] = 7;
        assertThat(a.get(1)).isEqualTo(2);
    }
}
