package io.cairn.object.diskfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.time.Timestamp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Swift's get_ondisk_files rules (reference §2.3) and file naming (§2.2). */
class OnDiskFileSetTest {
    static final String T1 = "1400000001.00000";
    static final String T2 = "1400000002.00000";
    static final String T3 = "1400000003.00000";

    static String name(@org.jspecify.annotations.Nullable OnDiskFileName f) {
        assertThat(f).isNotNull();
        return java.util.Objects.requireNonNull(f).filename();
    }

    static List<String> names(List<OnDiskFileName> files) {
        return files.stream().map(OnDiskFileName::filename).sorted().toList();
    }

    @Test
    void shouldEncodeTheContentTypeTimeWhenMakingAMetaName() {
        Timestamp meta = Timestamp.parse("1400000001.00000");
        Timestamp ctype = Timestamp.parse("1400000000.00000");
        String name = OnDiskFileName.make(meta, ".meta", ctype);
        assertThat(name).isEqualTo("1400000001.00000-186a0.meta");
        OnDiskFileName parsed = OnDiskFileName.parse(name);
        assertThat(parsed.timestamp()).isEqualTo(meta);
        assertThat(parsed.contentTypeTimestamp()).isEqualTo(ctype);
        assertThat(OnDiskFileName.make(meta, ".data", ctype)).isEqualTo("1400000001.00000.data");
        assertThat(OnDiskFileName.parse("1400000001.00000_000000000000000a.ts")
                        .timestamp()
                        .offset())
                .isEqualTo(10);
    }

    @Test
    void shouldRejectNamesWithoutATimestampWhenParsing() {
        assertThatThrownBy(() -> OnDiskFileName.parse(".1400000001.00000.data.Xy12ab"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid Timestamp");
        assertThat(OnDiskFileSet.of(List.of(".1400000001.00000.data.Xy12ab")).unexpected())
                .hasSize(1);
    }

    @Test
    void shouldChooseNewestDataAndObsoleteOlderFilesWhenSeveralExist() {
        OnDiskFileSet s = OnDiskFileSet.of(List.of(T1 + ".data", T2 + ".data", T1 + ".meta", T3 + ".meta", T1 + ".ts"));
        assertThat(name(s.data())).isEqualTo(T2 + ".data");
        assertThat(name(s.meta())).isEqualTo(T3 + ".meta");
        assertThat(s.tombstone()).isNull();
        assertThat(names(s.obsolete())).containsExactly(T1 + ".data", T1 + ".meta", T1 + ".ts");
    }

    @Test
    void shouldHideOlderDataWhenATombstoneIsNewer() {
        OnDiskFileSet s = OnDiskFileSet.of(List.of(T1 + ".data", T2 + ".ts", T3 + ".meta"));
        assertThat(s.data()).isNull();
        assertThat(name(s.tombstone())).isEqualTo(T2 + ".ts");
        assertThat(names(s.obsolete())).containsExactly(T1 + ".data");
        assertThat(names(s.possibleReclaim())).containsExactly(T3 + ".meta");
    }

    @Test
    void shouldKeepTheMetaWithTheNewestContentTypeWhenItIsOlder() {
        String newestMeta = T3 + ".meta";
        String ctypeMeta = "1400000002.00000+186a0.meta"; // meta t2, content-type t3
        OnDiskFileSet s = OnDiskFileSet.of(List.of(T1 + ".data", newestMeta, ctypeMeta));
        assertThat(name(s.meta())).isEqualTo(newestMeta);
        assertThat(name(s.contentTypeMeta())).isEqualTo(ctypeMeta);
        assertThat(s.obsolete()).isEmpty();
    }
}
