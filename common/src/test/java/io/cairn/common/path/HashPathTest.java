package io.cairn.common.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.testing.Python;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HashPathTest {
    private static final String PREFIX = "pre\u00e9fix";
    private static final String SUFFIX = "changeme";
    private static final HashPath HASH = HashPath.of(PREFIX, SUFFIX);

    /** 1,200 random account/container/object triples (BMP, astral, long names) against Swift's hash_path. */
    @Test
    void shouldMatchSwiftHashPathWhenHashingRandomUnicodeNames() {
        Random random = new Random(230_1L);
        List<String[]> names = new ArrayList<>();
        StringBuilder stdin = new StringBuilder();
        for (int i = 0; i < 1200; i++) {
            String a = randomName(random, 1 + random.nextInt(20));
            String c = i % 3 == 0 ? "" : randomName(random, 1 + random.nextInt(30));
            String o = i % 3 == 0 || i % 3 == 1 ? "" : randomName(random, 1 + random.nextInt(i % 50 == 2 ? 3000 : 60));
            names.add(new String[] {a, c, o});
            stdin.append(hex(a))
                    .append('\t')
                    .append(hex(c))
                    .append('\t')
                    .append(hex(o))
                    .append('\n');
        }
        String script = """
                import sys, binascii
                from swift.common import utils
                utils.HASH_PATH_PREFIX = sys.argv[1].encode('latin-1')
                utils.HASH_PATH_SUFFIX = sys.argv[2].encode('latin-1')
                out = []
                for line in sys.stdin.read().split('\\n'):
                    if not line:
                        continue
                    a, c, o = (binascii.unhexlify(x).decode('utf-8') or None for x in line.split('\\t'))
                    out.append(utils.hash_path(a, c, o) + ' ' +
                               binascii.hexlify(utils.hash_path(a, c, o, raw_digest=True)).decode())
                print('\\n'.join(out))
                """;
        String[] swift = new String(
                        Python.run(script, stdin.toString().getBytes(StandardCharsets.UTF_8), PREFIX, SUFFIX),
                        StandardCharsets.UTF_8)
                .strip()
                .split("\n");
        assertThat(swift).hasSize(names.size());
        for (int i = 0; i < names.size(); i++) {
            String[] n = names.get(i);
            String hexDigest = HASH.hex(n[0], n[1], n[2]);
            byte[] raw = HASH.raw(n[0], n[1], n[2]);
            assertThat(hexDigest + " " + HexFormat.of().formatHex(raw))
                    .as("hash_path(%s, %s, %s)", n[0], n[1], n[2])
                    .isEqualTo(swift[i]);
        }
    }

    private static String randomName(Random random, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            int cp;
            if (kind < 5) {
                cp = 0x21 + random.nextInt(0x5E);
            } else if (kind < 7) {
                cp = 0xA0 + random.nextInt(0x700);
            } else if (kind < 9) {
                cp = 0x800 + random.nextInt(0xD800 - 0x800);
            } else {
                cp = 0x10000 + random.nextInt(0x10FFFF - 0x10000);
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    private static String hex(String s) {
        return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldAgreeBetweenRawHexAndHashIntoWhenHashingTheSamePath() {
        byte[] raw = HASH.raw("AUTH_test", "c", "o\uD83D\uDE00");
        assertThat(HashPath.toHex(raw)).isEqualTo(HASH.hex("AUTH_test", "c", "o\uD83D\uDE00"));
        byte[] out = new byte[20];
        HASH.hashInto("AUTH_test", "c", "o\uD83D\uDE00", out, 4);
        assertThat(java.util.Arrays.copyOfRange(out, 4, 20)).isEqualTo(raw);
        assertThat(HASH.hex("a", null, null)).isEqualTo(HASH.hex("a", "", ""));
        assertThat(HASH.hex("a", "c", null)).isNotEqualTo(HASH.hex("a", null, null));
    }

    @Test
    void shouldRejectBadInputWhenPathOrSaltIsInvalid() {
        assertThatThrownBy(() -> HASH.hex("a", null, "o")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HASH.hex("a", "c", "\uD800")).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> HashPath.of("", "")).hasMessageContaining("both empty");
    }
}
