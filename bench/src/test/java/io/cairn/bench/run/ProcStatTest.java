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
        assertThat(s.comm()).isEqualTo("swift-proxy-ser");
        assertThat(s.ppid()).isEqualTo(1);
        assertThat(s.ownTicks()).isEqualTo(731 + 95);
        assertThat(s.cpuTicks()).isEqualTo(731 + 95 + 7 + 3);
    }

    @Test
    void shouldCountFieldsFromLastParenthesisWhenCommandHasSpacesAndParentheses() {
        String line = "77 (java (x) y) R 12 77 77 0 -1 0 0 0 0 0 100 50 0 0 20 0 30 0 9 1 1";
        ProcStat s = ProcStat.parse(line);
        assertThat(s.pid()).isEqualTo(77);
        assertThat(s.comm()).isEqualTo("java (x) y");
        assertThat(s.ppid()).isEqualTo(12);
        assertThat(s.cpuTicks()).isEqualTo(150);
    }

    @Test
    void shouldReadTheThreadNameAndOwnTicksWhenParsingATaskLine() {
        // a /proc/<pid>/task/<tid>/stat line of a Netty event loop; cutime/cstime are process-wide there, not counted
        String line = "123 (proxy-io-27-1) S 100 100 100 0 -1 1077936192 50 0 0 0 4200 800 9 9 20 0 60 0 5 1 1";
        ProcStat s = ProcStat.parse(line);
        assertThat(s.pid()).isEqualTo(123);
        assertThat(s.comm()).isEqualTo("proxy-io-27-1");
        assertThat(s.ownTicks()).isEqualTo(5000);
    }

    @Test
    void shouldKeepTheNameWhenItEndsInAParenthesisAndHasDoubledSpaces() {
        String line = "9 (a) b  (c)) S 1 9 9 0 -1 0 0 0 0 0 3 4 5 6 20 0 1 0 9 1 1";
        ProcStat s = ProcStat.parse(line);
        assertThat(s.comm()).isEqualTo("a) b  (c)");
        assertThat(s.ppid()).isEqualTo(1);
        assertThat(s.ownTicks()).isEqualTo(7);
        assertThat(s.cpuTicks()).isEqualTo(18);
    }

    @Test
    void shouldRejectWhenLineIsNotAStatLine() {
        assertThatThrownBy(() -> ProcStat.parse("hello")).hasMessageContaining("not a /proc/<pid>/stat line");
        assertThatThrownBy(() -> ProcStat.parse("1 (x) S 0 1")).hasMessageContaining("short");
        assertThatThrownBy(() -> ProcStat.parse("1 (x) S 0 1 1 0 -1 0 0 0 0 0 u 4 5 6 20 0 1 0 9 1 1"))
                .hasMessageContaining("bad number");
    }
}
