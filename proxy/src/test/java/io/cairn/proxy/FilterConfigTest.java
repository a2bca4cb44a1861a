package io.cairn.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.IniFile;
import io.cairn.common.testing.ConfigDocs;
import io.cairn.proxy.auth.AuthTokenConfig;
import io.cairn.proxy.bulk.BulkConfig;
import io.cairn.proxy.cnamelookup.CnameLookupConfig;
import io.cairn.proxy.ratelimit.RateLimitConfig;
import io.cairn.proxy.s3api.S3ApiConfig;
import io.cairn.proxy.tempurl.TempUrlConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The filter configs declared in the registry: defaults, unknown keys, bad values and the README's tables. */
class FilterConfigTest {
    private static final Path README = Path.of("README.md");

    private static ConfigSection filter(String name, String body) {
        return IniFile.parse(
                        "[DEFAULT]\nlog_level = INFO\n[filter:" + name + "]\nuse = egg:swift#" + name + "\n" + body,
                        "t")
                .section("filter:" + name);
    }

    @Test
    void shouldShowEachFiltersTableWhenReadingTheReadme() throws Exception {
        assertThat(ConfigDocs.readmeTable(README, "bulk")).isEqualTo(BulkConfig.DEFINITION.markdownTable());
        assertThat(ConfigDocs.readmeTable(README, "tempurl")).isEqualTo(TempUrlConfig.DEFINITION.markdownTable());
        assertThat(ConfigDocs.readmeTable(README, "s3api")).isEqualTo(S3ApiConfig.DEFINITION.markdownTable());
        assertThat(ConfigDocs.readmeTable(README, "ratelimit")).isEqualTo(RateLimitConfig.DEFINITION.markdownTable());
        assertThat(ConfigDocs.readmeTable(README, "cname_lookup"))
                .isEqualTo(CnameLookupConfig.DEFINITION.markdownTable());
        assertThat(ConfigDocs.readmeTable(README, "authtoken")).isEqualTo(AuthTokenConfig.DEFINITION.markdownTable());
    }

    @Test
    void shouldUseSwiftsDefaultsAndReportUnknownKeysWhenReadingBulk() {
        List<String> warnings = new ArrayList<>();
        BulkConfig c = BulkConfig.from(filter("bulk", "delete_concurrency = 5000\nmax_deletes = 3\n"), warnings);
        assertThat(c.maxContainers()).isEqualTo(10_000);
        assertThat(c.maxDeletes()).isEqualTo(10_000);
        assertThat(c.deleteConcurrency()).as("clamped as Swift does").isEqualTo(1000);
        assertThat(warnings).containsExactly("[filter:bulk] unknown key max_deletes");
    }

    @Test
    void shouldSplitWordsAndKeepSwiftsDigestsWhenReadingTempUrl() {
        List<String> warnings = new ArrayList<>();
        TempUrlConfig c =
                TempUrlConfig.from(filter("tempurl", "methods = GET  PUT\nallowed_digests = sha256 md5\n"), warnings);
        assertThat(c.methods()).containsExactly("GET", "PUT");
        assertThat(c.outgoingAllowHeaders()).containsExactly("x-object-meta-public-*");
        assertThat(c.allowedDigests()).containsExactly("sha256");
        assertThat(c.unknownKeys()).isEmpty();
        assertThat(warnings).singleElement().asString().contains("md5");
        assertThat(TempUrlConfig.from(filter("tempurl", ""), new ArrayList<>()).allowedDigests())
                .containsExactly("sha1", "sha256", "sha512");
    }

    @Test
    void shouldNameTheKeyWhenAnS3ApiValueIsOutOfRange() {
        assertThat(S3ApiConfig.from(filter("s3api", "storage_domain = a.example, ,b.example\nlocation = eu\n")))
                .satisfies(c -> assertThat(c.storageDomains()).containsExactly("a.example", "b.example"))
                .satisfies(c -> assertThat(c.location()).isEqualTo("eu"));
        assertThat(S3ApiConfig.defaults().maxUploadPartNum()).isEqualTo(1000);
        assertThatThrownBy(() -> S3ApiConfig.from(filter("s3api", "max_upload_part_num = 10001\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("max_upload_part_num = \"10001\": expected an integer in [1, 10000]");
    }

    @Test
    void shouldKeepSizeFamiliesKnownAndRefuseAZeroClockWhenReadingRatelimit() {
        List<String> warnings = new ArrayList<>();
        RateLimitConfig c = RateLimitConfig.from(
                filter(
                        "ratelimit",
                        "container_ratelimit_100 = 5\naccount_ratelimt = 1\nmax_sleep_time_seconds = inf\n"),
                warnings);
        assertThat(c.maxSleepSeconds()).isInfinite();
        assertThat(c.clockAccuracy()).isEqualTo(1000);
        assertThat(c.containerLimits().maxRate(100)).isEqualTo(5.0);
        assertThat(warnings).containsExactly("[filter:ratelimit] unknown key account_ratelimt");
        assertThatThrownBy(() -> RateLimitConfig.from(filter("ratelimit", "clock_accuracy = 0\n"), warnings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("clock_accuracy = \"0\": must be a positive integer");
    }
}
