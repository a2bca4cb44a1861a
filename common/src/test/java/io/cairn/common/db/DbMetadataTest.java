package io.cairn.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DbMetadataTest {
    @Test
    void shouldKeepTheNewerValueWhenMergingPerKey() {
        DbMetadata md = DbMetadata.parse("{\"X-Account-Meta-A\": [\"1\", \"0000000002.00000\"]}");
        DbMetadata upd = DbMetadata.parse("{\"X-Account-Meta-A\": [\"old\", \"0000000001.00000\"],"
                + " \"X-Account-Meta-B\": [\"b\", \"0000000001.00000\"]}");
        assertThat(md.wouldChange(upd)).isTrue();
        md.merge(upd);
        assertThat(md.toJson())
                .isEqualTo("{\"X-Account-Meta-A\": [\"1\", \"0000000002.00000\"],"
                        + " \"X-Account-Meta-B\": [\"b\", \"0000000001.00000\"]}");
        assertThat(md.wouldChange(upd)).isFalse();
    }

    @Test
    void shouldGiveSwiftsMessagesWhenOverLimits() {
        DbMetadata md = DbMetadata.empty();
        for (int i = 0; i < 91; i++) {
            md.put("X-Account-Meta-K" + i, new DbMetadata.Item("v", "1"));
        }
        assertThat(md.violation(90, 4096)).isEqualTo("Too many metadata items; max 90");
        DbMetadata big = DbMetadata.empty();
        big.put("X-Container-Meta-Big", new DbMetadata.Item("x".repeat(4094), "1"));
        big.put("X-Container-Sysmeta-Free", new DbMetadata.Item("x".repeat(5000), "1"));
        assertThat(big.violation(90, 4096)).isEqualTo("Total metadata too large; max 4096");
        DbMetadata fits = DbMetadata.empty();
        fits.put("X-Account-Meta-Big", new DbMetadata.Item("x".repeat(4093), "1"));
        fits.put("X-Account-Meta-Gone", new DbMetadata.Item("", "1"));
        assertThat(fits.violation(90, 4096)).isNull();
    }

    @Test
    void shouldClearAllButKeptKeysAndReclaimOldEmptyValues() {
        DbMetadata md = DbMetadata.parse("{\"X-Container-Meta-A\": [\"1\", \"1\"], \"X-Keep\": [\"k\", \"1\"]}");
        md.merge(md.clearedAt("2", List.of("x-keep")));
        assertThat(md.get("X-Container-Meta-A")).isEqualTo(new DbMetadata.Item("", "2"));
        assertThat(md.get("X-Keep")).isEqualTo(new DbMetadata.Item("k", "1"));
        assertThat(md.reclaim(ts -> ts.compareTo("3") < 0)).isTrue();
        assertThat(md.items()).containsOnlyKeys("X-Keep");
    }
}
