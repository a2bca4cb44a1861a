package io.cairn.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatTest {
    @Test
    void shouldSumUserSystemAndReapedChildTicksWhenParsing() {
        // fields: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime
        String line = "4242 (swift-proxy-ser) S 1 4242 4242 0 -1 4194560 9500 0 12 0 731 95 7 3 20 0 1 0 1234 "
                + "123456789 5000 18446744073709551615 1 1 0 0 0 0 0 16781312 2 0 0 0 17 1 0 0 0 0 0";
        ProcStat s = ProcStat.parse(line);
        assertThat(s.pid()).isEqualTo(4242);
        assertThat(s.ppid()).isEqualTo(1);
        assertThat(s.cpuTicks()).isEqualTo(731 + 95 + 7 + 3);
    }

    @Test
    void shouldCountFieldsFromLastParenthesisWhenCommandHasSpacesAndParentheses() {
        String line = "77 (java (x) y) R 12 77 77 0 -1 0 0 0 0 0 100 50 0 0 20 0 30 0 9 1 1";
        ProcStat s = ProcStat.parse(line);
        assertThat(s.pid()).isEqualTo(77);
        assertThat(s.ppid()).isEqualTo(12);
        assertThat(s.cpuTicks()).isEqualTo(150);
    }

    @Test
    void shouldRejectWhenLineIsNotAStatLine() {
        assertThatThrownBy(() -> ProcStat.parse("hello")).hasMessageContaining("not a /proc/<pid>/stat line");
        assertThatThrownBy(() -> ProcStat.parse("1 (x) S 0 1")).hasMessageContaining("short");
    }
}
