package io.cairn.cli.conformance;

import java.io.ByteArrayOutputStream;
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
 * FormPost ({@code formpost} in both pipelines, right after {@code tempurl}): browser-style {@code multipart/form-data}
 * uploads signed as Swift's docs sign them ({@code hmac(key, path\nredirect\nmax_file_size\nmax_file_count\nexpires)},
 * hex or {@code <digest>:<base64>}) with the account's or the container's TempURL key; one and several files, with
 * and without {@code redirect}, prefixes, per-part and form-wide content types, {@code x_delete_after}/{@code
 * x_delete_at}; and what Swift refuses: too many files, a file over {@code max_file_size}, expired or forged
 * signatures, fields that are not integers, no files, a bad first boundary. Forms that are not FormPost's (another
 * content type, no boundary) go on to the proxy. All in {@code AUTH_test2}, keys removed at the end.
 *
 * <p>Thread-safety: stateless.
 */
final class FormPostScenarios {
    private static final String ACCOUNT = "/v1/AUTH_test2";
    private static final String C = ACCOUNT + "/fp";
    private static final long EXPIRES = 4_102_444_800L; // 2100-01-01
    private static final String ACCOUNT_KEY = "fp-account-secret";
    private static final String CONTAINER_KEY = "fp-container-secret";
    private static final String BOUNDARY = "----CairnFormBoundary7MA4YWxkTrZu0gW";

    private FormPostScenarios() {}

