package io.cairn.proxy.readonly;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.IniFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Swift 2.30.1's ReadOnlyMiddleware decisions for the same settings and account flags. */
class ReadOnlyTest {
    private static ReadOnly readOnly(String settings) {
        List<String> warnings = new ArrayList<>();
        ReadOnly r = ReadOnly.from(
                IniFile.parse("[filter:read_only]\nuse = egg:swift#read_only\n" + settings, "proxy-server.conf")
                        .section("filter:read_only"),
                warnings);
        assertThat(warnings).isEmpty();
        return r;
    }

    @Test
    void shouldTreatCopyPostPutAndDeleteAsWritesUnlessDeletesAreAllowed() {
        ReadOnly r = readOnly("");
        assertThat(List.of("COPY", "POST", "PUT", "DELETE")).allMatch(r::isWrite);
        assertThat(List.of("GET", "HEAD", "OPTIONS")).noneMatch(r::isWrite);
        assertThat(readOnly("allow_deletes = yes\n").isWrite("DELETE")).isFalse();
    }

    @Test
    void shouldLetTheAccountsFlagOverrideTheClusters() {
        ReadOnly open = readOnly("");
        assertThat(open.accountReadOnly(null)).isFalse();
        assertThat(open.accountReadOnly("")).isFalse();
        assertThat(open.accountReadOnly("TRUE")).isTrue();
        assertThat(open.accountReadOnly("on")).isTrue();
        ReadOnly closed = readOnly("read_only = true\n");
        assertThat(closed.accountReadOnly(null)).isTrue();
        assertThat(closed.accountReadOnly("false")).isFalse();
        assertThat(closed.accountReadOnly("garbage")).as("not a true value").isFalse();
    }

    @Test
    void shouldAdvertiseOnlyAReadOnlyCluster() {
        Map<String, Object> info = new LinkedHashMap<>();
        readOnly("").registerInfo(info);
        assertThat(info).isEmpty();
        readOnly("read_only = 1\n").registerInfo(info);
        assertThat(info).isEqualTo(Map.of("read_only", Map.of()));
        assertThat(ReadOnly.REFUSAL).isEqualTo("Writes are disabled for this account.");
    }
}
