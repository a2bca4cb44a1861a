package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenStack Swift 2.30.1's own functional tests ({@code test/functional}, vendored unmodified in
 * {@code src/test/swift-functional}, Apache-2.0) run by Debian's pytest against a {@code cairn saio} cluster: the
 * core API, ACLs, large objects, symlinks, versioning (object and legacy), TempURL, staticweb, domain_remap and the
 * S3 API (its {@code s3api} tests, boto3 and boto, SigV2 and SigV4) as Swift's developers test them against Swift
 * itself.
 *
 * <p>Deselected:
 *
 * <ul>
 *   <li>{@code testMetadataNumberLimit} (both variants) stores 80 metadata items, 8.9 KB of pickled xattrs — more
 *       than an ext4 inode holds (Swift's own object server fails it there too with 507); it passes on XFS and
 *       tmpfs, as Swift's SAIO docs use;
 *   <li>S3 bucket versioning and the part copies that name a version: not built yet (issue 17; Cairn answers 501
 *       NotImplemented, as s3api without object versioning);
 *   <li>three XXE tests post a malformed XML body under a signature that does not match: s3api parses the body
 *       before it checks the signature (which it does on its first request to Swift) and answers 400; Cairn
 *       checks the signature before it reads any body and answers 403 (SignatureDoesNotMatch); neither reads the
 *       entity;
 *   <li>two metadata tests (each in SigV2 and SigV4) send header names Netty's HTTP decoder refuses with a 400
 *       ({@code x-amz-meta-"} and other non-token characters) or keeps apart from their dashed twin ({@code
 *       X-Amz-Meta-Foo_Bar} beside {@code -Foo-Bar}), where Swift's eventlet server takes the request: header-name
 *       handling below the S3 layer, not matched yet.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SwiftFunctionalIT {
    private static final Path SUITE = Path.of("src/test/swift-functional").toAbsolutePath();
    private static final List<String> FILES = List.of(
            "test/functional/tests.py",
            "test/functional/test_account.py",
            "test/functional/test_container.py",
            "test/functional/test_object.py",
            "test/functional/test_access_control.py",
            "test/functional/test_dlo.py",
            "test/functional/test_slo.py",
            "test/functional/test_symlink.py",
            "test/functional/test_object_versioning.py",
            "test/functional/test_versioned_writes.py",
            "test/functional/test_tempurl.py",
            "test/functional/test_staticweb.py",
            "test/functional/test_domain_remap.py",
            "test/functional/s3api");
    private static final List<String> DESELECTED = List.of(
            "test/functional/tests.py::TestFile::testMetadataNumberLimit",
            "test/functional/tests.py::TestFileUTF8::testMetadataNumberLimit",
            "test/functional/s3api/test_versioning.py",
            "test/functional/s3api/test_multi_upload.py::TestS3ApiMultiUpload::test_object_multi_upload_part_copy_version",
            "test/functional/s3api/test_multi_upload.py::TestS3ApiMultiUploadSigV4"
                    + "::test_object_multi_upload_part_copy_version",
            "test/functional/s3api/test_xxe_injection.py::TestS3ApiXxeInjection::test_create_bucket",
            "test/functional/s3api/test_xxe_injection.py::TestS3ApiXxeInjection::test_delete_objects",
            "test/functional/s3api/test_xxe_injection.py::TestS3ApiXxeInjection::test_put_bucket_versioning",
            "test/functional/s3api/test_object.py::TestS3ApiObject::test_put_object_underscore_in_metadata",
            "test/functional/s3api/test_object.py::TestS3ApiObject::test_put_object_weird_metadata",
            "test/functional/s3api/test_object.py::TestS3ApiObjectSigV4::test_put_object_underscore_in_metadata",
            "test/functional/s3api/test_object.py::TestS3ApiObjectSigV4::test_put_object_weird_metadata");
    private static final Pattern COUNT = Pattern.compile("(\\d+) (passed|failed|skipped|error|errors)");

    private SaioHarness saio;

    @BeforeAll
    void startSaio(@TempDir Path data) throws Exception {
        // testFileSizeLimit opens PUTs of max_file_size (5 GiB) that never send their body: with fallocate on, each
        // replica reserves 5 GiB at once and four such PUTs need ~60 GB free, or the next tests' PUTs get 507s (then
        // 503s from the error-limited nodes), as Swift's own object server would: one fresh-clone run hit it
        saio = SaioHarness.startWithDaemons(
                data, Map.of(), NodeDaemons.none(), Map.of("app:object-server", Map.of("disable_fallocate", "true")));
    }

    @AfterAll
    void stopSaio() {
        if (saio != null) {
            saio.close();
        }
    }

    /**
     * Longer than the suite-wide 300 s: Swift's suite ran past 300 s (95 % done) on a 2-core box busy with other
     * builds. The process wait below stays inside it, so a hang still fails with the suite's output.
     */
    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void swiftsOwnFunctionalTestsPassAgainstCairn(@TempDir Path work) throws Exception {
        Path conf = Files.writeString(work.resolve("test.conf"), testConf(saio.authUrl()), StandardCharsets.UTF_8);
        Path log = Files.createDirectories(Path.of("target")).resolve("swift-functional.log");
        List<String> command = new ArrayList<>(List.of(
                "/usr/bin/python3",
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "-rfE",
                "--junitxml=" + Path.of("target/swift-functional.xml").toAbsolutePath()));
        for (String d : DESELECTED) {
            command.add("--deselect");
            command.add(d);
        }
        command.addAll(FILES);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(SUITE.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("SWIFT_TEST_CONFIG_FILE", conf.toString());
        Process p = pb.start();
        boolean done;
        try {
            done = p.waitFor(19, TimeUnit.MINUTES);
        } finally {
            // also when JUnit's timeout interrupts the wait: a pytest left running outlived the build once
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        String summary = summaryLine(out);
        assertThat(done).as("pytest finished (log: %s)", log.toAbsolutePath()).isTrue();
        assertThat(p.exitValue())
                .as("pytest exit status; summary %s; failures:%n%s", summary, failures(out))
                .isZero();
        assertThat(count(summary, "passed")).as(summary).isGreaterThan(900);
        // a feature missing from /info makes its tests skip, not fail: keep the skips to those that need
        // Keystone (v3 auth, keystoneclient), which a tempauth SAIO cannot run, and s3api's with s3_acl on
        assertThat(count(summary, "skipped")).as(summary).isLessThanOrEqualTo(30);
    }

    private static String testConf(String authUrl) {
        return "[func_test]\nauth_uri = " + authUrl + "\n"
                + "account = test\nusername = tester\npassword = testing\n"
                + "s3_access_key = test:tester\ns3_secret_key = testing\n"
                + "s3_access_key2 = test:tester2\ns3_secret_key2 = testing2\n"
                + "s3_access_key3 = test:tester3\ns3_secret_key3 = testing3\n"
                + "account2 = test2\nusername2 = tester2\npassword2 = testing2\n"
                + "username3 = tester3\npassword3 = testing3\n"
                + "collate = C\ninsecure = no\n"
                + "storage_domain = example.net\n\n"
                + "[unit_test]\nfake_syslog = False\n\n[probe_test]\n\n[swift-constraints]\n";
    }

    private static String summaryLine(String out) {
        String[] lines = out.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }

    private static int count(String summary, String what) {
        Matcher m = COUNT.matcher(summary);
        while (m.find()) {
            if (m.group(2).equals(what)) {
                return Integer.parseInt(m.group(1));
            }
        }
        return 0;
    }

    private static String failures(String out) {
        StringBuilder b = new StringBuilder();
        for (String line : out.split("\n")) {
            if (line.startsWith("FAILED ") || line.startsWith("ERROR ")) {
                b.append(line).append('\n');
            }
        }
        return b.toString();
    }
}
