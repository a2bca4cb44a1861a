package io.cairn.cli.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Metadata limits on objects (PUT and POST), containers and accounts (POST): name length 128/129, value length
 * 256/257, count 90/91, overall size 4096/4097, empty names and values, UTF-8 and invalid bytes, removal; each
 * accepted write read back with HEAD.
 *
 * <p>Thread-safety: stateless.
 */
final class MetadataScenarios {
    private MetadataScenarios() {}

    static List<Group> groups() {
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of(
                "meta.setup",
                Req.put("/v1/AUTH_test/meta"),
                Req.put("/v1/AUTH_test/meta/o").h("Content-Type", "text/plain").body("m")));
        String obj = "/v1/AUTH_test/meta/o";
        s.addAll(limits("obj", "Object", obj, true));
        s.addAll(limits("obj-post", "Object", obj, false));
        s.addAll(limits("ctr", "Container", "/v1/AUTH_test/meta", false));
        s.addAll(limits("acct", "Account", "/v1/AUTH_test", false));
        s.add(Scenario.of(
                "meta.obj.underscore-name",
                Req.put(obj).h("X-Object-Meta-Under_Score", "u").body("m"),
                Req.head(obj)));
        s.add(Scenario.of(
                "meta.obj.mixed-case-name",
                Req.put(obj).h("X-Object-Meta-MiXeD-CaSe", "c").body("m"),
                Req.head(obj)));
        s.add(Scenario.of(
                "meta.ctr.put-with-metadata",
                Req.put("/v1/AUTH_test/meta2").h("X-Container-Meta-Color", "blue"),
                Req.head("/v1/AUTH_test/meta2")));
        s.add(Scenario.of(
                "meta.ctr.remove",
                Req.post("/v1/AUTH_test/meta2").h("X-Remove-Container-Meta-Color", "x"),
                Req.head("/v1/AUTH_test/meta2")));
        s.add(Scenario.of(
                "meta.ctr.remove-by-empty-value",
                Req.post("/v1/AUTH_test/meta2").h("X-Container-Meta-Shape", "round"),
                Req.post("/v1/AUTH_test/meta2").h("X-Container-Meta-Shape", ""),
                Req.head("/v1/AUTH_test/meta2")));
        s.add(Scenario.of(
                "meta.acct.remove",
                Req.post("/v1/AUTH_test").h("X-Account-Meta-Gone", "soon"),
                Req.post("/v1/AUTH_test").h("X-Remove-Account-Meta-Gone", "x"),
                Req.head("/v1/AUTH_test")));
        return List.of(new Group("meta", s));
    }

    /**
     * The limit scenarios for one kind: {@code kind} is the id part, {@code type} the header word ({@code
     * Object}, {@code Container}, {@code Account}); {@code put} writes with PUT (a new object each time) instead
     * of POST.
     */
    private static List<Scenario> limits(String kind, String type, String path, boolean put) {
        String p = "X-" + type + "-Meta-";
        List<Scenario> s = new ArrayList<>();
        s.add(accepted(kind, "name-128", path, put, new String[][] {{p + "n".repeat(128), "v"}}));
        s.add(refused(kind, "name-129", path, put, new String[][] {{p + "n".repeat(129), "v"}}));
        s.add(accepted(kind, "value-256", path, put, new String[][] {{p + "V256", "v".repeat(256)}}));
        s.add(refused(kind, "value-257", path, put, new String[][] {{p + "V257", "v".repeat(257)}}));
        s.add(accepted(kind, "count-90", path, put, numbered(p + "C", 90, "c")));
        s.add(refused(kind, "count-91", path, put, numbered(p + "C", 91, "c")));
        // 16 items of a 3-byte name and a 253-byte value: 4096 bytes; one byte more in one value: 4097
        s.add(accepted(kind, "total-4096", path, put, numbered(p + "T", 16, "t".repeat(253))));
        String[][] over = numbered(p + "T", 16, "t".repeat(253));
        over[0][1] = over[0][1] + "t";
        s.add(refused(kind, "total-4097", path, put, over));
        s.add(accepted(kind, "utf8-value", path, put, new String[][] {{p + "Color", Req.wire("grün ☃ 😀")}}));
        s.add(accepted(kind, "invalid-utf8-value", path, put, new String[][] {{p + "Bad", "caf\u00e9\u00ff"}}));
        s.add(refused(kind, "empty-name", path, put, new String[][] {{p, "v"}}));
        s.add(accepted(kind, "empty-value", path, put, new String[][] {{p + "Empty", ""}}));
        return s;
    }

    /** {@code count} names: {@code prefix} and a two-digit number (00, 01, ...), each with {@code value}. */
    private static String[][] numbered(String prefix, int count, String value) {
        String[][] h = new String[count][];
        for (int i = 0; i < count; i++) {
            h[i] = new String[] {prefix + String.format("%02d", i), value};
        }
        return h;
    }

    private static Req write(String path, boolean put, String[][] headers) {
        Req r = put ? Req.put(path).h("Content-Type", "text/plain").body("m") : Req.post(path);
        for (String[] h : headers) {
            r.h(h[0], h[1]);
        }
        return r;
    }

    private static Scenario accepted(String kind, String what, String path, boolean put, String[][] headers) {
        return Scenario.of("meta." + kind + "." + what, write(path, put, headers), Req.head(path));
    }

    private static Scenario refused(String kind, String what, String path, boolean put, String[][] headers) {
        return Scenario.of("meta." + kind + "." + what, write(path, put, headers));
    }
}
