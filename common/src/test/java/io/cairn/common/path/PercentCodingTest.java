package io.cairn.common.path;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.testing.Python;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PercentCodingTest {
    @Test
    void shouldDecodeLikePythonWhenEscapesAreValidOrNot() {
        assertThat(PercentCoding.unquoteToBytes("/a%20b%zz%4"))
                .isEqualTo("/a b%zz%4".getBytes(StandardCharsets.US_ASCII));
        assertThat(PercentCoding.unquoteToWire("%C3%A9")).isEqualTo("\u00c3\u00a9");
        assertThat(PercentCoding.unquoteToBytes("\u00e9")).containsExactly((byte) 0xe9);
    }

    @Test
    void shouldUnquoteToTextLikePythonKeepingPlusAndReplacingBadUtf8() {
        // urllib.parse.unquote('c/a+b%C3%A9%zz') == 'c/a+bé%zz'; unquote('%ff') == '\ufffd'
        assertThat(PercentCoding.unquote("c/a+b%C3%A9%zz")).isEqualTo("c/a+b\u00e9%zz");
        assertThat(PercentCoding.unquote("%ff")).isEqualTo("\ufffd");
    }

    @Test
    void shouldQuoteLikeSwiftWhenNamesAreRandom() {
        Random random = new Random(7);
        int[] alphabet = {'a', 'Z', '0', '/', '_', '.', '-', '~', ' ', '%', '+', '?', '&', 0xe9, 0x65e5, 0x1f600};
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + random.nextInt(10);
            for (int k = 0; k < len; k++) {
                sb.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
            }
            names.add(sb.toString());
        }
        String input = String.join("\n", names);
        String python = new String(
                Python.run(
                        "import sys\nfrom swift.common.utils import quote\n"
                                + "for n in sys.stdin.buffer.read().decode('utf-8').split('\\n'):\n"
                                + "    print(quote(n))",
                        input.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        List<String> expected = python.lines().toList();
        assertThat(expected).hasSize(names.size());
        for (int i = 0; i < names.size(); i++) {
            assertThat(PercentCoding.quote(names.get(i))).as(names.get(i)).isEqualTo(expected.get(i));
            assertThat(new String(PercentCoding.unquoteToBytes(expected.get(i)), StandardCharsets.UTF_8))
                    .isEqualTo(names.get(i));
        }
    }

    @Test
    void shouldQuoteWithTheSafeCharactersGivenAsPythonsQuote() {
        // printed by Python 3.11: quote('a b/ü~', safe='') and quote('a b/ü~', safe=' /')
        assertThat(PercentCoding.quote("a b/ü~", "")).isEqualTo("a%20b%2F%C3%BC~");
        assertThat(PercentCoding.quote("a b/ü~", " /")).isEqualTo("a b/%C3%BC~");
    }
}
