package io.cairn.cli.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Every scenario group of the harness, in run order. To add scenarios, add a {@link Scenario} to a group's list
 * (or a group here); see {@code cli/README.md} § Conformance harness.
 *
 * <p>Thread-safety: stateless.
 */
final class Catalog {
    private Catalog() {}

    static List<Group> groups() {
        List<Group> groups = new ArrayList<>();
        groups.addAll(AuthScenarios.groups());
        groups.addAll(NameScenarios.groups());
        groups.addAll(MetadataScenarios.groups());
        groups.addAll(ListingScenarios.groups());
        groups.addAll(RangeScenarios.groups());
        groups.addAll(AclScenarios.groups());
        groups.addAll(AccountAclScenarios.groups());
        groups.addAll(CorsScenarios.groups());
        groups.addAll(CopyScenarios.groups());
        groups.addAll(BadRequestScenarios.groups());
        groups.addAll(LargeObjectScenarios.groups());
        groups.addAll(TempUrlScenarios.groups());
        groups.addAll(FormPostScenarios.groups());
        groups.addAll(DomainRemapScenarios.groups());
        groups.addAll(SymlinkScenarios.groups());
        groups.addAll(QuotaScenarios.groups());
        groups.addAll(StaticWebScenarios.groups());
        groups.addAll(VersioningScenarios.groups());
        groups.addAll(LegacyVersioningScenarios.groups());
        groups.addAll(BulkScenarios.groups());
        groups.addAll(EdgeScenarios.groups());
        groups.addAll(EtagQuoterScenarios.groups());
        return groups;
    }
}
