package io.cairn.object.ssync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.testing.Python;
import io.cairn.common.time.Timestamp;
import io.cairn.object.diskfile.ObjectTimestamps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The SSYNC line codecs against Swift 2.30.1's own functions (golden values from Debian's Python). */
@Timeout(120)
class SsyncMessagesTest {
    private static final String HASH = "9d41d8cd98f00b204e9800998ecf8abc";

    /** data, meta, ctype (null = none), durable. */
    private static final String[][] CASES = {
        {"1400000000.00000", null, null, "True"},
        {"1400000000.00000", "1400000001.00000", null, "True"},
        {"1400000000.00000", "1400000001.00000", "1400000000.50000", "True"},
        {"1400000000.00000_0000000000000003", "1400000000.12345", "1400000000.00001", "True"},
        {"1400000000.00000", "1399999999.00000", null, "True"},
        {"1400000000.00000", null, null, "False"},
        {"1400000000.00000", "1400000002.00000", "1400000002.00000", "False"},
        {"0000000001.00000", "1400000002.00000", "1400000000.00000", "True"},
    };

    @Test
    void shouldEncodeMissingLinesExactlyAsSwiftWhenGivenDeltasAndDurability() {
        String py = ("from swift.obj.ssync_sender import encode_missing\n"
                + "from swift.common.utils import Timestamp\n"
                + "T = lambda s: Timestamp(s) if s != 'None' else None\n"
                + "import sys\nfor line in sys.argv[1:]:\n"
                + "    d, m, c, dur = line.split(' ')\n"
                + "    kw = {} if dur == 'True' else {'durable': False}\n"
                + "    print(encode_missing('" + HASH + "', T(d), T(m), T(c), **kw).decode('ascii'))\n");
        List<String> args = new ArrayList<>();
        List<String> java = new ArrayList<>();
        for (String[] c : CASES) {
            args.add(c[0] + " " + (c[1] == null ? "None" : c[1]) + " " + (c[2] == null ? "None" : c[2]) + " " + c[3]);
            java.add(SsyncMessages.encodeMissing(new ObjectTimestamps(
                    HASH,
                    Timestamp.parse(c[0]),
                    ts(c[1]),
                    ts(c[2]),
                    Boolean.parseBoolean(c[3].toLowerCase(Locale.ROOT)))));
        }
        List<String> swift =
                Python.runText(py, args.toArray(new String[0])).lines().toList();
        assertThat(java).isEqualTo(swift);
        assertThat(java.get(2)).isEqualTo(HASH + " 1400000000.00000 m:186a0,t:c350");
        assertThat(java.get(4)).isEqualTo(HASH + " 1400000000.00000 m:-186a0");
    }

    @Test
    void shouldDecodeMissingLinesAsSwiftWhenLinesCarryDeltasOffsetsAndUnknownKeys() {
        String[] lines = {
            HASH + " 1400000000.00000",
            HASH + " 1400000000.00000 m:186a0,t:c350",
            HASH + " 1400000000.00000_000000000000000a m:-5",
            HASH + " 1400000000.00000 durable:False",
            HASH + " 1400000000.00000 m:1,durable:no,future:x,junk",
            HASH + " 1400000000.00000 m:186a0%2Ct:1",
        };
        String py = "from swift.obj.ssync_receiver import decode_missing\nimport sys\n"
                + "for line in sys.argv[1:]:\n"
                + "    r = decode_missing(line.encode('ascii'))\n"
                + "    print(r['object_hash'], r['ts_data'].internal, r['ts_meta'].internal, r['ts_ctype'].internal,"
                + " r['durable'])\n";
        List<String> swift = Python.runText(py, lines).lines().toList();
        List<String> java = new ArrayList<>();
        for (String line : lines) {
            ObjectTimestamps t = SsyncMessages.decodeMissing(line);
            java.add(t.nameHash() + " " + t.tsData().internal() + " " + str(t.tsMeta()) + " " + str(t.tsCtype()) + " "
                    + (t.durable() ? "True" : "False"));
        }
        assertThat(java).isEqualTo(swift);
    }