    static List<Group> groups() {
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of(
                "formpost.setup",
                Req.put(C).as(User.OTHER),
                Req.post(ACCOUNT).as(User.OTHER).h("X-Account-Meta-Temp-URL-Key", ACCOUNT_KEY),
                Req.post(C).as(User.OTHER).h("X-Container-Meta-Temp-URL-Key-2", CONTAINER_KEY)));
        uploads(s);
        limits(s);
        signatures(s);
        malformed(s);
        s.add(Scenario.of(
                "formpost.browser-origin",
                Req.post(C).as(User.OTHER).h("X-Container-Meta-Access-Control-Allow-Origin", "https://app.example"),
                post(C, new Form(C).sign(ACCOUNT_KEY).file("f", "cors.txt", "text/plain", "c"))
                        .h("Origin", "https://app.example"),
                post(C, new Form(C).sign("not-the-key").file("f", "cors2.txt", "text/plain", "c"))
                        .h("Origin", "https://app.example"),
                post(
                                C,
                                new Form(C)
                                        .redirect("https://app.example/done")
                                        .sign(ACCOUNT_KEY)
                                        .file("f", "cors3.txt", "text/plain", "c"))
                        .h("Origin", "https://app.example"),
                Req.post(C).as(User.OTHER).h("X-Remove-Container-Meta-Access-Control-Allow-Origin", "x")));
        s.add(Scenario.of(
                "formpost.remove-keys",
                Req.post(ACCOUNT).as(User.OTHER).h("X-Remove-Account-Meta-Temp-URL-Key", "x"),
                Req.post(C).as(User.OTHER).h("X-Remove-Container-Meta-Temp-URL-Key-2", "x"),
                post(C, new Form(C).sign(ACCOUNT_KEY).file("file", "gone.txt", "text/plain", "x"))));
        return List.of(new Group("formpost", s));
    }

    private static void uploads(List<Scenario> s) {
        s.add(Scenario.of(
                "formpost.one-file",
                post(C, new Form(C).sign(ACCOUNT_KEY).file("file1", "one.txt", "text/plain", "first file\n")),
                Req.get(C + "/one.txt").as(User.OTHER)));
        s.add(Scenario.of(
                "formpost.redirect",
                post(
                        C,
                        new Form(C)
                                .redirect("https://example.com/done?x=1")
                                .sign(ACCOUNT_KEY)
                                .file("file1", "redirected.txt", "text/plain", "r")),
                Req.head(C + "/redirected.txt").as(User.OTHER)));
        s.add(Scenario.of(
                "formpost.redirect-plain",
                post(
                        C,
                        new Form(C)
                                .redirect("https://example.com/done")
                                .sign(ACCOUNT_KEY)
                                .file("file1", "redirected2.txt", "text/plain", "r2"))));
        s.add(Scenario.of(
                "formpost.several-files",
                post(
                        C,
                        new Form(C)
                                .maxFileCount(3)
                                .sign(ACCOUNT_KEY)
                                .file("a", "s1.bin", "application/octet-stream", "one")
                                .file("b", "s2.html", "text/html", "<p>two</p>")
                                .file("c", "s3", null, "three")),
                Req.get(C + "/s1.bin").as(User.OTHER),
                Req.get(C + "/s2.html").as(User.OTHER),
                Req.get(C + "/s3").as(User.OTHER)));
        String prefixed = C + "/up_";
        s.add(Scenario.of(
                "formpost.prefix",
                post(prefixed, new Form(prefixed).sign(ACCOUNT_KEY).file("f", "a.txt", "text/plain", "p")),
                Req.get(C + "/up_a.txt").as(User.OTHER)));
        String dir = C + "/dir/";
        s.add(Scenario.of(
                "formpost.prefix-dir-unicode-name",
                post(dir, new Form(dir).sign(ACCOUNT_KEY).file("f", "naïve ü.txt", "text/plain", "ü")),
                Req.get(C + "/dir/na%C3%AFve%20%C3%BC.txt").as(User.OTHER)));
        s.add(Scenario.of(
                "formpost.form-content-type",
                post(
                        C,
                        new Form(C)
                                .field("content-type", "text/x-form")
                                .sign(ACCOUNT_KEY)
                                .file("f", "typed.txt", "text/plain", "t")),
                Req.head(C + "/typed.txt").as(User.OTHER)));
        s.add(Scenario.of(
                "formpost.container-key",
                post(C, new Form(C).sign(CONTAINER_KEY).file("f", "ckey.txt", "text/plain", "c")),
                Req.head(C + "/ckey.txt").as(User.OTHER)));
        s.add(Scenario.of(
                "formpost.x-delete-after",
                post(
                        C,
                        new Form(C)
                                .field("x_delete_after", "3600")
                                .sign(ACCOUNT_KEY)
                                .file("f", "expiring.txt", "text/plain", "e")),
                Req.head(C + "/expiring.txt").as(User.OTHER).volatileHeader("X-Delete-At")));
        s.add(Scenario.of(
                "formpost.x-delete-at",
                post(
                        C,
                        new Form(C)
                                .field("x_delete_at", "4102444000")
                                .sign(ACCOUNT_KEY)
                                .file("f", "expiring2.txt", "text/plain", "e")),
                Req.head(C + "/expiring2.txt").as(User.OTHER)));
        s.add(Scenario.of(
                "formpost.empty-filename-is-a-field",
                post(
                        C,
                        new Form(C)
                                .sign(ACCOUNT_KEY)
                                .file("f", "", "text/plain", "ignored")
                                .file("g", "named.txt", "text/plain", "n")),
                Req.head(C + "/named.txt").as(User.OTHER)));
        s.add(Scenario.of(
                "formpost.missing-container",
                post(
                        ACCOUNT + "/nosuch",
                        new Form(ACCOUNT + "/nosuch").sign(ACCOUNT_KEY).file("f", "x.txt", "text/plain", "x"))));
    }

    private static void limits(List<Scenario> s) {
        s.add(Scenario.of(
                "formpost.max-file-count-exceeded",
                post(
                        C,
                        new Form(C)
                                .maxFileCount(1)
                                .sign(ACCOUNT_KEY)
                                .file("a", "count1.txt", "text/plain", "1")
                                .file("b", "count2.txt", "text/plain", "2")),
                Req.head(C + "/count1.txt").as(User.OTHER),
                Req.head(C + "/count2.txt").as(User.OTHER)));
        s.add(Scenario.of(
                "formpost.max-file-count-exceeded-redirect",
                post(
                        C,
                        new Form(C)
                                .redirect("https://example.com/r")
                                .maxFileCount(1)
                                .sign(ACCOUNT_KEY)
                                .file("a", "rcount1.txt", "text/plain", "1")
                                .file("b", "rcount2.txt", "text/plain", "2"))));
        s.add(Scenario.of(
                "formpost.max-file-size-exceeded",
                post(
                        C,
                        new Form(C)
                                .maxFileSize(10)
                                .sign(ACCOUNT_KEY)
                                .file("a", "small.txt", "text/plain", "0123456789")
                                .file("b", "big.txt", "text/plain", "0123456789X")),
                Req.head(C + "/small.txt").as(User.OTHER),
                Req.head(C + "/big.txt").as(User.OTHER)));
        s.add(Scenario.of(
                "formpost.max-file-size-exceeded-redirect",
                post(
                        C,
                        new Form(C)
                                .redirect("https://example.com/r")
                                .maxFileSize(3)
                                .sign(ACCOUNT_KEY)
                                .file("a", "big2.txt", "text/plain", "0123456789")),
                Req.head(C + "/big2.txt").as(User.OTHER)));
        s.add(Scenario.of(
                "formpost.max-file-size-not-integer",
                post(C, new Form(C).rawLimits("ten", "1").sign(ACCOUNT_KEY).file("a", "nan.txt", "text/plain", "x"))));
        s.add(Scenario.of(
                "formpost.max-file-count-not-integer",
                post(C, new Form(C).rawLimits("10", "one").sign(ACCOUNT_KEY).file("a", "nan.txt", "text/plain", "x"))));
        s.add(Scenario.of(
                "formpost.x-delete-at-not-integer",
                post(
                        C,
                        new Form(C)
                                .field("x_delete_at", "tomorrow")
                                .sign(ACCOUNT_KEY)
                                .file("a", "nan.txt", "text/plain", "x"))));
        s.add(Scenario.of(
                "formpost.x-delete-after-not-integer",
                post(
                        C,
                        new Form(C)
                                .field("x_delete_after", "1.5")
                                .sign(ACCOUNT_KEY)
                                .file("a", "nan.txt", "text/plain", "x"))));
        s.add(Scenario.of(
                "formpost.x-delete-at-past",
                post(
                        C,
                        new Form(C)
                                .field("x_delete_at", "1000000000")
                                .sign(ACCOUNT_KEY)
                                .file("a", "past.txt", "text/plain", "x")),
                Req.head(C + "/past.txt").as(User.OTHER)));
        s.add(Scenario.of(
                "formpost.no-files", post(C, new Form(C).sign(ACCOUNT_KEY).field("note", "just a field"))));
    }

    private static void signatures(List<Scenario> s) {
        s.add(Scenario.of(
                "formpost.sha1-hex",
                post(C, new Form(C).sign(ACCOUNT_KEY, "sha1", false).file("f", "sha1.txt", "text/plain", "1"))));
        s.add(Scenario.of(
                "formpost.sha512-base64",
                post(C, new Form(C).sign(ACCOUNT_KEY, "sha512", true).file("f", "sha512.txt", "text/plain", "5"))));
        s.add(Scenario.of(
                "formpost.wrong-key",
                post(C, new Form(C).sign("not-the-key").file("f", "forged.txt", "text/plain", "x")),
                Req.head(C + "/forged.txt").as(User.OTHER)));
        s.add(Scenario.of(
                "formpost.signature-over-other-path",
                post(C, new Form(ACCOUNT + "/other").sign(ACCOUNT_KEY).file("f", "forged2.txt", "text/plain", "x"))));
        s.add(Scenario.of(
                "formpost.expired",
                post(C, new Form(C).expires(1_000_000_000L).sign(ACCOUNT_KEY).file("f", "old.txt", "text/plain", "x")),
                Req.head(C + "/old.txt").as(User.OTHER)));
        s.add(Scenario.of(
                "formpost.expires-not-integer",
                post(C, new Form(C).rawExpires("soon").sign(ACCOUNT_KEY).file("f", "x.txt", "text/plain", "x"))));
        s.add(Scenario.of("formpost.no-signature", post(C, new Form(C).file("f", "unsigned.txt", "text/plain", "x"))));
        s.add(Scenario.of(
                "formpost.unsupported-digest",
                post(
                        C,
                        new Form(C)
                                .signature("md5:" + Base64.getEncoder().encodeToString(new byte[16]))
                                .file("f", "md5.txt", "text/plain", "x"))));
        s.add(Scenario.of(
                "formpost.account-path",
                post(ACCOUNT, new Form(ACCOUNT).sign(ACCOUNT_KEY).file("f", "acct.txt", "text/plain", "x"))));
    }

    private static void malformed(List<Scenario> s) {
        byte[] body = new Form(C)
                .sign(ACCOUNT_KEY)
                .file("f", "plain.txt", "text/plain", "x")
                .bytes();
        s.add(Scenario.of(
                "formpost.not-multipart",
                Req.post(C).as(User.ANON).h("Content-Type", "text/plain").body(body)));
        s.add(Scenario.of(
                "formpost.missing-boundary",
                Req.post(C)
                        .as(User.ANON)
                        .h("Content-Type", "multipart/form-data")
                        .body(body)));
        s.add(Scenario.of(
                "formpost.wrong-boundary",
                Req.post(C)
                        .as(User.ANON)
                        .h("Content-Type", "multipart/form-data; boundary=other")
                        .body(body)));
        s.add(Scenario.of(
                "formpost.boundary-line-too-long",
                Req.post(C)
                        .as(User.ANON)
                        .h("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                        .body(("--" + BOUNDARY + "-and-more\r\n").getBytes(StandardCharsets.UTF_8))));
        s.add(Scenario.of(
                "formpost.empty-body",
                Req.post(C).as(User.ANON).h("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)));
        s.add(Scenario.of(
                "formpost.quoted-boundary-and-preamble-blank-lines",
                Req.post(C)
                        .as(User.ANON)
                        .h("Content-Type", "multipart/form-data; boundary=\"" + BOUNDARY + "\"")
                        .body(concat(
                                "\r\n\r\n".getBytes(StandardCharsets.UTF_8),
                                new Form(C)
                                        .sign(ACCOUNT_KEY)
                                        .file("f", "quoted.txt", "text/plain", "q")
                                        .bytes()))));
        byte[] whole = new Form(C)
                .sign(ACCOUNT_KEY)
                .file("f", "cut.txt", "text/plain", "cut short")
                .bytes();
        String end = "\r\n--" + BOUNDARY + "--\r\n";
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - end.length() - 3);
        s.add(Scenario.of(
                "formpost.truncated-form",
                Req.post(C)
                        .as(User.ANON)
                        .h("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                        .body(cut),
                Req.head(C + "/cut.txt").as(User.OTHER)));
        s.add(Scenario.of(
                "formpost.fields-after-file-ignored",
                post(
                        C,
                        new Form(C)
                                .sign(ACCOUNT_KEY)
                                .file("f", "before.txt", null, "b")
                                .field("content-type", "text/x-late")),
                Req.head(C + "/before.txt").as(User.OTHER)));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** An anonymous form POST to {@code path}. */
    private static Req post(String path, Form form) {
        return Req.post(path)
                .as(User.ANON)
                .h("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .body(form.bytes());
    }

    /** A form as a browser sends it: hidden fields first, then the files. */
    private static final class Form {
        private final String signedPath;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private String redirect = "";
        private String maxFileSize = "1048576";
        private String maxFileCount = "10";
        private String expires = Long.toString(EXPIRES);
        private boolean limitsWritten;

        /** @param signedPath the path the signature covers (percent-decoded, as Swift's {@code PATH_INFO}) */
        Form(String signedPath) {
            this.signedPath = signedPath;
        }

        Form redirect(String url) {
            this.redirect = url;
            return this;
        }

        Form maxFileSize(long n) {
            this.maxFileSize = Long.toString(n);
            return this;
        }

        Form maxFileCount(int n) {
            this.maxFileCount = Integer.toString(n);
            return this;
        }

        Form rawLimits(String size, String count) {
            this.maxFileSize = size;
            this.maxFileCount = count;
            return this;
        }

        Form expires(long at) {
            this.expires = Long.toString(at);
            return this;
        }

        Form rawExpires(String at) {
            this.expires = at;
            return this;
        }

        Form sign(String key) {
            return sign(key, "sha256", false);
        }

        /** The limits and Swift's documented signature of them, {@code <digest>:<base64>} when {@code base64}. */
        Form sign(String key, String digest, boolean base64) {
            String hex = hmac(
                    key,
                    signedPath + "\n" + redirect + "\n" + maxFileSize + "\n" + maxFileCount + "\n" + expires,
                    digest);
            return signature(
                    base64
                            ? digest + ":"
                                    + Base64.getEncoder()
                                            .encodeToString(HexFormat.of().parseHex(hex))
                            : hex);
        }

        /** The limits and {@code signature} as given. */
        Form signature(String signature) {
            writeLimits();
            return field("signature", signature);
        }

        private void writeLimits() {
            if (limitsWritten) {
                return;
            }
            limitsWritten = true;
            if (!redirect.isEmpty()) {
                field("redirect", redirect);
            }
            field("max_file_size", maxFileSize);
            field("max_file_count", maxFileCount);
            field("expires", expires);
        }

        Form field(String name, String value) {
            write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n");
            return this;
        }

        Form file(String name, String filename, @Nullable String type, String content) {
            writeLimits();
            write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + filename + "\"\r\n" + (type == null ? "" : "Content-Type: " + type + "\r\n") + "\r\n"
                    + content + "\r\n");
            return this;
        }

        byte[] bytes() {
            writeLimits();
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            byte[] parts = out.toByteArray();
            b.write(parts, 0, parts.length);
            byte[] end = ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
            b.write(end, 0, end.length);
            return b.toByteArray();
        }

        private void write(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.write(b, 0, b.length);
        }

        private static String hmac(String key, String message, String digest) {
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
}
