package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary URLs made by Debian's real {@code swift tempurl} (python-swiftclient: sha256 by default, {@code
 * --digest}, {@code --iso8601}, {@code --prefix-based}) for a key set by {@code swift post -m Temp-URL-Key:…}, used
 * without any token against {@code cairn saio}; and browser-style FormPost uploads signed with the same key, posted
 * by curl's {@code -F} (real multipart framing), downloaded back with {@code swift download}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TempUrlCliIT {
    private static final String KEY = "cli-secret";

    private SaioHarness saio;
    private SwiftCli swift;

    @BeforeAll
    void startSaio(@TempDir Path dataDir, @TempDir Path work) throws Exception {
        saio = SaioHarness.start(dataDir, Map.of(), Map.of());
        swift = saio.cli("test:tester", "testing", work);
        Path file = Files.writeString(work.resolve("report.txt"), "quarterly numbers");
        swift.run("upload", "--object-name", "docs/report.txt", "shared", file.toString())
                .requireSuccess("upload");
        swift.run("post", "-m", "Temp-URL-Key:" + KEY).requireSuccess("post key");
    }

    @AfterAll
    void stopSaio() {
        if (saio != null) {
            saio.close();
        }
    }

    @Test
    void shouldServeTheObjectToAnyoneHoldingATempUrlMadeBySwiftTempurl() throws Exception {
        for (String[] flags : new String[][] {{}, {"--digest", "sha1"}, {"--digest", "sha512"}, {"--iso8601"}}) {
            String path = tempurl(flags, "GET", "/v1/AUTH_test/shared/docs/report.txt");
            HttpResponse<byte[]> r = get(path);
            assertThat(r.statusCode()).as("%s", String.join(" ", flags)).isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("quarterly numbers");
            assertThat(r.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"report.txt\"; filename*=UTF-8''report.txt");
        }
    }

    @Test
    void shouldServeEveryObjectUnderAPrefixBasedTempUrlAndNothingElse() throws Exception {
        String path = tempurl(new String[] {"--prefix-based"}, "GET", "/v1/AUTH_test/shared/docs/");
        String query = path.substring(path.indexOf('?'));
        assertThat(get("/v1/AUTH_test/shared/docs/report.txt" + query).statusCode())
                .isEqualTo(200);
        assertThat(get("/v1/AUTH_test/shared/other.txt" + query).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldRefuseATempUrlForAnotherMethodOrAfterTheKeyChanged() throws Exception {
        String put = tempurl(new String[0], "PUT", "/v1/AUTH_test/shared/docs/report.txt");
        HttpResponse<byte[]> r = get(put);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("401 Unauthorized: Temp URL invalid\n");

        String other = run("tempurl", "GET", "60", "/v1/AUTH_test/shared/docs/report.txt", "not-the-key");
        assertThat(get(other).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldStoreTheFilesOfAFormPostedByCurlWithTheTempUrlKey(@TempDir Path files) throws Exception {
        Path unicode = Files.writeString(files.resolve("r\u00e9sum\u00e9 \u00fc.txt"), "mon r\u00e9sum\u00e9\n");
        byte[] random = new byte[5 * 1024 * 1024 + 123];
        new java.util.Random(16).nextBytes(random);
        Path big = Files.write(files.resolve("big.bin"), random);
        String path = "/v1/AUTH_test/shared/forms/";
        long expires = System.currentTimeMillis() / 1000 + 600;
        String signature = formSignature(path, "", 8 << 20, 2, expires);
        String answer = curl(
                "-sS",
                "-w",
                "\n%{http_code}",
                "-F",
                "max_file_size=" + (8 << 20),
                "-F",
                "max_file_count=2",
                "-F",
                "expires=" + expires,
                "-F",
                "signature=" + signature,
                "-F",
                "file1=@" + unicode,
                "-F",
                "file2=@" + big,
                "http://127.0.0.1:" + saio.port() + path);
        assertThat(answer).isEqualTo("201 Created\n201");

        Path back = files.resolve("back");
        swift.run("download", "shared", "forms/r\u00e9sum\u00e9 \u00fc.txt", "forms/big.bin", "-D", back.toString())
                .requireSuccess("download");
        assertThat(Files.readString(back.resolve("forms/r\u00e9sum\u00e9 \u00fc.txt")))
                .isEqualTo("mon r\u00e9sum\u00e9\n");
        assertThat(Files.mismatch(back.resolve("forms/big.bin"), big)).isEqualTo(-1L);
    }

    @Test
    void shouldRedirectAndRefuseFormsAsSwiftDoes(@TempDir Path files) throws Exception {
        Path big = Files.write(files.resolve("too-big.bin"), new byte[2 * 1024 * 1024]);
        Path small = Files.writeString(files.resolve("note.txt"), "n");
        String path = "/v1/AUTH_test/shared/forms/r_";
        long expires = System.currentTimeMillis() / 1000 + 600;
        String redirect = "https://example.com/after";
        String[] limits = {
            "-F",
            "redirect=" + redirect,
            "-F",
            "max_file_size=1048576",
            "-F",
            "max_file_count=1",
            "-F",
            "expires=" + expires,
            "-F",
            "signature=" + formSignature(path, redirect, 1 << 20, 1, expires)
        };
        String url = "http://127.0.0.1:" + saio.port() + path;
        assertThat(curlForm(limits, "file=@" + small, url, "\n%{http_code} %{redirect_url}"))
                .isEqualTo("<html><body><p><a href=\"https://example.com/after?status=201&message=\">Click to"
                        + " continue...</a></p></body></html>\n303 https://example.com/after?status=201&message=");
        // a file over max_file_size: Swift's plain 400 (not a redirect), and nothing stored
        assertThat(curlForm(limits, "file=@" + big, url, "\n%{http_code}"))
                .isEqualTo("FormPost: max_file_size exceeded\n400");
        assertThat(swift.run("stat", "shared", "forms/r_too-big.bin").exitCode())
                .isNotZero();
        assertThat(swift.run("stat", "shared", "forms/r_note.txt").exitCode()).isZero();
        // the key changed: the same form is refused
        swift.run("post", "-m", "Temp-URL-Key:rotated").requireSuccess("rotate key");
        try {
            assertThat(curlForm(limits, "file=@" + small, url, "\n%{http_code}"))
                    .isEqualTo("FormPost: Invalid Signature\n401");
        } finally {
            swift.run("post", "-m", "Temp-URL-Key:" + KEY).requireSuccess("restore key");
        }
    }

    private String curlForm(String[] limits, String file, String url, String format) throws Exception {
        String[] args = new String[limits.length + 7];
        args[0] = "-sS";
        args[1] = "-w";
        args[2] = format;
        System.arraycopy(limits, 0, args, 3, limits.length);
        args[limits.length + 3] = "-F";
        args[limits.length + 4] = file;
        args[limits.length + 5] = url;
        args[limits.length + 6] = "--no-progress-meter";
        return curl(args);
    }

    /** Swift's formpost docs: {@code hmac(key, path\nredirect\nmax_file_size\nmax_file_count\nexpires)}, sha256. */
    private static String formSignature(String path, String redirect, long maxSize, int maxCount, long expires)
            throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String body = path + "\n" + redirect + "\n" + maxSize + "\n" + maxCount + "\n" + expires;
        return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String curl(String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("curl", "--max-time", "60"));
        command.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).as("curl %s", command).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private String tempurl(String[] flags, String method, String path) throws Exception {
        String[] args = new String[flags.length + 5];
        args[0] = "tempurl";
        System.arraycopy(flags, 0, args, 1, flags.length);
        args[flags.length + 1] = method;
        args[flags.length + 2] = "600";
        args[flags.length + 3] = path;
        args[flags.length + 4] = KEY;
        return run(args);
    }

    private String run(String... args) throws Exception {
        return swift.run(args)
                .requireSuccess("swift " + String.join(" ", args))
                .out()
                .strip();
    }

    private HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
        return saio.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + saio.port() + pathAndQuery))
                .GET());
    }
}
