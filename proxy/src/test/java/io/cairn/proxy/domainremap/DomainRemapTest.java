package io.cairn.proxy.domainremap;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.IniFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Paths checked against Swift 2.30.1's DomainRemapMiddleware with the same settings. */
class DomainRemapTest {
    private static DomainRemap remap(String settings) {
        List<String> warnings = new ArrayList<>();
        DomainRemap r = DomainRemap.from(
                IniFile.parse("[filter:domain_remap]\n" + settings, "proxy-server.conf")
                        .section("filter:domain_remap"),
                warnings);
        assertThat(warnings).isEmpty();
        return r;
    }

    @Test
    void shouldPutTheHostsAccountAndContainerInFrontOfThePath() {
        DomainRemap r = remap("storage_domain = example.com\n");
        assertThat(r.remap("c.AUTH_a.example.com", "/o").path()).isEqualTo("/v1/AUTH_a/c/o");
        assertThat(r.remap("AUTH-a.example.com:8080", "/c/o").path()).isEqualTo("/v1/AUTH_a/c/o");
        assertThat(r.remap("c.auth_a.example.com", "/").path()).isEqualTo("/v1/AUTH_a/c/");
        assertThat(r.remap("a.b.c.AUTH_a.example.com", "/o").badRequest()).isEqualTo("Bad domain in host header");
        assertThat(r.remap("c.a.example.com", "/o").path())
                .as("no known prefix: unchanged")
                .isNull();
        assertThat(r.remap("c.AUTH_a.example.org", "/o").path()).isNull();
        assertThat(r.remap(null, "/o").path()).isNull();
    }

    @Test
    void shouldAddTheDefaultPrefixAndDropTheClientsRootWhenConfigured() {
        DomainRemap r = remap("storage_domain = .example.com, other.net\ndefault_reseller_prefix = AUTH\n"
                + "mangle_client_paths = yes\npath_root = /v1/\n");
        assertThat(r.remap("c.a.example.com", "/o").path()).isEqualTo("/v1/AUTH_a/c/o");
        assertThat(r.remap("c.AUTH_a.other.net", "/v1/o").path()).isEqualTo("/v1/AUTH_a/c/o");
    }

    @Test
    void shouldAskForTheProxysJsonListingAsSwiftsPipelineOrderGivesIt() {
        assertThat(DomainRemapHandler.jsonListings("")).isEqualTo("?format=json");
        assertThat(DomainRemapHandler.jsonListings("format=xml&prefix=a")).isEqualTo("?format=json&prefix=a");
    }
}