    @Test
    void shouldEncodeAndDecodeWantedAsSwiftWhenComparingRemoteAndLocal() {
        // remote (data meta ctype) vs local ("-" = nothing; "ts X" = tombstone; else data meta ctype)
        String[][] cases = {
            {"1400000000.00000 1400000000.00000 1400000000.00000", "-"},
            {"1400000002.00000 1400000002.00000 1400000002.00000", "ts 1400000001.00000"},
            {"1400000000.00000 1400000000.00000 1400000000.00000", "ts 1400000001.00000"},
            {"1400000001.00000 1400000003.00000 1400000001.00000", "1400000001.00000 1400000001.00000 1400000001.00000"
            },
            {"1400000002.00000 1400000003.00000 1400000001.00000", "1400000001.00000 1400000004.00000 1400000001.00000"
            },
            {"1400000001.00000 1400000003.00000 1400000003.00000", "1400000001.00000 1400000003.00000 1400000002.00000"
            },
            {"1400000001.00000 1400000001.00000 1400000001.00000", "1400000001.00000 1400000001.00000 1400000001.00000"
            },
        };
        String py = ("from swift.obj.ssync_receiver import encode_wanted\n"
                + "from swift.obj.ssync_sender import decode_wanted\n"
                + "from swift.common.utils import Timestamp as T\nimport sys\n"
                + "for arg in sys.argv[1:]:\n"
                + "    r, l = arg.split('|')\n"
                + "    d, m, c = r.split()\n"
                + "    remote = {'object_hash': '" + HASH + "', 'ts_data': T(d), 'ts_meta': T(m), 'ts_ctype': T(c)}\n"
                + "    if l == '-': local = {}\n"
                + "    elif l.startswith('ts '): local = {'ts_data': T(l[3:])}\n"
                + "    else:\n"
                + "        ld, lm, lc = l.split(); local = {'ts_data': T(ld), 'ts_meta': T(lm), 'ts_ctype': T(lc)}\n"
                + "    w = encode_wanted(remote, local)\n"
                + "    print(w, sorted(decode_wanted(w.split()[1:]).items()) if w else None)\n");
        List<String> args = new ArrayList<>();
        List<String> java = new ArrayList<>();
        for (String[] c : cases) {
            args.add(c[0] + "|" + c[1]);
            String[] r = c[0].split(" ");
            ObjectTimestamps remote = new ObjectTimestamps(
                    HASH, Timestamp.parse(r[0]), Timestamp.parse(r[1]), Timestamp.parse(r[2]), true);
            ObjectTimestamps local;
            if (c[1].equals("-")) {
                local = null;
            } else if (c[1].startsWith("ts ")) {
                local = new ObjectTimestamps(HASH, Timestamp.parse(c[1].substring(3)), null, null, true);
            } else {
                String[] l = c[1].split(" ");
                local = new ObjectTimestamps(
                        HASH, Timestamp.parse(l[0]), Timestamp.parse(l[1]), Timestamp.parse(l[2]), true);
            }
            String w = SsyncMessages.encodeWanted(remote, local);
            String decoded = "None";
            if (w != null) {
                String[] parts = w.split(" ");
                SsyncMessages.Wanted wanted = SsyncMessages.decodeWanted(Arrays.copyOfRange(parts, 1, parts.length));
                List<String> items = new ArrayList<>();
                if (wanted.data()) {
                    items.add("('data', True)");
                }
                if (wanted.meta()) {
                    items.add("('meta', True)");
                }
                decoded = "[" + String.join(", ", items) + "]";
            }
            java.add((w == null ? "None" : w) + " " + decoded);
        }
        List<String> swift =
                Python.runText(py, args.toArray(new String[0])).lines().toList();
        assertThat(java).isEqualTo(swift);
        assertThat(SsyncMessages.decodeWanted(new String[0])).isEqualTo(new SsyncMessages.Wanted(true, false));
    }

    @Test
    void shouldRejectMalformedMissingLinesWhenSwiftWouldRaise() {
        assertThatThrownBy(() -> SsyncMessages.decodeMissing(HASH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SsyncMessages.decodeMissing(HASH + " 1400000000.00000 m:zz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base 16");
        assertThatThrownBy(() -> SsyncMessages.decodeMissing(HASH + " 1400000000.00000 m:1:2"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static @Nullable Timestamp ts(@Nullable String s) {
        return s == null ? null : Timestamp.parse(s);
    }

    private static String str(@Nullable Timestamp t) {
        return t == null ? "None" : t.internal();
    }
}
