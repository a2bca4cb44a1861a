package io.cairn.cli.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Object versioning ({@code versioned_writes} with {@code allow_object_versioning}): enabling and suspending,
 * writes and deletes that keep versions and delete markers, reads and deletes of one version by {@code
 * ?version-id=} (taken from earlier answers: {@code {version:N}} is the N-th version id the group's answers named),
 * restoring a version, {@code ?versions} listings with their markers, prefixes and delimiters, a container written
 * before versioning was enabled, unicode names, another user, links and the refusals.
 *
 * <p>Thread-safety: stateless.
 */
final class VersioningScenarios {
    private static final String A = "/v1/AUTH_test";
    private static final String C = A + "/ver";
    private static final String O = C + "/o";
    private static final String C2 = A + "/ver2";
    /** {@code ünï/☃} percent-encoded. */
    private static final String UNI = "%C3%BCn%C3%AF/%E2%98%83";

    private VersioningScenarios() {}

    private static String md5(String s) {
        return LargeObjectScenarios.md5(s);
    }

    static List<Group> groups() {
        List<Scenario> s = new ArrayList<>();
        versionsOfOneObject(s);
        listingsUsersAndLinks(s);
        containersAndLargeObjects(s);
        return List.of(new Group("versioning", s));
    }

    /** Enabling, writes, reads and deletes of one object's versions, restoring, refusals. */
    private static void versionsOfOneObject(List<Scenario> s) {
        s.add(Scenario.of(
                "versioning.enable",
                Req.put(C).h("X-Versions-Enabled", "true"),
                Req.head(C),
                Req.get(C + "?format=json")));
        // version ids 0 and 1
        s.add(Scenario.of(
                "versioning.put-twice",
                Req.put(O).h("Content-Type", "text/plain").body("one"),
                Req.put(O)
                        .h("Content-Type", "text/plain")
                        .h("X-Object-Meta-Color", "red")
                        .body("two"),
                Req.get(O),
                Req.head(O),
                Req.get(O + "?symlink=get"),
                Req.get(C + "?format=json"),
                Req.get(C),
                Req.get(C + "?format=xml"),
                Req.head(C),
                Req.get(C + "?versions")));
        s.add(Scenario.of(
                "versioning.read-version",
                Req.get(O + "?version-id={version:0}"),
                Req.head(O + "?version-id={version:0}"),
                Req.get(O + "?version-id={version:0}").h("Range", "bytes=1-1"),
                Req.get(O + "?version-id=null"),
                Req.get(O + "?version-id=1234567890.12345")));
        // version id 2: the delete marker
        s.add(Scenario.of(
                "versioning.delete",
                Req.delete(O),
                Req.get(O),
                Req.head(O),
                Req.get(O + "?version-id={version:2}"),
                Req.head(O + "?version-id={version:2}"),
                Req.get(C + "?versions"),
                Req.get(C + "?format=json")));
        s.add(Scenario.of(
                "versioning.restore", Req.put(O + "?version-id={version:0}"), Req.get(O), Req.get(C + "?versions")));
        s.add(Scenario.of(
                "versioning.delete-version",
                Req.delete(O + "?version-id={version:1}"),
                Req.delete(O + "?version-id={version:1}"),
                Req.get(C + "?versions")));
        s.add(Scenario.of(
                "versioning.post",
                Req.post(O).h("X-Object-Meta-Shape", "round"),
                Req.head(O),
                Req.head(O + "?version-id={version:0}"),
                Req.post(O + "?version-id={version:0}").h("X-Object-Meta-Shape", "square")));
        s.add(Scenario.of(
                "versioning.refusals",
                Req.get(O + "?version-id=abc"),
                Req.delete(O + "?version-id=abc"),
                Req.put(O + "?version-id={version:0}").body("x"),
                Req.put(O + "?version-id=1234567890.12345"),
                Req.get(C + "?versions&version_marker=1234567890.12345"),
                Req.get(C + "?versions&marker=o&version_marker=abc"),
                Req.get(C + "?versions&delimiter=1"),
                Req.get(C + "?versions").h("Accept", "text/plain"),
                Req.get(C + "?versions&format=xml"),
                Req.delete(C)));
    }

    /** Unicode names, listing markers, another user, links. */
    private static void listingsUsersAndLinks(List<Scenario> s) {
        // version ids 3 and 4
        s.add(Scenario.of(
                "versioning.unicode",
                Req.put(C + "/" + UNI).body("snow"),
                Req.put(C + "/" + UNI).body("more snow"),
                Req.get(C + "/" + UNI),
                Req.get(C + "?versions&prefix=%C3%BC&delimiter=/"),
                Req.get(C + "?versions&prefix=%C3%BCn%C3%AF/"),
                Req.get(C + "/" + UNI + "?version-id={version:3}")));
        s.add(Scenario.of(
                "versioning.listing-markers",
                Req.get(C + "?versions&limit=1"),
                Req.get(C + "?versions&marker=o"),
                Req.get(C + "?versions&marker=o&version_marker={version:2}"),
                Req.get(C + "?versions&marker=o&version_marker=null"),
                Req.get(C + "?versions&reverse=on"),
                Req.get(C + "?versions&prefix=o"),
                Req.get(C + "?versions&end_marker=p")));
        s.add(Scenario.of(
                "versioning.other-user",
                Req.get(O).as(User.TESTER3),
                Req.get(C + "?versions").as(User.TESTER3),
                Req.post(C).h("X-Container-Read", "test:tester3").h("X-Container-Write", "test:tester3"),
                Req.get(O).as(User.TESTER3),
                Req.get(O + "?version-id={version:0}").as(User.TESTER3),
                Req.get(C + "?versions").as(User.TESTER3),
                Req.put(C + "/t3").as(User.TESTER3).body("by tester3"),
                Req.delete(C + "/t3").as(User.TESTER3),
                Req.get(C + "/t3?version-id=null").as(User.TESTER3)));
        s.add(Scenario.of(
                "versioning.symlink",
                Req.put(C + "/link").h("X-Symlink-Target", "ver/o"),
                Req.get(C + "/link"),
                Req.head(C + "/link?symlink=get"),
                Req.get(C + "?versions&prefix=l")));
    }

    /** A container versioned late, suspended; account listings; an unversioned container; an SLO and a static link. */
    private static void containersAndLargeObjects(List<Scenario> s) {
        s.add(Scenario.of(
                "versioning.unversioned-first",
                Req.put(C2),
                Req.put(C2 + "/p").h("Content-Type", "text/plain").body("old"),
                Req.post(C2).h("X-Versions-Enabled", "yes"),
                Req.head(C2),
                Req.get(C2 + "/p"),
                Req.put(C2 + "/p").body("new"),
                Req.get(C2 + "?versions"),
                Req.get(C2 + "/p?version-id=null")));
        s.add(Scenario.of(
                "versioning.suspend",
                Req.post(C2).h("X-Versions-Enabled", "false"),
                Req.head(C2),
                Req.put(C2 + "/p").body("third"),
                Req.get(C2 + "/p"),
                Req.get(C2 + "?versions"),
                Req.delete(C2 + "/p"),
                Req.get(C2 + "?versions"),
                Req.post(C2).h("X-Versions-Enabled", "true"),
                Req.head(C2)));
        s.add(Scenario.of(
                "versioning.account",
                Req.get(A + "?format=json"),
                Req.get(A + "?format=json&prefix=ver2"),
                Req.get(A + "?format=xml&prefix=ver2"),
                Req.get(A + "?prefix=ver2"),
                Req.head(A)));
        s.add(Scenario.of(
                "versioning.not-versioned",
                Req.put(A + "/plain"),
                Req.put(A + "/plain/x").body("x"),
                Req.get(A + "/plain/x?version-id=1234567890.12345"),
                Req.get(A + "/plain/x?version-id=null"),
                Req.get(A + "/plain?versions"),
                Req.delete(A + "/plain/x?version-id=null")));
        // an SLO manifest and a static link in a versioned container: each write is a version
        String seg1 = "a".repeat(1 << 20);
        String seg2 = "b".repeat(10);
        String manifest = "[{\"path\": \"verseg/s1\", \"etag\": \"" + LargeObjectScenarios.md5(seg1)
                + "\", \"size_bytes\": " + seg1.length() + "}, {\"path\": \"verseg/s2\"}]";
        s.add(Scenario.of(
                "versioning.slo",
                Req.put(A + "/verseg"),
                Req.put(A + "/verseg/s1").body(seg1),
                Req.put(A + "/verseg/s2").body(seg2),
                Req.put(C + "/m?multipart-manifest=put").body(manifest),
                Req.head(C + "/m"),
                Req.get(C + "/m").h("Range", "bytes=1048570-1048579"),
                Req.get(C + "/m?multipart-manifest=get"),
                Req.put(C + "/m").body("small now"),
                Req.get(C + "?versions&prefix=m"),
                Req.put(C + "/st").h("X-Symlink-Target", "ver/m").h("X-Symlink-Target-Etag", md5("small now")),
                Req.get(C + "/st"),
                Req.get(C + "?versions&prefix=st")));
    }
}
