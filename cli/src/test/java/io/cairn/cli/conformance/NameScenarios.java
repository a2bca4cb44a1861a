package io.cairn.cli.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Tricky container and object names: each one created, read back (HEAD, GET), found in a prefix listing and
 * deleted. The table gives each name as the raw path segment sent (percent-encoded as a client would, or raw
 * bytes where the point is the raw bytes) and a stable id.
 *
 * <p>Thread-safety: stateless.
 */
final class NameScenarios {
    private static final String EURO = "%E2%82%AC"; // 3 UTF-8 bytes

    private NameScenarios() {}

    /** A name: its id and the path segment as sent (wire characters). */
    record Name(String id, String segment) {}

    /** Object names, in container {@code names}. */
    static List<Name> objectNames() {
        List<Name> n = new ArrayList<>(common());
        n.addAll(List.of(
                new Name("slash-leading", "/lead"),
                new Name("slash-trailing", "trail/"),
                new Name("slash-double", "a//b"),
                new Name("slash-nested", "dir/sub/file"),
                new Name("dot-segment", "a/./b"),
                new Name("dotdot-segment", "a/../b"),
                new Name("dot-only", "."),
                new Name("dotdot-only", ".."),
                new Name("len-1024", "o".repeat(1024)),
                new Name("len-1025", "o".repeat(1025)),
                new Name("len-1024-utf8", EURO.repeat(341) + "o"),
                new Name("len-1026-utf8-342-chars", EURO.repeat(342)),
                new Name("encoded-slash", "a%2Fb"),
                new Name("tilde", "~user"),
                new Name("backslash", "a%5Cb"),
                new Name("quote-double", "a%22b"),
                new Name("quote-single", "a'b"),
                new Name("control-del", "a%7Fb"),
                new Name("control-newline", "a%0Ab"),
                new Name("bom", "%EF%BB%BFbom"),
                new Name("noncharacter-ffff", "a%EF%BF%BF"),
                new Name("max-codepoint", "a%F4%8F%BF%BF"),
                new Name("invalid-beyond-max", "a%F4%90%80%80"),
                new Name("invalid-surrogate", "a%ED%A0%80"),
                new Name("invalid-truncated", "a%E2%82"),
                new Name("pct-unreserved", "%41%42%43"),
                new Name("pct-lowercase-hex", "caf%c3%a9")));
        return n;
    }

    /** Container names. */
    static List<Name> containerNames() {
        List<Name> n = new ArrayList<>(common());
        n.addAll(List.of(
                new Name("len-256", "c".repeat(256)),
                new Name("len-257", "c".repeat(257)),
                new Name("len-256-utf8", EURO.repeat(85) + "c"),
                new Name("len-258-utf8-86-chars", EURO.repeat(86)),
                new Name("slash-trailing", "trail/"),
                new Name("encoded-slash", "a%2Fb"),
                new Name("dot-only", "."),
                new Name("dotdot-only", ".."),
                new Name("underscore-leading", "_c"),
                new Name("dot-leading", ".c")));
        return n;
    }

    /** Names tried both as object and as container names. */
    private static List<Name> common() {
        return List.of(
                new Name("plain-ascii", "plain"),
                new Name("astral-emoji", "%F0%9F%98%80"),
                new Name("astral-math-fraktur", "%F0%9D%94%98"),
                new Name("zwj-family", "%F0%9F%91%A8%E2%80%8D%F0%9F%91%A9%E2%80%8D%F0%9F%91%A7"),
                new Name("combining-acute", "e%CC%81"),
                new Name("nfc-cafe", "caf%C3%A9"),
                new Name("nfd-cafe", "cafe%CC%81"),
                new Name("rtl-hebrew", "%D7%A9%D7%9C%D7%95%D7%9D"),
                new Name("rtl-arabic", "%D9%85%D8%B1%D8%AD%D8%A8%D8%A7"),
                new Name("rtl-mark", "abc%E2%80%8Fdef"),
                new Name("cjk", "%E6%97%A5%E6%9C%AC%E8%AA%9E"),
                new Name("ideographic-space", "a%E3%80%80b"),
                new Name("raw-utf8-bytes", Req.wire("grüße-😀")),
                new Name("percent-literal", "100%25"),
                new Name("percent-25-literal", "a%2525b"),
                new Name("percent-bare", "a%zz"),
                new Name("plus-raw", "a+b"),
                new Name("plus-encoded", "a%2Bb"),
                new Name("question-encoded", "what%3Fx"),
                new Name("hash-encoded", "a%23b"),
                new Name("semicolon-raw", "a;b"),
                new Name("semicolon-encoded", "a%3Bb"),
                new Name("space-encoded", "a%20b"),
                new Name("space-leading", "%20a"),
                new Name("space-trailing", "a%20"),
                new Name("control-tab", "a%09b"),
                new Name("xml-specials", "a%3Cb%3E%26c"),
                new Name("nul", "a%00b"),
                new Name("invalid-ff", "a%FFb"),
                new Name("invalid-overlong-slash", "a%C0%AFb"));
    }

    static List<Group> groups() {
        return List.of(objectGroup(), containerGroup());
    }

    private static Group objectGroup() {
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(Scenario.of("names.obj.setup", Req.put("/v1/AUTH_test/names")));
        for (Name n : objectNames()) {
            String path = "/v1/AUTH_test/names/" + n.segment();
            String prefix = Texts.queryEncode(Texts.percentDecode(n.segment()));
            scenarios.add(Scenario.of(
                    "names.obj." + n.id(),
                    Req.put(path).h("Content-Type", "text/plain").body("x"),
                    Req.head(path),
                    Req.get(path),
                    Req.get("/v1/AUTH_test/names?format=json&prefix=" + prefix),
                    Req.delete(path)));
        }
        scenarios.add(Scenario.of("names.obj.final-listing", Req.get("/v1/AUTH_test/names?format=json")));
        return new Group("names.obj", scenarios);
    }

    private static Group containerGroup() {
        List<Scenario> scenarios = new ArrayList<>();
        for (Name n : containerNames()) {
            String path = "/v1/AUTH_test/" + n.segment();
            String prefix = Texts.queryEncode(Texts.percentDecode(n.segment()));
            scenarios.add(Scenario.of(
                    "names.ctr." + n.id(),
                    Req.put(path),
                    Req.head(path),
                    Req.get("/v1/AUTH_test?format=json&prefix=" + prefix),
                    Req.delete(path)));
        }
        scenarios.add(Scenario.of("names.ctr.final-listing", Req.get("/v1/AUTH_test?format=json")));
        return new Group("names.ctr", scenarios);
    }
}
