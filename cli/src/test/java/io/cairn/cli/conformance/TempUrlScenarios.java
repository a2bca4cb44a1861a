package io.cairn.cli.conformance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * TempURL ({@code tempurl} in both pipelines): signatures made as Swift's {@code get_hmac} makes them (hex of each
 * digest, {@code <alg>:<base64>} standard and URL-safe), account and container keys, HEAD on a GET or PUT
 * signature, prefixes, IP ranges, ISO 8601 expiry, {@code filename}/{@code inline}, the outgoing header lists,
 * PUT and DELETE by temporary URL, and what Swift refuses (expired, wrong key, wrong method, container paths,
 * unsupported digests, manifests by temporary URL). All in {@code AUTH_test2}, keys removed at the end.
 *
 * <p>Thread-safety: stateless.
 */
final class TempUrlScenarios {
    private static final String ACCOUNT = "/v1/AUTH_test2";
    private static final String C = ACCOUNT + "/tu";
    private static final long EXPIRES = 4_102_444_800L; // 2100-01-01
    private static final String ACCOUNT_KEY = "account-secret";
    private static final String CONTAINER_KEY = "container-secret";

    private TempUrlScenarios() {}

    static List<Group> groups() {
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of(
                "tempurl.setup",
                Req.put(C).as(User.OTHER),
                Req.put(C + "/o")
                        .as(User.OTHER)
                        .h("Content-Type", "text/plain")
                        .h("X-Object-Meta-Private", "p")
                        .h("X-Object-Meta-Public-Shown", "s")
                        .body("temporary"),
                Req.put(C + "/dir/%C3%BC.txt").as(User.OTHER).body("unicode"),
                Req.put(C + "/disposed")
                        .as(User.OTHER)
                        .h("Content-Disposition", "inline")
                        .body("d"),
                Req.post(ACCOUNT).as(User.OTHER).h("X-Account-Meta-Temp-URL-Key", ACCOUNT_KEY),
                Req.post(C).as(User.OTHER).h("X-Container-Meta-Temp-URL-Key-2", CONTAINER_KEY)));
        String o = C + "/o";
        s.add(Scenario.of("tempurl.get-sha1-account-key", anon("GET", o, sig("GET", o, ACCOUNT_KEY, "sha1"))));
        s.add(Scenario.of("tempurl.get-sha256-container-key", anon("GET", o, sig("GET", o, CONTAINER_KEY, "sha256"))));
        s.add(Scenario.of("tempurl.get-sha512-base64", anon("GET", o, b64("GET", o, ACCOUNT_KEY, "sha512", false))));
        s.add(Scenario.of(
                "tempurl.get-sha256-urlsafe-base64", anon("GET", o, b64("GET", o, ACCOUNT_KEY, "sha256", true))));
        s.add(Scenario.of("tempurl.head-on-get-signature", anon("HEAD", o, sig("GET", o, ACCOUNT_KEY, "sha256"))));
        s.add(Scenario.of("tempurl.head-on-put-signature", anon("HEAD", o, sig("PUT", o, ACCOUNT_KEY, "sha256"))));
        s.add(Scenario.of("tempurl.wrong-key", anon("GET", o, sig("GET", o, "nope", "sha256"))));
        s.add(Scenario.of("tempurl.wrong-method", anon("GET", o, sig("POST", o, ACCOUNT_KEY, "sha256"))));
        s.add(Scenario.of("tempurl.head-wrong-key", anon("HEAD", o, sig("GET", o, "nope", "sha256"))));
        s.add(Scenario.of(
                "tempurl.expired",
                Req.get(o + "?temp_url_sig=" + hmac("GET", o, 1_000_000_000L, ACCOUNT_KEY, "sha256", null)
                                + "&temp_url_expires=1000000000")
                        .as(User.ANON)));
        s.add(Scenario.of(
                "tempurl.sig-without-expires",
                Req.get(o + "?temp_url_sig=" + sig("GET", o, ACCOUNT_KEY, "sha256"))
                        .as(User.ANON)));
        s.add(Scenario.of(
                "tempurl.expires-without-sig",
                Req.get(o + "?temp_url_expires=" + EXPIRES).as(User.ANON)));
        s.add(Scenario.of("tempurl.bad-hex-length", anon("GET", o, "abcdef")));
        s.add(Scenario.of(
                "tempurl.unsupported-digest",
                anon("GET", o, "md5:" + Base64.getEncoder().encodeToString(new byte[16]))));
        s.add(Scenario.of("tempurl.container-path", anon("GET", C, sig("GET", C, ACCOUNT_KEY, "sha256"))));
        s.add(Scenario.of(
                "tempurl.iso8601-expiry",
                Req.get(o + "?temp_url_sig=" + hmac("GET", o, EXPIRES, ACCOUNT_KEY, "sha256", null)
                                + "&temp_url_expires=2100-01-01T00:00:00Z")
                        .as(User.ANON)));
        s.add(Scenario.of(
                "tempurl.filename",
                Req.get(url(o, sig("GET", o, ACCOUNT_KEY, "sha256")) + "&filename=my%20file%C3%BC.txt")
                        .as(User.ANON)));
        s.add(Scenario.of(
                "tempurl.inline",
                Req.get(url(o, sig("GET", o, ACCOUNT_KEY, "sha256")) + "&inline")
                        .as(User.ANON)));
        s.add(Scenario.of(
                "tempurl.inline-filename",
                Req.get(url(o, sig("GET", o, ACCOUNT_KEY, "sha256")) + "&inline&filename=a.txt")
                        .as(User.ANON)));
        String disposed = C + "/disposed";
        s.add(Scenario.of(
                "tempurl.stored-disposition", anon("GET", disposed, sig("GET", disposed, ACCOUNT_KEY, "sha256"))));
        String u = C + "/dir/%C3%BC.txt";
        s.add(Scenario.of("tempurl.unicode-name", anon("GET", u, sig("GET", C + "/dir/ü.txt", ACCOUNT_KEY, "sha256"))));
        prefixesAndRanges(s, o, u);
        writes(s);
        s.add(Scenario.of(
                "tempurl.remove-keys",
                Req.post(ACCOUNT).as(User.OTHER).h("X-Remove-Account-Meta-Temp-URL-Key", "x"),
                Req.post(C).as(User.OTHER).h("X-Remove-Container-Meta-Temp-URL-Key-2", "x"),
                anon("GET", o, sig("GET", o, ACCOUNT_KEY, "sha256"))));
        return List.of(new Group("tempurl", s));
    }

    private static void prefixesAndRanges(List<Scenario> s, String o, String u) {
        String prefixSig = hmacOver("GET", "prefix:" + C + "/dir/", EXPIRES, ACCOUNT_KEY, "sha256", null);
        s.add(Scenario.of(
                "tempurl.prefix",
                Req.get(u + "?temp_url_sig=" + prefixSig + "&temp_url_expires=" + EXPIRES + "&temp_url_prefix=dir/")
                        .as(User.ANON)));
        s.add(Scenario.of(
                "tempurl.prefix-outside",
                Req.get(o + "?temp_url_sig=" + prefixSig + "&temp_url_expires=" + EXPIRES + "&temp_url_prefix=dir/")
                        .as(User.ANON)));
        String inRange = hmac("GET", o, EXPIRES, ACCOUNT_KEY, "sha256", "127.0.0.0/8");
        s.add(Scenario.of(
                "tempurl.ip-range",
                Req.get(url(o, inRange) + "&temp_url_ip_range=127.0.0.0/8").as(User.ANON)));
        String outOfRange = hmac("GET", o, EXPIRES, ACCOUNT_KEY, "sha256", "10.0.0.0/8");
        s.add(Scenario.of(
                "tempurl.ip-range-outside",
                Req.get(url(o, outOfRange) + "&temp_url_ip_range=10.0.0.0/8").as(User.ANON)));
        s.add(Scenario.of(
                "tempurl.ip-range-not-signed",
                Req.get(url(o, sig("GET", o, ACCOUNT_KEY, "sha256")) + "&temp_url_ip_range=127.0.0.1")
                        .as(User.ANON)));
    }

    private static void writes(List<Scenario> s) {
        String w = C + "/written";
        s.add(Scenario.of(
                "tempurl.put",
                anon("PUT", w, sig("PUT", w, CONTAINER_KEY, "sha256"))
                        .h("X-Object-Meta-Via", "tempurl")
                        .body("new"),
                Req.get(w).as(User.OTHER)));
        s.add(Scenario.of(
                "tempurl.put-manifest-refused",
                anon("PUT", w, sig("PUT", w, CONTAINER_KEY, "sha256"))
                        .h("X-Object-Manifest", "tu/seg")
                        .body("")));
        s.add(Scenario.of(
                "tempurl.put-copy-from-refused",
                anon("PUT", w, sig("PUT", w, CONTAINER_KEY, "sha256"))
                        .h("X-Copy-From", "tu/o")
                        .body("")));
        s.add(Scenario.of(
                "tempurl.put-on-get-signature",
                anon("PUT", w, sig("GET", w, CONTAINER_KEY, "sha256")).body("x")));
        s.add(Scenario.of(
                "tempurl.delete",
                anon("DELETE", w, sig("DELETE", w, CONTAINER_KEY, "sha256")),
                Req.head(w).as(User.OTHER)));
    }

    private static Req anon(String method, String path, String signature) {
        return Req.of(method, url(path, signature)).as(User.ANON);
    }

    private static String url(String path, String signature) {
        return path + "?temp_url_sig=" + signature + "&temp_url_expires=" + EXPIRES;
    }

    private static String sig(String method, String path, String key, String digest) {
        return hmac(method, path, EXPIRES, key, digest, null);
    }

    private static String b64(String method, String path, String key, String digest, boolean urlSafe) {
        byte[] raw = HexFormat.of().parseHex(sig(method, path, key, digest));
        String b = urlSafe
                ? Base64.getUrlEncoder().withoutPadding().encodeToString(raw)
                : Base64.getEncoder()
                        .encodeToString(raw)
                        .replace("+", "%2B")
                        .replace("/", "%2F")
                        .replace("=", "%3D");
        return digest + ":" + b;
    }

    private static String hmac(
            String method, String path, long expires, String key, String digest, @Nullable String ip) {
        return hmacOver(method, path, expires, key, digest, ip);
    }

    /** Swift's {@code get_hmac}: {@code [ip=<range>\n]<method>\n<expires>\n<path>} under {@code key}, hex. */
    private static String hmacOver(
            String method, String path, long expires, String key, String digest, @Nullable String ip) {
        String message = (ip == null ? "" : "ip=" + ip + "\n") + method + "\n" + expires + "\n" + path;
        String jca = "Hmac" + digest.toUpperCase(Locale.ROOT);
        try {
            Mac mac = Mac.getInstance(jca);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), jca));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
