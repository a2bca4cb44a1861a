package io.cairn.proxy.largeobject;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.IniFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SymlinkTest {
    @Test
    void shouldSplitTargetsAsCheckPathHeaderWhenPut() {
        assertThat(Symlink.splitTarget("c/o")).containsExactly("c", "o");
        assertThat(Symlink.splitTarget("c/a/b")).containsExactly("c", "a/b");
        assertThat(Symlink.splitTarget("c%2Fo")).containsExactly("c", "o");
        assertThat(Symlink.splitTarget("c")).isNull();
        assertThat(Symlink.splitTarget("c/")).isNull();
        assertThat(Symlink.splitTarget("/o")).isNull();
    }

    @Test
    void shouldAddSymlinkPathEtagAndBytesWhenAListingEntryIsALink() {
        String listing = "[{\"name\": \"l\", \"hash\": \"d41d8cd98f00b204e9800998ecf8427e; symlink_target=c/t;"
                + " symlink_target_account=AUTH_x; symlink_target_etag=abc; symlink_target_bytes=5\"},"
                + " {\"name\": \"p\", \"hash\": \"123\"}]";
        assertThat(SymlinkListing.rewrite(listing, "v1", "AUTH_test"))
                .isEqualTo(
                        "[{\"name\": \"l\", \"hash\": \"d41d8cd98f00b204e9800998ecf8427e\", \"symlink_etag\": \"abc\","
                                + " \"symlink_bytes\": 5, \"symlink_path\": \"/v1/AUTH_x/c/t\"}, {\"name\": \"p\", \"hash\": \"123\"}]");
    }

    @Test
    void shouldAdvertiseSymloopMaxWhenConfigured() {
        List<String> warnings = new ArrayList<>();
        Symlink s = Symlink.from(
                IniFile.parse("[filter:symlink]\nuse = egg:swift#symlink\nsymloop_max = 0\nnope = 1\n", "t")
                        .section("filter:symlink"),
                warnings);
        Map<String, Object> info = new LinkedHashMap<>();
        s.registerInfo(info);
        assertThat(info).containsEntry("symlink", Map.of("symloop_max", 2, "static_links", true));
        assertThat(warnings).containsExactly("[filter:symlink] unknown key nope");
    }
}
