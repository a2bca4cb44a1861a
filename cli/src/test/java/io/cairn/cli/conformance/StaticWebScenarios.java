package io.cairn.cli.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * staticweb in both pipelines: index pages at the root and in pseudo-directories, redirects of directory paths to
 * their {@code /} form, HTML listings (labels, CSS, escaped and non-ASCII names, sizes, the parent row), listings
 * turned off, custom error pages (found and not readable), directory markers, private containers, token holders
 * with and without {@code X-Web-Mode}, HEAD, and names with {@code ../}.
 *
 * <p>Thread-safety: stateless.
 */
final class StaticWebScenarios {
    private static final String A = "/v1/AUTH_test";
    private static final String WEB = A + "/web";
    private static final String LIST = A + "/weblist";

    private StaticWebScenarios() {}

    static List<Group> groups() {
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of(
                "staticweb.setup",
                Req.put(WEB)
                        .h("X-Container-Read", ".r:*,.rlistings")
                        .h("X-Container-Meta-Web-Index", "index.html")
                        .h("X-Container-Meta-Web-Error", "error.html")
                        .h("X-Container-Meta-Web-Listings", "true"),
                Req.put(WEB + "/index.html").h("Content-Type", "text/html").body("<h1>home</h1>"),
                Req.put(WEB + "/sub/index.html").h("Content-Type", "text/html").body("<h1>sub</h1>"),
                Req.put(WEB + "/sub/page.html").h("Content-Type", "text/html").body("page"),
                Req.put(WEB + "/docs/a.txt").h("Content-Type", "text/plain").body("a"),
                Req.put(WEB + "/docs/b%20%C3%BC%20%3Cx%3E%26.txt")
                        .h("Content-Type", "text/plain")
                        .body("bb"),
                Req.put(WEB + "/404error.html").h("Content-Type", "text/html").body("custom not found"),
                Req.put(WEB + "/marker")
                        .h("Content-Type", "application/directory")
                        .body(""),
                Req.put(WEB + "/marker/inside.txt").body("in"),
                Req.put(LIST)
                        .h("X-Container-Read", ".r:*,.rlistings")
                        .h("X-Container-Meta-Web-Listings", "yes")
                        .h("X-Container-Meta-Web-Listings-CSS", "style.css")
                        .h("X-Container-Meta-Web-Listings-Label", "My Site"),
                Req.put(LIST + "/a/b/c.txt").h("Content-Type", "text/plain").body("c"),
                Req.put(LIST + "/big.bin")
                        .h("Content-Type", "Application/Octet-Stream")
                        .body("x".repeat(2560)),
                Req.put(LIST + "/a/d%27quote.txt").body("q"),
                Req.put(A + "/webnolist")
                        .h("X-Container-Read", ".r:*,.rlistings")
                        .h("X-Container-Meta-Web-Index", "missing.html")
                        .h("X-Container-Meta-Web-Listings-CSS", "/abs/style.css"),
                Req.put(A + "/webnolist/dir/x.txt").body("x"),
                Req.put(A + "/webprivate")
                        .h("X-Container-Meta-Web-Index", "index.html")
                        .h("X-Container-Meta-Web-Error", "error.html"),
                Req.put(A + "/webprivate/index.html").body("secret"),
                Req.put(A + "/webprivate/401error.html").body("who are you"),
                Req.put(A + "/webplain").h("X-Container-Read", ".r:*,.rlistings"),
                Req.put(A + "/webplain/o.txt").body("plain")));
        s.add(Scenario.of("staticweb.container-redirect", anon("GET", WEB)));
        s.add(Scenario.of("staticweb.container-index", anon("GET", WEB + "/")));
        s.add(Scenario.of("staticweb.container-index-head", anon("HEAD", WEB + "/")));
        s.add(Scenario.of("staticweb.subdir-redirect", anon("GET", WEB + "/sub")));
        s.add(Scenario.of("staticweb.subdir-index", anon("GET", WEB + "/sub/")));
        s.add(Scenario.of("staticweb.object", anon("GET", WEB + "/sub/page.html")));
        s.add(Scenario.of(
                "staticweb.object-range", anon("GET", WEB + "/sub/page.html").h("Range", "bytes=1-2")));
        s.add(Scenario.of("staticweb.subdir-listing", anon("GET", WEB + "/docs/")));
        s.add(Scenario.of("staticweb.subdir-listing-redirect", anon("GET", WEB + "/docs")));
        s.add(Scenario.of("staticweb.missing-object-error-page", anon("GET", WEB + "/nope.html")));
        s.add(Scenario.of("staticweb.missing-object-error-page-head", anon("HEAD", WEB + "/nope.html")));
        s.add(Scenario.of("staticweb.missing-dir-error-page", anon("GET", WEB + "/nodir/")));
        s.add(Scenario.of("staticweb.directory-marker", anon("GET", WEB + "/marker")));
        s.add(Scenario.of("staticweb.directory-marker-slash", anon("GET", WEB + "/marker/")));
        s.add(Scenario.of("staticweb.dot-dot", anon("GET", WEB + "/docs/../sub/page.html")));
        s.add(Scenario.of("staticweb.dot-dot-escaping", anon("GET", WEB + "/../webprivate/index.html")));
        s.add(Scenario.of("staticweb.listing-root", anon("GET", LIST + "/")));
        s.add(Scenario.of("staticweb.listing-nested", anon("GET", LIST + "/a/")));
        s.add(Scenario.of("staticweb.listing-deeper", anon("GET", LIST + "/a/b/")));
        s.add(Scenario.of("staticweb.listing-missing-prefix", anon("GET", LIST + "/zzz/")));
        s.add(Scenario.of("staticweb.listing-head", anon("HEAD", LIST + "/a/")));
        s.add(Scenario.of("staticweb.listings-off-root", anon("GET", A + "/webnolist/")));
        s.add(Scenario.of("staticweb.listings-off-dir", anon("GET", A + "/webnolist/dir/")));
        s.add(Scenario.of("staticweb.private-container", anon("GET", A + "/webprivate/")));
        s.add(Scenario.of("staticweb.private-object", anon("GET", A + "/webprivate/index.html")));
        s.add(Scenario.of("staticweb.plain-container-anonymous", anon("GET", A + "/webplain")));
        s.add(Scenario.of(
                "staticweb.plain-container-web-mode",
                anon("GET", A + "/webplain").h("X-Web-Mode", "true")));
        s.add(Scenario.of("staticweb.plain-object", anon("GET", A + "/webplain/o.txt")));
        s.add(Scenario.of("staticweb.owner-api", Req.get(WEB), Req.get(WEB + "/")));
        s.add(Scenario.of(
                "staticweb.owner-web-mode",
                Req.get(WEB).h("X-Web-Mode", "true"),
                Req.get(WEB + "/docs/").h("X-Web-Mode", "true")));
        s.add(Scenario.of(
                "staticweb.other-user-web-mode",
                Req.get(WEB + "/docs/").as(User.OTHER).h("X-Web-Mode", "true")));
        s.add(Scenario.of("staticweb.post-untouched", anon("POST", WEB + "/index.html")));
        s.add(Scenario.of("staticweb.missing-container", anon("GET", A + "/nowebhere/")));
        return List.of(new Group("staticweb", s));
    }

    private static Req anon(String method, String target) {
        return Req.of(method, target).as(User.ANON);
    }
}
