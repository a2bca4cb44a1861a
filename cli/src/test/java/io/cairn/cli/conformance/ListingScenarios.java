package io.cairn.cli.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Every listing parameter and format on a container and on an account: {@code format} (json, xml, plain, bogus),
 * {@code Accept}, {@code limit} (0 to past 10,000), {@code marker}, {@code end_marker}, {@code prefix}, {@code
 * delimiter}, {@code path}, {@code reverse}, bad values, HEAD, empty and missing containers.
 *
 * <p>Thread-safety: stateless.
 */
final class ListingScenarios {
    private static final String C = "/v1/AUTH_test/lst";
    private static final String A = "/v1/AUTH_test";

    private ListingScenarios() {}

    static List<Group> groups() {
        List<Scenario> s = new ArrayList<>();
        s.add(setup());
        String[][] container = {
            {"plain", ""},
            {"json", "format=json"},
            {"xml", "format=xml"},
            {"format-plain", "format=plain"},
            {"format-bogus", "format=bogus"},
            {"format-upper-case", "format=JSON"},
            {"format-overrides-accept", "format=json", "application/xml"},
            {"accept-json", "", "application/json"},
            {"accept-xml", "", "application/xml"},
            {"accept-text-xml", "", "text/xml"},
            {"accept-text-plain", "", "text/plain"},
            {"accept-any", "", "*/*"},
            {"accept-unknown", "", "image/png"},
            {"accept-quality", "", "application/xml;q=0.5, application/json;q=0.9"},
            {"limit-0", "format=json&limit=0"},
            {"limit-2", "format=json&limit=2"},
            {"limit-10000", "limit=10000"},
            {"limit-10001", "limit=10001"},
            {"limit-negative", "limit=-1"},
            {"limit-text", "limit=abc"},
            {"limit-twice", "limit=1&limit=3"},
            {"marker", "format=json&marker=b/1"},
            {"marker-between-names", "marker=bb"},
            {"marker-past-end", "marker=z"},
            {"end-marker", "end_marker=c"},
            {"marker-and-end-marker", "marker=a&end_marker=c"},
            {"prefix", "prefix=b/"},
            {"prefix-no-match", "prefix=zzz"},
            {"prefix-utf8", "prefix=%C3%BC"},
            {"prefix-invalid-utf8", "prefix=%FF"},
            {"marker-invalid-utf8", "marker=%FF"},
            {"delimiter", "delimiter=/"},
            {"delimiter-json", "format=json&delimiter=/"},
            {"delimiter-xml", "format=xml&delimiter=/"},
            {"prefix-and-delimiter", "format=json&prefix=b/&delimiter=/"},
            {"delimiter-multi-char", "delimiter=ab"},
            {"path", "format=json&path=b"},
            {"path-empty", "path="},
            {"reverse", "format=json&reverse=true"},
            {"reverse-on", "reverse=on"},
            {"reverse-bogus", "reverse=maybe"},
            {"reverse-marker", "reverse=true&marker=c"},
            {"reverse-end-marker", "reverse=true&end_marker=b/1"},
            {"reverse-delimiter", "reverse=true&delimiter=/"},
            {"reverse-limit", "reverse=true&limit=2"},
            {"unknown-parameter", "foo=bar"},
            {"combined", "format=json&limit=1&marker=a&end_marker=d.txt&prefix="},
            // Python 3.9.2's parse_qsl splits on "&" only: the format is "json;limit=1", an unknown one
            {"semicolon-in-format", "format=json;limit=1"},
            {"semicolon-in-prefix", "prefix=b/;format=json"},
        };
        for (String[] c : container) {
            s.add(Scenario.of("listing.ctr." + c[0], listing(C, c)));
        }
        s.add(Scenario.of("listing.ctr.head-json", Req.head(C + "?format=json")));
        s.add(Scenario.of("listing.ctr.head-accept-xml", Req.head(C).h("Accept", "application/xml")));
        s.add(Scenario.of("listing.ctr.empty-plain", Req.get("/v1/AUTH_test/lst-c")));
        s.add(Scenario.of("listing.ctr.empty-json", Req.get("/v1/AUTH_test/lst-c?format=json")));
        s.add(Scenario.of("listing.ctr.empty-xml", Req.get("/v1/AUTH_test/lst-c?format=xml")));
        s.add(Scenario.of("listing.ctr.missing", Req.get("/v1/AUTH_test/lst-missing")));
        s.add(Scenario.of("listing.ctr.missing-json", Req.get("/v1/AUTH_test/lst-missing?format=json")));
        String[][] account = {
            {"plain", ""},
            {"json", "format=json"},
            {"xml", "format=xml"},
            {"accept-json", "", "application/json"},
            {"accept-xml", "", "application/xml"},
            {"format-bogus", "format=bogus"},
            {"semicolon-in-format", "format=xml;limit=1"},
            {"limit-1", "format=json&limit=1"},
            {"limit-10001", "limit=10001"},
            {"marker", "marker=lst-b-x"},
            {"end-marker", "end_marker=lst-b-y"},
            {"prefix", "prefix=lst-b"},
            {"delimiter", "delimiter=-"},
            {"delimiter-json", "format=json&delimiter=-"},
            {"prefix-and-delimiter", "format=xml&prefix=lst-b-&delimiter=-"},
            {"reverse", "reverse=true"},
            {"reverse-json-limit", "format=json&reverse=true&limit=2"},
        };
        for (String[] c : account) {
            s.add(Scenario.of("listing.acct." + c[0], listing(A, c)));
        }
        s.add(Scenario.of("listing.acct.head", Req.head(A)));
        s.add(Scenario.of("listing.acct.head-json", Req.head(A + "?format=json")));
        return List.of(new Group("listing", s));
    }

    private static Req listing(String path, String[] c) {
        Req r = Req.get(c[1].isEmpty() ? path : path + "?" + c[1]);
        if (c.length > 2) {
            r.h("Accept", c[2]);
        }
        return r;
    }

    private static Scenario setup() {
        List<Req> steps = new ArrayList<>(List.of(
                Req.put(C),
                Req.put("/v1/AUTH_test/lst-b-x"),
                Req.put("/v1/AUTH_test/lst-b-y"),
                Req.put("/v1/AUTH_test/lst-c")));
        String[][] objects = {
            {"a", "1", "text/plain"},
            {"b/1", "22", "text/plain"},
            {"b/2", "333", "application/json"},
            {"b/c/3", "4444", "text/plain"},
            {"c", "5", "application/octet-stream"},
            {"d.txt", "66", null},
            {"e%20f", "777", "text/plain; charset=utf-8"},
            {"x%26y%3Cz", "8", "application/xml"},
        };
        for (String[] o : objects) {
            Req put = Req.put(C + "/" + o[0]).body(o[1]);
            if (o[2] != null) {
                put.h("Content-Type", o[2]);
            }
            steps.add(put);
        }
        steps.add(Req.head(C));
        return new Scenario("listing.setup", steps);
    }
}
