package io.cairn.common.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.cairn.common.testing.Python;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compares Timestamp, TimestampCodec and DeleteAt with Swift 2.30.1 ({@code swift.common.utils}) over a
 * few hundred generated inputs, all in one Python run.
 */
class TimestampGoldenTest {
    private static final String SCRIPT = """
            import sys
            from swift.common.utils import Timestamp, encode_timestamps, decode_timestamps, \\
                normalize_delete_at_timestamp
            from swift.common.swob import Response
            def ts(s):
                return None if s == '-' else Timestamp(s)
            def one(kind, a):
                if kind == 'T':
                    t = Timestamp(a[0])
                    u = Timestamp(t.internal)  # Cairn's raw is the printed digits (see Timestamp javadoc)
                    r = Response()
                    r.last_modified = u.ceil()
                    return [t.normal, t.internal, t.short, str(u.raw), '%x' % t.offset, u.isoformat,
                            str(u.ceil()), r.headers['Last-Modified']]
                if kind == 'E':
                    return [encode_timestamps(ts(a[0]), ts(a[1]), ts(a[2]), explicit=a[3] == '1')]
                if kind == 'D':
                    return ['-' if x is None else x.internal for x in decode_timestamps(a[0], explicit=a[1] == '1')]
                if kind == 'X':
                    return [normalize_delete_at_timestamp(a[0]), normalize_delete_at_timestamp(a[0], True)]
                raise Exception('unknown kind ' + kind)
            out = []
            for line in sys.stdin.read().split('\\n'):
                if not line:
                    continue
                kind, *args = line.split('\\t')
                try:
                    out.append('OK\\t' + '\\t'.join(one(kind, args)))
                except Exception as e:
                    out.append('ERR\\t' + type(e).__name__)
            print('\\n'.join(out))
            """;

    private static final List<String> INPUTS = new ArrayList<>();
    private static final List<String> OUTPUTS = new ArrayList<>();

