package io.cairn.cli.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * domain_remap ({@code storage_domain = example.net}, reseller prefixes {@code AUTH, SERVICE}) in both pipelines:
 * container and account hosts, {@code -} for {@code _}, a lower-case prefix, a port, too many labels (400), hosts
 * outside the storage domain or without a known prefix (unchanged), and a redirect's {@code Location} mapped back.
 *
 * <p>Thread-safety: stateless.
 */
final class DomainRemapScenarios {
    private DomainRemapScenarios() {}

    static List<Group> groups() {
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of(
                "domain-remap.setup",
                Req.put("/v1/AUTH_test/dr"),
                Req.put("/v1/AUTH_test/dr/o").h("Content-Type", "text/plain").body("remapped"),
                Req.put("/v1/AUTH_test/dr/d%C3%BC/o").body("nested")));
        s.add(Scenario.of("domain-remap.container-host", at("GET", "/o", "dr.AUTH_test.example.net")));
        s.add(Scenario.of("domain-remap.dash-for-underscore", at("GET", "/o", "dr.AUTH-test.example.net")));
        s.add(Scenario.of("domain-remap.lower-case-prefix", at("HEAD", "/o", "dr.auth-test.example.net")));
        s.add(Scenario.of("domain-remap.with-port", at("GET", "/o", "dr.AUTH_test.example.net:8080")));
        s.add(Scenario.of("domain-remap.nested-utf8", at("GET", "/d%C3%BC/o", "dr.AUTH_test.example.net")));
        s.add(Scenario.of("domain-remap.account-host", at("GET", "/dr/o", "AUTH-test.example.net")));
        s.add(Scenario.of("domain-remap.account-listing", at("GET", "/dr?format=json", "AUTH-test.example.net")));
        s.add(Scenario.of("domain-remap.container-listing", at("GET", "/", "dr.AUTH-test.example.net")));
        s.add(Scenario.of("domain-remap.too-many-labels", at("GET", "/o", "a.b.dr.AUTH_test.example.net")));
        s.add(Scenario.of("domain-remap.unknown-prefix", at("GET", "/o", "dr.test.example.net")));
        s.add(Scenario.of("domain-remap.other-domain", at("GET", "/v1/AUTH_test/dr/o", "dr.AUTH_test.example.org")));
        s.add(Scenario.of("domain-remap.missing-object", at("GET", "/nope", "dr.AUTH_test.example.net")));
        s.add(Scenario.of(
                "domain-remap.anonymous",
                at("GET", "/o", "dr.AUTH_test.example.net").as(User.ANON)));
        return List.of(new Group("domain-remap", s));
    }

    private static Req at(String method, String target, String host) {
        return Req.of(method, target).noHost().h("Host", host);
    }
}
