package io.cairn.common.path;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.testing.Python;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NamesTest {

    /** Random byte strings biased toward UTF-8 edge cases, checked against Swift's check_utf8 both ways. */
    @Test
    void shouldMatchSwiftCheckUtf8WhenGivenRandomBytes() {
        Random random = new Random(42);
        List<byte[]> inputs = new ArrayList<>();
        inputs.add(new byte[0]);
        inputs.add(new byte[] {0});
        inputs.add(new byte[] {0, 'v'});
        inputs.add(new byte[] {'a', 0});
        inputs.add("\uD83D\uDE00".getBytes(StandardCharsets.UTF_8));
        inputs.add(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}); // encoded surrogate
        inputs.add(new byte[] {(byte) 0xC0, (byte) 0x80}); // overlong NUL
        inputs.add(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}); // above U+10FFFF
        byte[] interesting = {
            0,
            'a',
            '/',
            (byte) 0x80,
            (byte) 0xBF,
            (byte) 0xC2,
            (byte) 0xDF,
            (byte) 0xE0,
            (byte) 0xED,
            (byte) 0xEF,
            (byte) 0xF0,
            (byte) 0xF4,
            (byte) 0xF5,
            (byte) 0x9F,
            (byte) 0xA0,
            (byte) 0x90
        };
        for (int i = 0; i < 1500; i++) {
            byte[] b = new byte[1 + random.nextInt(8)];
            for (int k = 0; k < b.length; k++) {
                b[k] = random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : (byte) random.nextInt();
            }
            inputs.add(b);
        }
        for (int i = 0; i < 200; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < 5; k++) {
                sb.appendCodePoint(random.nextInt(3) == 0 ? 0x10000 + random.nextInt(0xFFFFF) : random.nextInt(0xD800));
            }
            inputs.add(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder stdin = new StringBuilder();
        for (byte[] b : inputs) {
            stdin.append(HexFormat.of().formatHex(b)).append('\n');
        }
        String script = """
                import sys, binascii
                from swift.common.constraints import check_utf8
                from swift.common.swob import wsgi_to_str
                out = []
                for line in sys.stdin.read().split('\\n')[:-1]:
                    b = binascii.unhexlify(line)
                    w = wsgi_to_str(b.decode('latin-1'))
                    out.append('%d%d%d%d' % (check_utf8(b), check_utf8(b, internal=True),
                                             check_utf8(w), check_utf8(w, internal=True)))
                print('\\n'.join(out))
                """;
        String[] swift = new String(
                        Python.run(script, stdin.toString().getBytes(StandardCharsets.US_ASCII)),
                        StandardCharsets.US_ASCII)
                .strip()
                .split("\n", -1);
        assertThat(swift).hasSize(inputs.size());
        int valid = 0;
        for (int i = 0; i < inputs.size(); i++) {
            byte[] b = inputs.get(i);
            String wire = new String(b, StandardCharsets.ISO_8859_1);
            String cairn = bit(Names.checkUtf8(b, 0, b.length, false))
                    + bit(Names.checkUtf8(b, 0, b.length, true))
                    + bit(Names.checkUtf8(wire, false))
                    + bit(Names.checkUtf8(wire, true));
            assertThat(cairn).as("bytes %s", HexFormat.of().formatHex(b)).isEqualTo(swift[i]);
            valid += cairn.charAt(0) == '1' ? 1 : 0;
        }
        assertThat(valid).as("both valid and invalid inputs are covered").isBetween(100, inputs.size() - 100);
    }

    private static String bit(boolean b) {
        return b ? "1" : "0";
    }

    @Test
    void shouldHonourOffsetAndLengthWhenCheckingASlice() {
        byte[] b = {(byte) 0xFF, 'o', 'k', 0};
        assertThat(Names.checkUtf8(b, 1, 2, false)).isTrue();
        assertThat(Names.checkUtf8(b, 1, 3, false)).isFalse();
        assertThat(Names.checkUtf8("\u0100", true)).as("not a wire string").isFalse();
        assertThat(Names.isReserved("\0versions\0c")).isTrue();
        assertThat(Names.isReserved("c")).isFalse();
    }
}