    @BeforeAll
    static void askSwift() {
        Random random = new Random(20_301L);
        for (int i = 0; i < 150; i++) {
            INPUTS.add("T\t" + randomTimestampText(random));
        }
        for (String s : List.of(
                "",
                "abc",
                "-1",
                "1e10",
                "10000000000",
                "nan",
                "inf",
                "1.5_g",
                "1.5_1_2",
                "1_000.5",
                "9999999999.99999",
                "0.000005",
                "1.5e3",
                "+2.5",
                "1E2",
                ".5",
                "5.",
                "1.5_",
                "1.5_00000000000000000001",
                "1.5_ffffffffffffffff",
                "1.5_10000000000000000")) {
            INPUTS.add("T\t" + s);
        }
        for (int i = 0; i < 120; i++) {
            Timestamp t1 = randomTimestamp(random);
            Timestamp t2 = random.nextInt(3) == 0 ? t1.withOffset(0) : nearby(random, t1);
            @Nullable Timestamp t3 = random.nextInt(4) == 0 ? null : random.nextBoolean() ? t2 : nearby(random, t2);
            String explicit = random.nextBoolean() ? "1" : "0";
            INPUTS.add("E\t" + t1.internal() + "\t" + t2.internal() + "\t" + (t3 == null ? "-" : t3.internal()) + "\t"
                    + explicit);
            INPUTS.add("D\t" + TimestampCodec.encode(t1, t2, t3, explicit.equals("1")) + "\t" + explicit);
        }
        for (String s : List.of(
                "1400000000.00000+0",
                "1400000000.00000-0+0",
                "1400000000.00000+186A0-1",
                "1400000000.00000_a+186a0",
                "1.5+",
                "1.5+g",
                "0.00001-2",
                "-1",
                "1.5",
                "9999999999.99999+1")) {
            INPUTS.add("D\t" + s + "\t0");
            INPUTS.add("D\t" + s + "\t1");
        }
        for (int i = 0; i < 60; i++) {
            INPUTS.add("X\t" + (random.nextDouble() * 2.4e10 - 2e9));
        }
        for (String s : List.of(
                "1700000000",
                "-5",
                "1e20",
                "inf",
                "-inf",
                "nan",
                "9999999999.999995",
                "0.000005",
                "1.999999",
                "12.345675",
                "0")) {
            INPUTS.add("X\t" + s);
        }
        String out = new String(
                Python.run(SCRIPT, String.join("\n", INPUTS).getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        OUTPUTS.addAll(List.of(out.strip().split("\n", -1)));
        assertThat(OUTPUTS).hasSameSizeAs(INPUTS);
    }

    private static String randomTimestampText(Random random) {
        long seconds = random.nextInt(4) == 0 ? random.nextInt(1000) : (long) (random.nextDouble() * 1e10);
        return switch (random.nextInt(5)) {
            case 0 ->
                Timestamp.ofRaw(seconds * 100_000 + random.nextInt(100_000), 0).normal();
            case 1 ->
                Timestamp.ofRaw(seconds * 100_000 + random.nextInt(100_000), random.nextLong())
                        .internal();
            case 2 ->
                seconds + "."
                        + String.format(
                                "%0" + (6 + random.nextInt(7)) + "d", Math.floorMod(random.nextLong(), 1_000_000L));
            case 3 -> seconds + "." + random.nextInt(100_000) + "5";
            default -> Long.toString(seconds);
        };
    }

    private static Timestamp randomTimestamp(Random random) {
        long raw = (long) (random.nextDouble() * 9e14) + 10_000_000_000L;
        return Timestamp.ofRaw(raw, random.nextInt(3) == 0 ? random.nextInt(1 << 20) : 0);
    }

    private static Timestamp nearby(Random random, Timestamp t) {
        long delta = random.nextInt(5) == 0 ? 0 : random.nextInt(2_000_000_000) - 1_000_000_000L;
        return Timestamp.ofRaw(t.raw() + delta, 0);
    }

    @Test
    void shouldMatchSwiftWhenParsingAndFormattingTimestamps() {
        check("T", in -> {
            Timestamp t = Timestamp.parse(in[0]);
            return String.join(
                    "\t",
                    t.normal(),
                    t.internal(),
                    t.shortForm(),
                    Long.toString(t.raw()),
                    Long.toHexString(t.offset()),
                    t.isoformat(),
                    Long.toString(t.ceilSeconds()),
                    t.httpDate());
        });
    }

    @Test
    void shouldMatchSwiftWhenEncodingTimestamps() {
        check(
                "E",
                in -> TimestampCodec.encode(
                        Timestamp.parse(in[0]),
                        Timestamp.parse(in[1]),
                        in[2].equals("-") ? null : Timestamp.parse(in[2]),
                        in[3].equals("1")));
    }

    @Test
    void shouldMatchSwiftWhenDecodingTimestamps() {
        check("D", in -> {
            DecodedTimestamps d = TimestampCodec.decode(in[0], in[1].equals("1"));
            return String.join("\t", d.first().internal(), internalOrDash(d.second()), internalOrDash(d.third()));
        });
    }

    @Test
    void shouldMatchSwiftWhenNormalizingDeleteAt() {
        check("X", in -> DeleteAt.normalize(in[0]) + "\t" + DeleteAt.normalizeHighPrecision(in[0]));
    }

    private static String internalOrDash(@Nullable Timestamp t) {
        return t == null ? "-" : t.internal();
    }

    private static void check(String kind, Function<String[], String> cairn) {
        int checked = 0;
        for (int i = 0; i < INPUTS.size(); i++) {
            String[] fields = INPUTS.get(i).split("\t", -1);
            if (!fields[0].equals(kind)) {
                continue;
            }
            String[] args = java.util.Arrays.copyOfRange(fields, 1, fields.length);
            String expected = OUTPUTS.get(i);
            String actual;
            try {
                actual = "OK\t" + cairn.apply(args);
            } catch (IllegalArgumentException e) {
                actual = "ERR";
            }
            if (expected.startsWith("ERR")) {
                assertThat(actual)
                        .as("input %s (Swift: %s)", INPUTS.get(i), expected)
                        .isEqualTo("ERR");
            } else if (!expected.equals(actual)) {
                fail("input " + INPUTS.get(i) + "\n swift: " + expected + "\n cairn: " + actual);
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
    }
}
