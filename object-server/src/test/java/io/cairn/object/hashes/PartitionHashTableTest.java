package io.cairn.object.hashes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PartitionHashTableTest {

    @Property
    void shouldInvalidateTheByteFormExactlyAsTheTableDoesWhenGivenAnyTable(
            @ForAll @IntRange(min = 0, max = 60) int entries,
            @ForAll @IntRange(min = 0, max = 4095) int suffix,
            @ForAll long seed) {
        Random random = new Random(seed);
        PartitionHashTable table = new PartitionHashTable();
        table.complete = random.nextBoolean();
        table.generation = random.nextInt();
        for (int i = 0; i < entries; i++) {
            byte[] md5 = null;
            if (random.nextBoolean()) {
                md5 = new byte[16];
                random.nextBytes(md5);
            }
            // half the time near the invalidated suffix, so both the found and the inserted cases are common
            int s = random.nextBoolean() ? random.nextInt(4096) : Math.floorMod(suffix + random.nextInt(5) - 2, 4096);
            table.suffixes.put(s, md5);
        }
        byte[] bytes = table.encode();

        byte[] inPlace = PartitionHashTable.invalidate(bytes.clone(), suffix);
        table.invalidate(suffix);

        assertThat(inPlace).isEqualTo(table.encode());
    }

    @Test
    void shouldStartATableWhenInvalidatingNothingOrDamagedBytes() {
        PartitionHashTable expected = new PartitionHashTable();
        expected.invalidate(0xabc);

        assertThat(PartitionHashTable.invalidate(null, 0xabc)).isEqualTo(expected.encode());
        assertThat(PartitionHashTable.invalidate(new byte[] {9, 9, 9}, 0xabc)).isEqualTo(expected.encode());
    }

    @Test
    void shouldKeepOtherEntriesAndBumpTheGenerationWhenInvalidatingAValidSuffix() {
        PartitionHashTable table = new PartitionHashTable();
        table.suffixes.put(1, new byte[16]);
        byte[] md5 = new byte[16];
        md5[0] = 7;
        table.suffixes.put(2, md5);
        table.generation = 41;

        PartitionHashTable after = PartitionHashTable.decode(PartitionHashTable.invalidate(table.encode(), 2));

        assertThat(after.generation).isEqualTo(42);
        assertThat(after.suffixes).containsKeys(1, 2);
        assertThat(after.suffixes.get(2)).isNull();
        assertThat(after.suffixes.get(1)).isNotNull();
    }
}
