package io.cairn.common.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class PythonIntsTest {
    @Test
    void parsesWhatPythonIntAccepts() {
        // each value checked against /usr/bin/python3: int(text)
        assertThat(PythonInts.parse("42")).isEqualTo(BigInteger.valueOf(42));
        assertThat(PythonInts.parse("  -7\t")).isEqualTo(BigInteger.valueOf(-7));
        assertThat(PythonInts.parse("+1_000")).isEqualTo(BigInteger.valueOf(1000));
        assertThat(PythonInts.parse("١٢")).isEqualTo(BigInteger.valueOf(12));
        assertThat(PythonInts.parse("99999999999999999999999")).isEqualTo(new BigInteger("99999999999999999999999"));
    }

    @Test
    void refusesWhatPythonIntRefuses() {
        for (String bad : new String[] {"", " ", "-", "1__0", "_1", "1_", "1.5", "0x10", "²", "1 2", "abc"}) {
            assertThat(PythonInts.parse(bad)).as(bad).isNull();
        }
    }

    @Test
    void isDigitAsStrIsdigitForDecimalDigits() {
        assertThat(PythonInts.isDigit("0123")).isTrue();
        assertThat(PythonInts.isDigit("１０")).isTrue();
        assertThat(PythonInts.isDigit("")).isFalse();
        assertThat(PythonInts.isDigit("-1")).isFalse();
        assertThat(PythonInts.isDigit(" 1")).isFalse();
        assertThat(PythonInts.isDigit("1.0")).isFalse();
    }
}
