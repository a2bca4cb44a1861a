package io.cairn.ring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.path.HashPath;
import io.cairn.common.testing.Python;
import io.cairn.ring.format.RingDataSamples;
import io.cairn.ring.format.RingFileReader;
import io.cairn.ring.format.RingFileWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares every lookup answer with Debian's Swift 2.30.1: rings built by {@code RingBuilder} (3 and 2.25
 * replicas, several regions and zones, part powers 8, 10 and 17, removed-device holes, a device without
 * partitions) and a ring written by {@link RingFileWriter}; for 1,500 names (ASCII and unicode, account,
 * container and object paths) the partition, primaries and first 40 handoffs, and for the first 1,100
 * partitions of each ring the complete handoff sequence. One Python run answers everything.
 */
class RingLookupIT {
    private static final int NAMES = 1500;
    private static final int MAX_HANDOFFS = 40;
    private static final HashPath HASH = HashPath.of("cairn-prefix", "cairn-suffix");
    private static final List<String> SWIFT_RINGS =
            List.of("r3.ring.gz", "frac.ring.gz", "regions.ring.gz", "holes.ring.gz", "pp17.ring.gz", "java.ring.gz");

    @TempDir
    Path dir;

    @Test
    void shouldAnswerEveryLookupAsSwiftWhenRingsComeFromSwiftOrJava() throws IOException {
        Random random = new Random(2024);
        RingFileWriter.writeV1(RingDataSamples.random(random, 9, 3.0, 30), dir.resolve("java.ring.gz"));
        List<String[]> names = names(random);
        StringBuilder stdin = new StringBuilder();
        for (String[] n : names) {
            stdin.append(n[0])
                    .append('\t')
                    .append(n[1])
                    .append('\t')
                    .append(n[2])
                    .append('\n');
        }
        String out = new String(
                Python.run(
                        TestScripts.load("/io/cairn/ring/swift_lookups.py"),
                        stdin.toString().getBytes(StandardCharsets.UTF_8),
                        dir.toString(),
                        dir.resolve("java.ring.gz").toString()),
                StandardCharsets.UTF_8);

        List<String> seenRings = new ArrayList<>();
        Ring ring = null;
        int nameAnswers = 0;
        int partitionAnswers = 0;
        int[] ids = new int[4096];
        for (String line : out.split("\n")) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "ring" -> {
                    seenRings.add(f[1]);
                    ring = new Ring(RingFileReader.read(dir.resolve(f[1])));
                }
                case "n" -> {
                    Ring r = requireRing(ring);
                    String[] n = names.get(Integer.parseInt(f[1]));
                    int part = r.partition(HASH, n[0], emptyToNull(n[1]), emptyToNull(n[2]));
                    String what = f[1] + " " + Arrays.toString(n) + " in " + last(seenRings);
                    assertThat(part).as("partition of %s", what).isEqualTo(Integer.parseInt(f[2]));
                    assertThat(join(ids, r.primaryIds(part, ids)))
                            .as("primaries of %s", what)
                            .isEqualTo(f[3]);
                    assertThat(join(ids, r.handoffIds(part, ids, MAX_HANDOFFS)))
                            .as("handoffs of %s", what)
                            .isEqualTo(f[4]);
                    nameAnswers++;
                }
                case "p" -> {
                    Ring r = requireRing(ring);
                    int part = Integer.parseInt(f[1]);
                    String what = "partition " + part + " in " + last(seenRings);
                    assertThat(join(ids, r.handoffIds(part, ids, ids.length)))
                            .as(what)
                            .isEqualTo(f[2]);
                    assertThat(iterate(r.handoffs(part)))
                            .as("iterator for %s", what)
                            .isEqualTo(f[2]);
                    partitionAnswers++;
                }
                default -> throw new AssertionError("unexpected python output: " + line);
            }
        }
        assertThat(seenRings).isEqualTo(SWIFT_RINGS);
        assertThat(nameAnswers).isEqualTo(NAMES * SWIFT_RINGS.size());
        assertThat(partitionAnswers).isEqualTo(256 + 256 + 1024 + 1024 + 1100 + 512);
    }

    private static Ring requireRing(@Nullable Ring ring) {
        if (ring == null) {
            throw new AssertionError("python printed an answer before naming its ring");
        }
        return ring;
    }

    private static String last(List<String> list) {
        return list.get(list.size() - 1);
    }

    private static @Nullable String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static String join(int[] ids, int n) {
        if (n == 0) {
            return "-";
        }
        StringJoiner j = new StringJoiner(",");
        for (int i = 0; i < n; i++) {
            j.add(Integer.toString(ids[i]));
        }
        return j.toString();
    }

    private static String iterate(HandoffIterator it) {
        StringJoiner j = new StringJoiner(",");
        while (it.hasNext()) {
            j.add(Integer.toString(it.next().id()));
        }
        String s = j.toString();
        return s.isEmpty() ? "-" : s;
    }

    /** Account, container and object names mixing ASCII, Latin, CJK and astral characters. */
    private static List<String[]> names(Random random) {
        List<String[]> names = new ArrayList<>();
        for (int i = 0; i < NAMES; i++) {
            String a = "AUTH_" + word(random);
            String c = i % 10 == 0 ? "" : word(random);
            String o = c.isEmpty() || i % 10 == 1 ? "" : word(random) + "/" + word(random);
            names.add(new String[] {a, c, o});
        }
        return names;
    }

    private static String word(Random random) {
        int[][] ranges = {{'a', 'z'}, {'0', '9'}, {0xC0, 0x17F}, {0x4E00, 0x4FFF}, {0x1F600, 0x1F64F}, {' ', '~'}};
        StringBuilder sb = new StringBuilder();
        int len = 1 + random.nextInt(12);
        for (int i = 0; i < len; i++) {
            int[] r = ranges[random.nextInt(i % 3 == 0 ? ranges.length : 2)];
            sb.appendCodePoint(r[0] + random.nextInt(r[1] - r[0] + 1));
        }
        return sb.toString();
    }
}
