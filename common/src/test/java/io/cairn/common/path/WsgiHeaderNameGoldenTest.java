package io.cairn.common.path;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.testing.Python;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link NameValidator#wsgiHeaderName} against Python: eventlet's {@code key.upper().replace('-', '_')}
 * then swob's {@code replace('_', '-').title()}, for {@code x-meta-} followed by every pair of latin-1 chars
 * (the wire chars a header name can hold) and a letter.
 */
class WsgiHeaderNameGoldenTest {
    private static final String SCRIPT = "import sys\n"
            + "names = sys.stdin.buffer.read().decode('latin-1').split('\\n')\n"
            + "out = [n.upper().replace('-', '_').replace('_', '-').title() for n in names]\n"
            + "sys.stdout.buffer.write('\\n'.join(out).encode('utf-8'))\n";

    @Test
    void shouldTitleCaseHeaderNamesAsSwiftWhenNamesHoldAnyLatin1Chars() {
        List<String> names = new ArrayList<>();
        for (char a = 0x21; a <= 0xFF; a++) {
            for (char b = 0x21; b <= 0xFF; b++) {
                if (a != 0x7F && b != 0x7F) {
                    names.add("x-meta-" + a + b + "z_q");
                }
            }
        }
        byte[] in = String.join("\n", names).getBytes(StandardCharsets.ISO_8859_1);
        String[] python = new String(Python.run(SCRIPT, in), StandardCharsets.UTF_8).split("\n", -1);
        assertThat(python).hasSize(names.size());
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String mine = NameValidator.wsgiHeaderName(names.get(i));
            if (!mine.equals(python[i])) {
                mismatches.add(names.get(i) + " -> " + mine + " (Python: " + python[i] + ")");
            }
        }
        assertThat(mismatches).isEmpty();
    }
}
