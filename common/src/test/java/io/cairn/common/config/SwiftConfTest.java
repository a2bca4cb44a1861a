package io.cairn.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.path.Constraints;
import io.cairn.common.path.HashPath;
import io.cairn.common.testing.Python;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwiftConfTest {

    @Test
    void shouldUseSwiftDefaultsWhenNoConstraintsSectionExists(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("swift.conf"),
                "[swift-hash]\nswift_hash_path_suffix = changeme\n"
                        + "[storage-policy:0]\nname = gold\ndefault = yes\n");
        SwiftConf conf = SwiftConf.load(dir);
        assertThat(conf.constraints()).isEqualTo(Constraints.DEFAULTS);
        assertThat(conf.constraints().maxHeaderCount()).isEqualTo(126);
        assertThat(conf.ini().section("storage-policy:0").get("name")).isEqualTo("gold");
        assertThat(conf.hashPath().hex("a", "c", "o"))
                .isEqualTo(HashPath.of("", "changeme").hex("a", "c", "o"));
    }

    @Test
    void shouldRefuseToStartWhenBothHashSettingsAreEmpty(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("swift.conf"), "[swift-hash]\nswift_hash_path_prefix =\n");
        assertThatThrownBy(() -> SwiftConf.load(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("both swift_hash_path_suffix and swift_hash_path_prefix are missing");
        assertThatThrownBy(() -> SwiftConf.load(dir.resolve("nowhere"))).hasMessageContaining("Unable to read");
    }

    @Test
    void shouldNameTheKeyWhenAConstraintIsNotANumber(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("swift.conf"),
                "[swift-hash]\nswift_hash_path_prefix = p\n" + "[swift-constraints]\nmax_meta_count = lots\n");
        assertThatThrownBy(() -> SwiftConf.load(dir))
                .hasMessageContaining("[swift-constraints] max_meta_count = \"lots\"");
    }

    /** Compares hash salt and constraints with Swift's own readers of the same file. */
    @Test
    void shouldReadHashSaltAndConstraintsAsSwiftDoes(@TempDir Path dir) throws IOException {
        String text = "[DEFAULT]\nmax_meta_count = 7\n[swift-hash]\n"
                + "swift_hash_path_prefix = caf\u00e9 %%x\u00a0\nswift_hash_path_suffix = \u00e0\n"
                + "[swift-constraints]\nmax_file_size = 1_000\nvalid_api_versions = v1, v2 ,\n"
                + "max_header_size = 16384\nauto_create_account_prefix = _\nextra_header_count = -4\n";
        Files.write(dir.resolve("swift.conf"), text.getBytes(StandardCharsets.UTF_8));
        String script = """
                import sys, binascii
                from swift.common import utils, constraints
                utils.SWIFT_CONF_FILE = sys.argv[1]
                utils.HASH_PATH_PREFIX = utils.HASH_PATH_SUFFIX = b''
                utils.validate_hash_conf()
                constraints.reload_constraints()
                print(utils.hash_path('a', 'c', 'o'))
                for k, v in sorted(constraints.EFFECTIVE_CONSTRAINTS.items()):
                    print('%s=%s' % (k, ','.join(v) if isinstance(v, list) else v))
                print('MAX_HEADER_COUNT=%d' % (constraints.MAX_META_COUNT + 36 + max(constraints.EXTRA_HEADER_COUNT, 0)))
                """;
        List<String> swift =
                List.of(Python.runText(script, dir.resolve("swift.conf").toString())
                        .strip()
                        .split("\n"));
        SwiftConf conf = SwiftConf.load(dir);
        Constraints c = conf.constraints();
        assertThat(swift)
                .containsExactly(
                        conf.hashPath().hex("a", "c", "o"),
                        "account_listing_limit=" + c.accountListingLimit(),
                        "auto_create_account_prefix=" + c.autoCreateAccountPrefix(),
                        "container_listing_limit=" + c.containerListingLimit(),
                        "extra_header_count=" + c.extraHeaderCount(),
                        "max_account_name_length=" + c.maxAccountNameLength(),
                        "max_container_name_length=" + c.maxContainerNameLength(),
                        "max_file_size=" + c.maxFileSize(),
                        "max_header_size=" + c.maxHeaderSize(),
                        "max_meta_count=" + c.maxMetaCount(),
                        "max_meta_name_length=" + c.maxMetaNameLength(),
                        "max_meta_overall_size=" + c.maxMetaOverallSize(),
                        "max_meta_value_length=" + c.maxMetaValueLength(),
                        "max_object_name_length=" + c.maxObjectNameLength(),
                        "valid_api_versions=" + String.join(",", c.validApiVersions()),
                        "MAX_HEADER_COUNT=" + c.maxHeaderCount());
        assertThat(c.maxMetaCount()).isEqualTo(7);
        assertThat(c.isValidApiVersion("v2")).isTrue();
    }
}
