package io.cairn.proxy.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.IniFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The sample's tempauth section parses and documents every key TempAuthConfig reads, and nothing else. */
class TempAuthSampleConfigTest {
    static final Path SAMPLE = Path.of("etc/proxy-server.conf-sample");

    static String tempauthSection() throws IOException {
        String text = Files.readString(SAMPLE);
        int start = text.indexOf("\n[filter:tempauth]") + 1;
        assertThat(start).as("section header in the sample").isPositive();
        int next = text.indexOf("\n[", start);
        return next < 0 ? text.substring(start) : text.substring(start, next);
    }

    @Test
    void shouldParseWithoutUnknownKeysWhenSampleIsUsedAsIs() {
        TempAuthConfig config = TempAuthConfig.from(IniFile.load(SAMPLE).section("filter:tempauth"));

        assertThat(config.unknownKeys()).isEmpty();
        assertThat(config.resellerPrefixes()).containsExactly("AUTH_");
    }

    @Test
    void shouldDocumentExactlyTheKnownKeysWhenCommentedOut() throws IOException {
        Matcher m = Pattern.compile("(?m)^#? ?([A-Za-z_]+[A-Za-z0-9_]*) =").matcher(tempauthSection());
        java.util.Set<String> documented = new java.util.TreeSet<>();
        while (m.find()) {
            String key = m.group(1);
            if (!key.startsWith("user_") && !key.startsWith("user64_") && !key.endsWith("_require_group")) {
                documented.add(key);
            }
        }

        assertThat(documented).containsExactlyInAnyOrderElementsOf(TempAuthConfig.fixedKeys());
    }
}
