package io.cairn.ring.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.common.config.IniFile;
import io.cairn.common.testing.Python;
import io.cairn.ring.TestScripts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoragePoliciesTest {
    /** swift.conf texts Swift accepts or rejects; the answers come from Swift itself. */
    private static final List<String> CONFS = List.of(
            "[swift-hash]\nswift_hash_path_suffix = x\n",
            "[storage-policy:0]\nname = gold\n",
            "[storage-policy:0]\nname = gold\naliases = yellow, orange\ndefault = yes\n"
                    + "[storage-policy:1]\nname = silver\ndeprecated = true\n"
                    + "[storage-policy:2]\nname = ec\npolicy_type = erasure_coding\nec_type = liberasurecode_rs_vand\n"
                    + "ec_num_data_fragments = 4\nec_num_parity_fragments = 2\n",
            "[storage-policy:0]\nname = a\n[storage-policy:1]\nname = b\n",
            "[storage-policy:1]\nname = b\ndefault = yes\n",
            "[storage-policy:0]\nname = a\ndefault = yes\n[storage-policy:1]\nname = A\n",
            "[storage-policy:0]\nname = a\naliases = b\ndefault = yes\n[storage-policy:1]\nname = B\n",
            "[storage-policy:0]\nname = a\ndefault = yes\n[storage-policy:1]\nname = b\ndefault = yes\n",
            "[storage-policy:0]\nname = a\ndefault = yes\ndeprecated = yes\n",
            "[storage-policy:0]\nname = a\ndeprecated = yes\n",
            "[storage-policy:0]\nname = a\n[storage-policy:01]\nname = b\n",
            "[storage-policy:0]\nname = bad_name\n",
            "[storage-policy:0]\nname = a\n[storage-policy:1]\nname = policy-0\ndefault = yes\n",
            "[storage-policy:0]\n",
            "[storage-policy:0]\nname = a\nfoo = bar\n",
            "[storage-policy:0]\nname = a\nec_type = x\n",
            "[storage-policy:0]\nname = a\npolicy_type = magic\n",
            "[storage-policy:-1]\nname = a\n",
            "[storage-policy:x]\nname = a\n",
            "[storage-policy:0]\nname = a\naliases = a, b, B\n",
            "[storage-policy:0]\nname = a\naliases = a, , c\ndefault = yes\n[storage-policy:7]\nname = d\n"
                    + "diskfile_module = egg:swift#replication.fs\n");

    @Test
    void shouldAcceptAndRejectExactlyWhatSwiftDoesWhenGivenTheSameSwiftConf() {
        String out = new String(
                Python.run(
                        TestScripts.load("/io/cairn/ring/policy/swift_policies.py"),
                        String.join("\n----\n", CONFS).getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        List<String> swift = out.lines().toList();
        List<String> mine = new ArrayList<>();
        for (String conf : CONFS) {
            mine.add(describe(conf));
        }
        assertThat(mine).isEqualTo(swift);
        assertThat(swift).contains("error").anyMatch(s -> s.startsWith("ok"));
    }

    private static String describe(String conf) {
        StoragePolicies policies;
        try {
            policies = StoragePolicies.fromSwiftConf(IniFile.parse(conf, "swift.conf"));
        } catch (PolicyException e) {
            return "error";
        }
        StringBuilder sb =
                new StringBuilder("ok ").append(policies.defaultPolicy().index());
        for (StoragePolicy p : policies.all()) {
            sb.append(' ')
                    .append(p.index())
                    .append(':')
                    .append(String.join("|", p.names()))
                    .append(':')
                    .append(p.deprecated() ? "D" : "-")
                    .append(':')
                    .append(p.policyType().configName());
        }
        return sb.toString();
    }

    @Test
    void shouldDeriveRingAndDirectoryNamesFromTheIndex() {
        StoragePolicies policies = StoragePolicies.fromSwiftConf(IniFile.parse(CONFS.get(2), "swift.conf"));
        StoragePolicy gold = policies.defaultPolicy();
        assertThat(gold.ringFileName()).isEqualTo("object.ring.gz");
        assertThat(gold.dirSuffix()).isEmpty();
        assertThat(gold.policyString("objects")).isEqualTo("objects");
        StoragePolicy silver = java.util.Objects.requireNonNull(policies.byIndex(1));
        assertThat(silver).isNotNull();
        assertThat(silver.ringFileName()).isEqualTo("object-1.ring.gz");
        assertThat(silver.policyString("async_pending")).isEqualTo("async_pending-1");
        assertThat(policies.byName("ORANGE")).isSameAs(gold);
        assertThat(policies.byName("nope")).isNull();
        assertThat(policies.unsupported()).extracting(StoragePolicy::name).containsExactly("ec");
        StoragePolicy ec = java.util.Objects.requireNonNull(policies.byIndex(2));
        assertThat(ec).isNotNull();
        assertThat(ec.isSupported()).isFalse();
        assertThat(ec.erasureCodingOptions())
                .containsEntry("ec_num_data_fragments", "4")
                .hasSize(3);
        assertThat(ec.diskfileModule()).isEqualTo("egg:swift#erasure_coding.fs");
        assertThat(gold.diskfileModule()).isEqualTo("egg:swift#replication.fs");
    }

    @Test
    void shouldImplyPolicyZeroAsDefaultWhenNoneIsConfigured() {
        StoragePolicies policies = StoragePolicies.legacy();
        assertThat(policies.all()).hasSize(1);
        assertThat(policies.defaultPolicy().name()).isEqualTo(StoragePolicy.LEGACY_NAME);
        assertThat(policies.defaultPolicy().isDefault()).isTrue();
        StoragePolicies single = StoragePolicies.fromSwiftConf(IniFile.parse(CONFS.get(1), "swift.conf"));
        assertThat(single.defaultPolicy().name()).isEqualTo("gold");
        assertThat(single.defaultPolicy().isDefault()).isTrue();
    }

    @Test
    void shouldExplainWhyAConfigIsRejected() {
        assertThatThrownBy(() -> StoragePolicies.fromSwiftConf(IniFile.parse(CONFS.get(5), "swift.conf")))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("Duplicate name A");
        assertThatThrownBy(() -> StoragePolicies.fromSwiftConf(IniFile.parse(CONFS.get(14), "swift.conf")))
                .hasMessageContaining("Invalid option 'foo' in storage-policy section [storage-policy:0]");
        assertThatThrownBy(() -> StoragePolicies.fromSwiftConf(IniFile.parse(CONFS.get(3), "swift.conf")))
                .hasMessageContaining("Unable to find default policy");
    }
}
