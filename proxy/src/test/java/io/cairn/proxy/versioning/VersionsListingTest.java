package io.cairn.proxy.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.codec.CodePoints;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionsListingTest {
    private static List<Map<String, Object>> parse(String json) {
        return java.util.Objects.requireNonNull(VersionsListing.parse(json));
    }

    private static final String LINK = "[{\"name\": \"o\", \"hash\": \"d41d8cd98f00b204e9800998ecf8427e; x=y\","
            + " \"bytes\": 0, \"content_type\": \"text/plain\", \"last_modified\": \"2026-12-07T03:11:49.480440\","
            + " \"symlink_etag\": \"abc\", \"symlink_bytes\": 3,"
            + " \"symlink_path\": \"/v1/AUTH_test/%00versions%00c/%00o%008203386890.51955\"},"
            + " {\"name\": \"plain\", \"hash\": \"h\", \"bytes\": 1, \"content_type\": \"t\","
            + " \"last_modified\": \"2026-12-07T03:11:40.000000\"}]";

    @Test
    void shouldShowTheVersionsBytesAndEtagAndNameItByVersionIdWhenListed() {
        List<Map<String, Object>> l = parse(LINK);
        VersionsListing.showVersions(l, "c", "\u0000versions\u0000c", false);
        assertThat(l.get(0))
                .containsEntry("bytes", 3L)
                .containsEntry("hash", "abc; x=y")
                .containsEntry("version_symlink", true)
                .containsEntry("symlink_path", "/v1/AUTH_test/c/o?version-id=1796613109.48044")
                .doesNotContainKeys("symlink_etag", "symlink_bytes");
        assertThat(l.get(1)).doesNotContainKey("version_symlink");
    }

    @Test
    void shouldLeaveLinksIntoOtherContainersAlone() {
        List<Map<String, Object>> l = parse(LINK);
        VersionsListing.showVersions(l, "c", "\u0000versions\u0000other", false);
        assertThat(l.get(0)).containsEntry("symlink_etag", "abc").doesNotContainKey("version_symlink");
    }

    @Test
    void shouldMergeTheContainerAndItsVersionsByNameWithIsLatestAsSwift() {
        List<Map<String, Object>> l = parse(LINK);
        VersionsListing.showVersions(l, "c", "\u0000versions\u0000c", true);
        VersionsListing.Primary p = VersionsListing.primary(l);
        List<Map<String, Object>> versions = VersionsListing.versions(
                parse("[{\"name\": \"\\u0000o\\u00008203386890.51955\", \"hash\": \"abc\", \"bytes\": 3,"
                        + " \"content_type\": \"text/plain\", \"last_modified\": \"x\"},"
                        + " {\"name\": \"\\u0000o\\u00008203386891.00000\", \"hash\": \"def\", \"bytes\": 4,"
                        + " \"content_type\": \"text/plain\", \"last_modified\": \"w\"},"
                        + " {\"subdir\": \"\\u0000d/\"}]"),
                p,
                "AUTH_test",
                "\u0000versions\u0000c");
        String out = VersionsListing.build(false, 10_000, p.nulls(), versions, VersionsListing.subdirs(p.subdirs()));
        assertThat(out)
                .isEqualTo("[{\"subdir\": \"d/\"}, {\"name\": \"o\", \"hash\": \"abc\", \"bytes\": 3,"
                        + " \"content_type\": \"text/plain\", \"last_modified\": \"x\", \"is_latest\": true,"
                        + " \"version_id\": \"1796613109.48044\"}, {\"name\": \"o\", \"hash\": \"def\", \"bytes\": 4,"
                        + " \"content_type\": \"text/plain\", \"last_modified\": \"w\", \"is_latest\": false,"
                        + " \"version_id\": \"1796613108.99999\"}, {\"name\": \"plain\", \"hash\": \"h\", \"bytes\": 1,"
                        + " \"content_type\": \"t\", \"last_modified\": \"2026-12-07T03:11:40.000000\","
                        + " \"version_id\": \"null\", \"is_latest\": true}]");
        assertThat(VersionsListing.build(true, 1, p.nulls(), versions)).contains("\"name\": \"plain\"");
    }

    @Test
    void shouldSortByCodePointsAsPythonWhenNamesLeaveTheBasicPlane() {
        assertThat(CodePoints.compare("\uFFFF", "\uD83D\uDE00")).isNegative();
        assertThat(CodePoints.compare("a", "ab")).isNegative();
        assertThat(CodePoints.compare("b", "b")).isZero();
    }
}
