package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 API of {@code cairn saio} driven by real clients: the AWS CLI ({@code aws s3}, {@code aws s3api}; recent
 * ones send CRC32 checksums in aws-chunked trailers), boto3 through Debian's python3, {@code s3cmd} and {@code
 * rclone}'s s3 backend, with unicode keys, user metadata, ranges and conditionals, other users, and the same
 * objects seen through the Swift API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class S3ClientsIT {
    private SaioHarness saio;
    private S3Clients s3;
    private SwiftCli swift;
    private Path work;

    @BeforeAll
    void startSaio(@TempDir Path dataDir, @TempDir Path work) throws Exception {
        this.work = work;
        saio = SaioHarness.start(dataDir, Map.of(), Map.of());
        s3 = new S3Clients(saio.port(), "test:tester", "testing", work);
        swift = saio.cli("test:tester", "testing", work);
    }

    @AfterAll
    void stopSaio() {
        if (saio != null) {
            saio.close();
        }
    }

    private static SwiftCli.Result ok(SwiftCli.Result r, String what) {
        return r.requireSuccess(what);
    }

    @Test
    void shouldCopySyncListAndRemoveWithAwsCliWhenKeysAreUnicode() throws Exception {
        ok(s3.aws("s3", "mb", "s3://cli-bucket"), "mb");
        byte[] data = new byte[300_000];
        new Random(7).nextBytes(data);
        Path file = Files.write(work.resolve("blob.bin"), data);
        ok(s3.aws("s3", "cp", file.toString(), "s3://cli-bucket/ünï cødé/блоб.bin"), "cp up");
        Path tree = Files.createDirectories(work.resolve("tree/sub"));
        for (int i = 0; i < 3; i++) {
            Files.writeString(tree.resolve("f" + i + ".txt"), "file " + i);
        }
        Files.writeString(work.resolve("tree/top.txt"), "top");
        ok(s3.aws("s3", "sync", work.resolve("tree").toString(), "s3://cli-bucket/sync/"), "sync");

        String listing =
                ok(s3.aws("s3", "ls", "--recursive", "s3://cli-bucket"), "ls").out();
        assertThat(listing)
                .contains("300000 ünï cødé/блоб.bin")
                .contains("sync/sub/f0.txt")
                .contains("sync/top.txt");
        String top =
                ok(s3.aws("s3", "ls", "s3://cli-bucket/sync/"), "ls prefix").out();
        assertThat(top).contains("PRE sub/").contains("top.txt").doesNotContain("f0.txt");

        Path back = work.resolve("back.bin");
        ok(s3.aws("s3", "cp", "s3://cli-bucket/ünï cødé/блоб.bin", back.toString()), "cp down");
        assertThat(Files.readAllBytes(back)).isEqualTo(data);
        String head = ok(
                        s3.aws(
                                "s3api",
                                "head-object",
                                "--bucket",
                                "cli-bucket",
                                "--key",
                                "ünï cødé/блоб.bin",
                                "--checksum-mode",
                                "ENABLED"),
                        "head")
                .out();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data);
        String crc32 = java.util.Base64.getEncoder()
                .encodeToString(java.nio.ByteBuffer.allocate(4)
                        .putInt((int) crc.getValue())
                        .array());
        assertThat(head).contains("\"ContentLength\": 300000");
        if (head.contains("ChecksumCRC32")) {
            // recent botocore sends a CRC32 in the trailer unasked; Cairn stores and returns it
            assertThat(head).contains("\"ChecksumCRC32\": \"" + crc32 + "\"");
        }

        ok(s3.aws("s3", "rm", "--recursive", "s3://cli-bucket/"), "rm");
        assertThat(ok(s3.aws("s3", "ls", "--recursive", "s3://cli-bucket"), "ls empty")
                        .out())
                .isBlank();
        ok(s3.aws("s3", "rb", "s3://cli-bucket"), "rb");
        assertThat(ok(s3.aws("s3", "ls"), "ls buckets").out()).doesNotContain("cli-bucket");
    }

    @Test
    void shouldRefuseOtherUsersWithAccessDeniedAndWrongKeysWithSignatureDoesNotMatch() throws Exception {
        ok(s3.aws("s3", "mb", "s3://private-bucket"), "mb");
        Files.writeString(work.resolve("secret.txt"), "secret");
        ok(s3.aws("s3", "cp", work.resolve("secret.txt").toString(), "s3://private-bucket/secret.txt"), "cp");

        S3Clients tester3 = s3.as("test:tester3", "testing3"); // same account, not an admin
        SwiftCli.Result listed = tester3.aws("s3", "ls", "s3://private-bucket");
        assertThat(listed.exitCode()).isNotZero();
        assertThat(listed.err()).contains("AccessDenied");
        SwiftCli.Result got = tester3.aws("s3", "cp", "s3://private-bucket/secret.txt", "-");
        assertThat(got.exitCode()).isNotZero();
        assertThat(got.out()).doesNotContain("secret");

        SwiftCli.Result wrongKey = s3.as("test:tester", "not-the-key").aws("s3", "ls", "s3://private-bucket");
        assertThat(wrongKey.err()).contains("SignatureDoesNotMatch");
        SwiftCli.Result unknown = s3.as("nobody:nobody", "x").aws("s3", "ls");
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err()).contains("SignatureDoesNotMatch");
    }

    @Test
    void shouldRoundTripObjectsMetadataRangesAndPresignedUrlsWithBoto3() throws Exception {
        String script = String.join(
                "\n",
                "import urllib.request",
                "s3.create_bucket(Bucket='boto-bucket')",
                "key = 'ключ/a b+c&d.txt'",
                "s3.put_object(Bucket='boto-bucket', Key=key, Body=b'0123456789' * 100,",
                "              Metadata={'color': 'red', 'my_key': 'v'}, ContentType='text/x-test')", // '_' reads back
                // as '-' (README)
                "h = s3.head_object(Bucket='boto-bucket', Key=key)",
                "print('META', sorted(h['Metadata'].items()), h['ContentType'], h['ContentLength'], h['ETag'])",
                "g = s3.get_object(Bucket='boto-bucket', Key=key, Range='bytes=10-19',",
                "                  ResponseContentType='application/x-over')",
                "print('RANGE', g['ContentRange'], g['ContentType'], g['Body'].read())",
                "try:",
                "    s3.get_object(Bucket='boto-bucket', Key=key, IfNoneMatch=h['ETag'])",
                "except botocore.exceptions.ClientError as e:",
                "    print('INM', e.response['ResponseMetadata']['HTTPStatusCode'])",
                "try:",
                "    s3.get_object(Bucket='boto-bucket', Key=key, IfMatch='\"nope\"')",
                "except botocore.exceptions.ClientError as e:",
                "    print('IM', e.response['Error']['Code'])",
                "for i in range(5):",
                "    s3.put_object(Bucket='boto-bucket', Key='dir/k%d' % i, Body=b'x')",
                "page = s3.list_objects_v2(Bucket='boto-bucket', Prefix='dir/', MaxKeys=2)",
                "print('PAGE1', [o['Key'] for o in page['Contents']], page['IsTruncated'])",
                "page2 = s3.list_objects_v2(Bucket='boto-bucket', Prefix='dir/', MaxKeys=2,",
                "                           ContinuationToken=page['NextContinuationToken'])",
                "print('PAGE2', [o['Key'] for o in page2['Contents']])",
                "v1 = s3.list_objects(Bucket='boto-bucket', Delimiter='/', Marker='dir/k0')",
                "print('V1', [p['Prefix'] for p in v1.get('CommonPrefixes', [])],",
                "      [o['Key'] for o in v1.get('Contents', [])])",
                "url = s3.generate_presigned_url('get_object', Params={'Bucket': 'boto-bucket', 'Key': key},",
                "                                ExpiresIn=60)",
                "print('PRESIGNED', urllib.request.urlopen(url).read()[:10])",
                "try:",
                "    s3.get_object(Bucket='boto-bucket', Key='missing')",
                "except botocore.exceptions.ClientError as e:",
                "    print('MISSING', e.response['Error']['Code'], e.response['Error']['Key'])",
                "try:",
                "    s3.get_object(Bucket='no-such-bucket', Key='x')",
                "except botocore.exceptions.ClientError as e:",
                "    print('NOBUCKET', e.response['Error']['Code'])",
                "print('LOCATION', s3.get_bucket_location(Bucket='boto-bucket')['LocationConstraint'])",
                "try:",
                "    s3.delete_bucket(Bucket='boto-bucket')",
                "except botocore.exceptions.ClientError as e:",
                "    print('NOTEMPTY', e.response['Error']['Code'])",
                "s3.delete_object(Bucket='boto-bucket', Key=key)",
                "s3.delete_object(Bucket='boto-bucket', Key=key)",
                "print('DONE')");
        String out = ok(s3.boto3(script), "boto3").out();
        assertThat(out)
                .contains("META [('color', 'red'), ('my-key', 'v')] text/x-test 1000")
                .contains("RANGE bytes 10-19/1000 application/x-over b'0123456789'")
                .contains("INM 304")
                .contains("IM PreconditionFailed")
                .contains("PAGE1 ['dir/k0', 'dir/k1'] True")
                .contains("PAGE2 ['dir/k2', 'dir/k3']")
                .contains("V1 ['dir/', 'ключ/'] []")
                .contains("PRESIGNED b'0123456789'")
                .contains("MISSING NoSuchKey missing")
                .contains("NOBUCKET NoSuchBucket")
                .contains("LOCATION None")
                .contains("NOTEMPTY BucketNotEmpty")
                .contains("DONE");

        // the same object through the Swift API: a container, an object, user metadata
        String stat =
                ok(swift.run("stat", "boto-bucket", "dir/k0"), "swift stat").out();
        assertThat(stat).contains("Content Length: 1");
    }

    @Test
    void shouldPutGetAndListWithS3cmd() throws Exception {
        ok(s3.s3cmd("mb", "s3://s3cmd-bucket"), "s3cmd mb");
        Path file = Files.writeString(work.resolve("s3cmd.txt"), "from s3cmd");
        ok(s3.s3cmd("put", file.toString(), "s3://s3cmd-bucket/dir/日本語.txt"), "s3cmd put");
        assertThat(ok(s3.s3cmd("ls", "-r", "s3://s3cmd-bucket"), "s3cmd ls").out())
                .contains("s3://s3cmd-bucket/dir/日本語.txt");
        Path back = work.resolve("s3cmd-back.txt");
        ok(s3.s3cmd("get", "--force", "s3://s3cmd-bucket/dir/日本語.txt", back.toString()), "s3cmd get");
        assertThat(Files.readString(back)).isEqualTo("from s3cmd");
        assertThat(ok(s3.s3cmd("--signature-v2", "ls", "s3://s3cmd-bucket/dir/"), "s3cmd v2 ls")
                        .out())
                .contains("日本語.txt");
        ok(s3.s3cmd("del", "s3://s3cmd-bucket/dir/日本語.txt"), "s3cmd del");
        ok(s3.s3cmd("rb", "s3://s3cmd-bucket"), "s3cmd rb");
    }

    @Test
    void shouldCopyAndCheckATreeWithRclone() throws Exception {
        Path tree = Files.createDirectories(work.resolve("rclone-tree/ü"));
        Files.writeString(tree.resolve("a.txt"), "alpha");
        Files.writeString(work.resolve("rclone-tree/b.txt"), "beta");
        ok(s3.rclone("mkdir", "cairn:rclone-bucket"), "rclone mkdir");
        ok(s3.rclone("copy", work.resolve("rclone-tree").toString(), "cairn:rclone-bucket/t"), "rclone copy");
        ok(s3.rclone("check", work.resolve("rclone-tree").toString(), "cairn:rclone-bucket/t"), "rclone check");
        assertThat(ok(s3.rclone("cat", "cairn:rclone-bucket/t/ü/a.txt"), "rclone cat")
                        .out())
                .isEqualTo("alpha");
        ok(s3.rclone("purge", "cairn:rclone-bucket"), "rclone purge");
    }

    @Test
    void shouldAnswerS3ErrorDocumentsAndLeaveTheSwiftApiAlone() throws Exception {
        HttpResponse<byte[]> bad =
                saio.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + saio.port() + "/some-bucket/key"))
                        .header("Date", "Mon, 01 Jan 2001 00:00:00 GMT")
                        .header("Authorization", "AWS test:tester:bm90LWEtc2lnbmF0dXJl"));
        String body = new String(bad.body(), StandardCharsets.UTF_8);
        assertThat(bad.statusCode()).isEqualTo(403);
        assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/xml");
        assertThat(body).contains("<Code>RequestTimeTooSkewed</Code>").contains("<RequestId>tx");

        HttpResponse<byte[]> forged =
                saio.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + saio.port() + "/some-bucket/key"))
                        .header("Date", io.cairn.common.http.HttpDates.format(System.currentTimeMillis() / 1000))
                        .header("Authorization", "AWS test:tester:bm90LWEtc2lnbmF0dXJl"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(new String(forged.body(), StandardCharsets.UTF_8))
                .contains("<Code>SignatureDoesNotMatch</Code>")
                .contains("<StringToSign>GET\n\n\n");

        // the Swift API and its neighbours answer as before, whatever the path looks like
        assertThat(saio.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + saio.port() + "/info")))
                        .statusCode())
                .isEqualTo(200);
        SaioHarness.Login login = saio.login("test:tester", "testing");
        assertThat(saio.send(SaioHarness.request(login, "")).statusCode()).isIn(200, 204);
    }

    @Test
    void shouldUploadMultipartWithAwsCliAndS3apiInSwiftsLayout() throws Exception {
        ok(s3.aws("s3", "mb", "s3://mpu-bucket"), "mb");
        byte[] big = new byte[20_000_000];
        new Random(11).nextBytes(big);
        Path file = Files.write(work.resolve("big.bin"), big);
        ok(s3.aws("s3", "cp", file.toString(), "s3://mpu-bucket/big.bin"), "multipart cp");
        String head = ok(s3.aws("s3api", "head-object", "--bucket", "mpu-bucket", "--key", "big.bin"), "head")
                .out();
        assertThat(head).containsPattern("\"ETag\": \"\\\\\"[0-9a-f]{32}-3\\\\\"\"");
        Path back = work.resolve("big-back.bin");
        ok(s3.aws("s3", "cp", "s3://mpu-bucket/big.bin", back.toString()), "multipart get");
        assertThat(Files.readAllBytes(back)).isEqualTo(big);
        // Swift's view: the parts in <bucket>+segments, the object an SLO carrying the S3 ETag in sysmeta
        String segments = ok(swift.run("list", "mpu-bucket+segments"), "swift list segments")
                .out();
        assertThat(segments.lines().filter(l -> l.startsWith("big.bin/")).count())
                .isEqualTo(3);
        HttpResponse<byte[]> manifest = saio.send(
                SaioHarness.request(saio.login("test:tester", "testing"), "/mpu-bucket/big.bin?multipart-manifest=get")
                        .GET());
        assertThat(new String(manifest.body(), StandardCharsets.UTF_8)).contains("mpu-bucket+segments/big.bin/");

        ok(s3.aws("s3", "rm", "--recursive", "s3://mpu-bucket/"), "rm multipart objects and their segments");
        assertThat(ok(swift.run("list", "mpu-bucket+segments"), "segments after rm")
                        .out())
                .isBlank();
    }

    /** The boto3 side of the versioning test: each line it prints is checked below. */
    private static final String VERSIONING_SCRIPT = String.join(
            "\n",
            "b = 'versioned-bucket'",
            "key = 'ключ/версия ü.txt'",
            "s3.create_bucket(Bucket=b)",
            "print('NEVER', s3.get_bucket_versioning(Bucket=b).get('Status'))",
            "s3.put_bucket_versioning(Bucket=b, VersioningConfiguration={'Status': 'Enabled'})",
            "print('STATUS', s3.get_bucket_versioning(Bucket=b)['Status'])",
            "v1 = s3.put_object(Bucket=b, Key=key, Body=b'first')['VersionId']",
            "v2 = s3.put_object(Bucket=b, Key=key, Body=b'second')['VersionId']",
            "print('IDS', v1 != v2, v1 != 'null')",
            "vs = s3.list_object_versions(Bucket=b)",
            "print('LIST', [(v['Key'] == key, v['VersionId'] == (v2 if v['IsLatest'] else v1), v['Size'])"
                    + " for v in vs['Versions']])",
            "print('OLD', s3.get_object(Bucket=b, Key=key, VersionId=v1)['Body'].read())",
            "print('HEADV', s3.head_object(Bucket=b, Key=key, VersionId=v1)['VersionId'] == v1)",
            "d = s3.delete_object(Bucket=b, Key=key)",
            "marker = d['VersionId']",
            "print('MARKER', d.get('DeleteMarker'), marker not in (v1, v2))",
            "try:",
            "    s3.get_object(Bucket=b, Key=key)",
            "except botocore.exceptions.ClientError as e:",
            "    h = e.response['ResponseMetadata']['HTTPHeaders']",
            "    print('GONE', e.response['Error']['Code'], h.get('x-amz-delete-marker'),"
                    + " h.get('x-amz-version-id') == marker)",
            "vs = s3.list_object_versions(Bucket=b, Prefix='ключ/')",
            "print('MARKERS', [(m['VersionId'] == marker, m['IsLatest']) for m in vs['DeleteMarkers']],"
                    + " [v['IsLatest'] for v in vs['Versions']])",
            "page = s3.list_object_versions(Bucket=b, MaxKeys=1)",
            "page2 = s3.list_object_versions(Bucket=b, MaxKeys=1, KeyMarker=page['NextKeyMarker'],"
                    + " VersionIdMarker=page['NextVersionIdMarker'])",
            "print('PAGES', page['IsTruncated'], page['NextVersionIdMarker'] == marker,"
                    + " [v['VersionId'] == v2 for v in page2['Versions']])",
            "d = s3.delete_object(Bucket=b, Key=key, VersionId=marker)",
            "print('UNDELETE', d.get('DeleteMarker'), d['VersionId'] == marker)",
            "print('BACK', s3.get_object(Bucket=b, Key=key)['Body'].read())",
            "s3.delete_object(Bucket=b, Key=key, VersionId=v2)",
            "print('RESTORED', s3.get_object(Bucket=b, Key=key)['Body'].read())",
            "c = s3.copy_object(Bucket=b, Key='copy', CopySource={'Bucket': b, 'Key': key, 'VersionId': v1})",
            "print('COPY', c['CopySourceVersionId'] == v1, c['VersionId'] not in ('null', v1),"
                    + " s3.get_object(Bucket=b, Key='copy')['Body'].read())",
            "for bad in ('nope', '1.2.3'):",
            "    try:",
            "        s3.get_object(Bucket=b, Key=key, VersionId=bad)",
            "    except botocore.exceptions.ClientError as e:",
            "        print('BADID', e.response['Error']['Code'])",
            "try:",
            "    s3.get_object(Bucket=b, Key=key, VersionId='1700000000.00000')",
            "except botocore.exceptions.ClientError as e:",
            "    print('NOVERSION', e.response['Error']['Code'])",
            "s3.create_bucket(Bucket='plain-bucket')",
            "s3.put_object(Bucket='plain-bucket', Key='k', Body=b'x')",
            "try:",
            "    s3.get_object(Bucket='plain-bucket', Key='k', VersionId='1700000000.00000')",
            "except botocore.exceptions.ClientError as e:",
            "    print('NEVERVERSIONED', e.response['Error']['Code'])",
            "print('NULLV', s3.list_object_versions(Bucket='plain-bucket')['Versions'][0]['VersionId'])",
            "r = s3.delete_objects(Bucket=b, Delete={'Objects': [{'Key': key, 'VersionId': v1},"
                    + " {'Key': 'copy'}]})",
            "print('MULTI', sorted((d['Key'] == key, d.get('VersionId') == v1, d.get('DeleteMarker', False))"
                    + " for d in r['Deleted']))",
            "s3.put_bucket_versioning(Bucket=b, VersioningConfiguration={'Status': 'Suspended'})",
            "print('SUSPENDED', s3.get_bucket_versioning(Bucket=b)['Status'])",
            "try:",
            "    s3.put_bucket_versioning(Bucket=b, VersioningConfiguration={'Status': 'Sometimes'})",
            "except botocore.exceptions.ClientError as e:",
            "    print('BADSTATUS', e.response['Error']['Code'])",
            "print('DONE')");

    @Test
    void shouldKeepVersionsAndDeleteMarkersWithBoto3WhenBucketVersioningIsEnabled() throws Exception {
        String script = VERSIONING_SCRIPT;
        String out = ok(s3.boto3(script), "boto3 versioning").out();
        assertThat(out)
                .contains("NEVER None")
                .contains("STATUS Enabled")
                .contains("IDS True True")
                .contains("LIST [(True, True, 6), (True, True, 5)]")
                .contains("OLD b'first'")
                .contains("HEADV True")
                .contains("MARKER True True")
                .contains("GONE NoSuchKey true True")
                .contains("MARKERS [(True, True)] [False, False]")
                .contains("PAGES True True [True]")
                .contains("UNDELETE True True")
                .contains("BACK b'second'")
                .contains("RESTORED b'first'")
                .contains("COPY True True b'first'")
                .contains("BADID InvalidArgument\nBADID InvalidArgument")
                .contains("NOVERSION NoSuchKey")
                .contains("NEVERVERSIONED NoSuchVersion")
                .contains("NULLV null")
                .contains("MULTI [(False, False, True), (True, True, False)]")
                .contains("SUSPENDED Suspended")
                .contains("BADSTATUS MalformedXML")
                .contains("DONE");
        // Swift's view (object versioning's): the copy's version and the delete marker DeleteObjects wrote over it
        String listing = ok(swift.run("list", "--versions", "versioned-bucket"), "swift list --versions")
                .out();
        assertThat(listing)
                .contains("application/x-deleted;swift_versions_deleted=1 copy")
                .contains("binary/octet-stream copy")
                .doesNotContain("ключ");
    }

    /** The boto3 side of the object lock test: each line it prints is checked below. */
    private static final String OBJECT_LOCK_SCRIPT = String.join(
            "\n",
            "import datetime",
            "b = 'locked-bucket'",
            "def err(f, **kw):",
            "    try:",
            "        f(**kw)",
            "        return 'OK'",
            "    except botocore.exceptions.ClientError as e:",
            "        return '%s %s' % (e.response['ResponseMetadata']['HTTPStatusCode'], e.response['Error']['Code'])",
            "s3.create_bucket(Bucket=b, ObjectLockEnabledForBucket=True)",
            "print('VERSIONING', s3.get_bucket_versioning(Bucket=b)['Status'])",
            "print('CONF', s3.get_object_lock_configuration(Bucket=b)['ObjectLockConfiguration'])",
            "print('SUSPEND', err(s3.put_bucket_versioning, Bucket=b,"
                    + " VersioningConfiguration={'Status': 'Suspended'}))",
            "print('BOTH', err(s3.put_object_lock_configuration, Bucket=b, ObjectLockConfiguration={"
                    + "'ObjectLockEnabled': 'Enabled', 'Rule': {'DefaultRetention':"
                    + " {'Mode': 'GOVERNANCE', 'Days': 1, 'Years': 1}}}))",
            "print('ZERO', err(s3.put_object_lock_configuration, Bucket=b, ObjectLockConfiguration={"
                    + "'ObjectLockEnabled': 'Enabled', 'Rule': {'DefaultRetention':"
                    + " {'Mode': 'GOVERNANCE', 'Days': 0}}}))",
            "print('LOWER', err(s3.put_object_lock_configuration, Bucket=b, ObjectLockConfiguration={"
                    + "'ObjectLockEnabled': 'Enabled', 'Rule': {'DefaultRetention':"
                    + " {'Mode': 'governance', 'Days': 1}}}))",
            "s3.create_bucket(Bucket='unlocked-bucket')",
            "print('UNLOCKED', err(s3.put_object_lock_configuration, Bucket='unlocked-bucket',"
                    + " ObjectLockConfiguration={'ObjectLockEnabled': 'Enabled'}),"
                    + " err(s3.get_object_lock_configuration, Bucket='unlocked-bucket'),"
                    + " err(s3.put_object, Bucket='unlocked-bucket', Key='k', Body=b'x', ObjectLockLegalHoldStatus='ON'))",
            "until = datetime.datetime(2030, 1, 1, tzinfo=datetime.timezone.utc)",
            "v1 = s3.put_object(Bucket=b, Key='doc', Body=b'first', ObjectLockMode='GOVERNANCE',"
                    + " ObjectLockRetainUntilDate=until)['VersionId']",
            "h = s3.head_object(Bucket=b, Key='doc', VersionId=v1)",
            "print('HEAD', h['ObjectLockMode'], h['ObjectLockRetainUntilDate'] == until,"
                    + " h['ResponseMetadata']['HTTPHeaders']['x-amz-object-lock-retain-until-date'])",
            "r = s3.get_object_retention(Bucket=b, Key='doc', VersionId=v1)['Retention']",
            "print('RET', r['Mode'], r['RetainUntilDate'] == until)",
            "print('DELV', err(s3.delete_object, Bucket=b, Key='doc', VersionId=v1))",
            "r = s3.delete_objects(Bucket=b, Delete={'Objects': [{'Key': 'doc', 'VersionId': v1}]})",
            "print('MULTIDEL', [e['Code'] for e in r.get('Errors', [])])",
            "shorter = datetime.datetime(2029, 1, 1, tzinfo=datetime.timezone.utc)",
            "print('SHORTEN', err(s3.put_object_retention, Bucket=b, Key='doc', VersionId=v1,"
                    + " Retention={'Mode': 'GOVERNANCE', 'RetainUntilDate': shorter}))",
            "print('SHORTENBYPASS', err(s3.put_object_retention, Bucket=b, Key='doc', VersionId=v1,"
                    + " Retention={'Mode': 'GOVERNANCE', 'RetainUntilDate': shorter}, BypassGovernanceRetention=True))",
            "print('SHORTENED', s3.get_object_retention(Bucket=b, Key='doc', VersionId=v1)['Retention']"
                    + "['RetainUntilDate'] == shorter, s3.get_object(Bucket=b, Key='doc', VersionId=v1)['Body'].read())",
            "m = s3.delete_object(Bucket=b, Key='doc')",
            "print('MARKER', m.get('DeleteMarker'))",
            "print('BYPASS', err(s3.delete_object, Bucket=b, Key='doc', VersionId=v1, BypassGovernanceRetention=True))",
            "v2 = s3.put_object(Bucket=b, Key='comp', Body=b'c', ObjectLockMode='COMPLIANCE',"
                    + " ObjectLockRetainUntilDate=until)['VersionId']",
            "print('COMPDEL', err(s3.delete_object, Bucket=b, Key='comp', VersionId=v2,"
                    + " BypassGovernanceRetention=True))",
            "print('COMPMODE', err(s3.put_object_retention, Bucket=b, Key='comp', VersionId=v2,"
                    + " Retention={'Mode': 'GOVERNANCE', 'RetainUntilDate': until}, BypassGovernanceRetention=True))",
            "v3 = s3.put_object(Bucket=b, Key='held', Body=b'h')['VersionId']",
            "print('NORET', err(s3.get_object_retention, Bucket=b, Key='held'))",
            "s3.put_object_legal_hold(Bucket=b, Key='held', VersionId=v3, LegalHold={'Status': 'ON'})",
            "print('HOLD', s3.get_object_legal_hold(Bucket=b, Key='held', VersionId=v3)['LegalHold'],"
                    + " s3.head_object(Bucket=b, Key='held')['ObjectLockLegalHoldStatus'])",
            "print('HOLDDEL', err(s3.delete_object, Bucket=b, Key='held', VersionId=v3,"
                    + " BypassGovernanceRetention=True))",
            "print('BADHOLD', err(s3.put_object_legal_hold, Bucket=b, Key='held', LegalHold={'Status': 'abc'}))",
            "s3.put_object_legal_hold(Bucket=b, Key='held', VersionId=v3, LegalHold={'Status': 'OFF'})",
            "print('UNHELD', s3.get_object(Bucket=b, Key='held')['Body'].read(),"
                    + " err(s3.delete_object, Bucket=b, Key='held', VersionId=v3))",
            "s3.put_object_lock_configuration(Bucket=b, ObjectLockConfiguration={'ObjectLockEnabled': 'Enabled',"
                    + " 'Rule': {'DefaultRetention': {'Mode': 'GOVERNANCE', 'Days': 1}}})",
            "print('RULE', s3.get_object_lock_configuration(Bucket=b)['ObjectLockConfiguration']['Rule'])",
            "v4 = s3.put_object(Bucket=b, Key='dflt', Body=b'd')['VersionId']",
            "r = s3.get_object_retention(Bucket=b, Key='dflt', VersionId=v4)['Retention']",
            "left = r['RetainUntilDate'] - datetime.datetime.now(datetime.timezone.utc)",
            "print('DEFAULT', r['Mode'], datetime.timedelta(hours=23) < left <= datetime.timedelta(days=1),"
                    + " err(s3.delete_object, Bucket=b, Key='dflt', VersionId=v4))",
            "print('DONE')");

    @Test
    void shouldLockVersionsUnderRetentionAndLegalHoldWithBoto3() throws Exception {
        String out = ok(s3.boto3(OBJECT_LOCK_SCRIPT), "boto3 object lock").out();
        assertThat(out)
                .contains("VERSIONING Enabled")
                .contains("CONF {'ObjectLockEnabled': 'Enabled'}")
                .contains("SUSPEND 409 InvalidBucketState")
                .contains("BOTH 400 MalformedXML")
                .contains("ZERO 400 InvalidRetentionPeriod")
                .contains("LOWER 400 MalformedXML")
                .contains("UNLOCKED 409 InvalidBucketState 404 ObjectLockConfigurationNotFoundError"
                        + " 400 InvalidRequest")
                .contains("HEAD GOVERNANCE True 2030-01-01T00:00:00.000Z")
                .contains("RET GOVERNANCE True")
                .contains("DELV 403 AccessDenied")
                .contains("MULTIDEL ['AccessDenied']")
                .contains("SHORTEN 403 AccessDenied")
                .contains("SHORTENBYPASS OK")
                .contains("SHORTENED True b'first'")
                .contains("MARKER True")
                .contains("BYPASS OK")
                .contains("COMPDEL 403 AccessDenied")
                .contains("COMPMODE 403 AccessDenied")
                .contains("NORET 404 NoSuchObjectLockConfiguration")
                .contains("HOLD {'Status': 'ON'} ON")
                .contains("HOLDDEL 403 AccessDenied")
                .contains("BADHOLD 400 MalformedXML")
                .contains("UNHELD b'h' OK")
                .contains("RULE {'DefaultRetention': {'Mode': 'GOVERNANCE', 'Days': 1}}")
                .contains("DEFAULT GOVERNANCE True 403 AccessDenied")
                .contains("DONE");
    }

    @Test
    void shouldPutGetAndDeleteTagsWithBoto3AndRefuseBadTagSets() throws Exception {
        String script = String.join(
                "\n",
                "b = 'tag-bucket'",
                "key = 'étiquette/ключ.txt'",
                "s3.create_bucket(Bucket=b)",
                "s3.put_object(Bucket=b, Key=key, Body=b'tagged', Tagging='color=red&size=%C3%BCber%20gro%C3%9F',",
                "              Metadata={'keep': 'me'})",
                "print('PUTTAGS', s3.get_object_tagging(Bucket=b, Key=key)['TagSet'])",
                "print('COUNT', s3.head_object(Bucket=b, Key=key)['ResponseMetadata']['HTTPHeaders']"
                        + ".get('x-amz-tagging-count'))",
                "s3.put_object_tagging(Bucket=b, Key=key, Tagging={'TagSet': [{'Key': 'ключ', 'Value': 'значение'}]})",
                "print('TAGS', s3.get_object_tagging(Bucket=b, Key=key)['TagSet'])",
                "h = s3.head_object(Bucket=b, Key=key)",
                "print('KEPT', h['Metadata'], h['ContentLength'])",
                "s3.copy_object(Bucket=b, Key='copied', CopySource={'Bucket': b, 'Key': key})",
                "print('COPYTAGS', s3.get_object_tagging(Bucket=b, Key='copied')['TagSet'])",
                "s3.copy_object(Bucket=b, Key='replaced', CopySource={'Bucket': b, 'Key': key},"
                        + " TaggingDirective='REPLACE', Tagging='a=1')",
                "print('REPLACETAGS', s3.get_object_tagging(Bucket=b, Key='replaced')['TagSet'])",
                "s3.delete_object_tagging(Bucket=b, Key=key)",
                "print('NOTAGS', s3.get_object_tagging(Bucket=b, Key=key)['TagSet'],"
                        + " s3.get_object(Bucket=b, Key=key)['Body'].read())",
                "def err(f, **kw):",
                "    try:",
                "        f(**kw)",
                "        return 'OK'",
                "    except botocore.exceptions.ClientError as e:",
                "        return e.response['Error']['Code']",
                "many = {'TagSet': [{'Key': 'k%d' % i, 'Value': 'v'} for i in range(11)]}",
                "print('ELEVEN', err(s3.put_object_tagging, Bucket=b, Key=key, Tagging=many))",
                "print('LONGKEY', err(s3.put_object_tagging, Bucket=b, Key=key,"
                        + " Tagging={'TagSet': [{'Key': 'k' * 129, 'Value': 'v'}]}))",
                "print('LONGVALUE', err(s3.put_object_tagging, Bucket=b, Key=key,"
                        + " Tagging={'TagSet': [{'Key': 'k', 'Value': 'v' * 257}]}))",
                "print('TWICE', err(s3.put_object_tagging, Bucket=b, Key=key,"
                        + " Tagging={'TagSet': [{'Key': 'k', 'Value': '1'}, {'Key': 'k', 'Value': '2'}]}))",
                "print('HEADERTAGS', err(s3.put_object, Bucket=b, Key='x', Body=b'',"
                        + " Tagging='&'.join('k%d=v' % i for i in range(11))))",
                "print('NOKEY', err(s3.put_object_tagging, Bucket=b, Key='missing', Tagging={'TagSet': []}))",
                "print('NOBUCKETTAGS', err(s3.get_bucket_tagging, Bucket=b))",
                "up = s3.create_multipart_upload(Bucket=b, Key='mp ключ', Tagging='part=of%20many')['UploadId']",
                "e1 = s3.upload_part(Bucket=b, Key='mp ключ', UploadId=up, PartNumber=1, Body=b'p' * 10)['ETag']",
                "s3.complete_multipart_upload(Bucket=b, Key='mp ключ', UploadId=up,"
                        + " MultipartUpload={'Parts': [{'PartNumber': 1, 'ETag': e1}]})",
                "print('MPTAGS', s3.get_object_tagging(Bucket=b, Key='mp ключ')['TagSet'])",
                "s3.put_bucket_tagging(Bucket=b, Tagging={'TagSet': [{'Key': 'team', 'Value': 'storage'}]})",
                "print('BUCKETTAGS', s3.get_bucket_tagging(Bucket=b)['TagSet'])",
                "s3.delete_bucket_tagging(Bucket=b)",
                "print('BUCKETDELETED', err(s3.get_bucket_tagging, Bucket=b))",
                "print('DONE')");
        String out = ok(s3.boto3(script), "boto3 tagging").out();
        assertThat(out)
                .contains("PUTTAGS [{'Key': 'color', 'Value': 'red'}, {'Key': 'size', 'Value': 'über groß'}]")
                .contains("COUNT 2")
                .contains("TAGS [{'Key': 'ключ', 'Value': 'значение'}]")
                .contains("KEPT {'keep': 'me'} 6")
                .contains("COPYTAGS [{'Key': 'ключ', 'Value': 'значение'}]")
                .contains("REPLACETAGS [{'Key': 'a', 'Value': '1'}]")
                .contains("NOTAGS [] b'tagged'")
                .contains("ELEVEN InvalidTag")
                .contains("LONGKEY InvalidTag")
                .contains("LONGVALUE InvalidTag")
                .contains("TWICE InvalidTag")
                .contains("HEADERTAGS InvalidTag")
                .contains("NOKEY NoSuchKey")
                .contains("NOBUCKETTAGS NoSuchTagSet")
                .contains("MPTAGS [{'Key': 'part', 'Value': 'of many'}]")
                .contains("BUCKETTAGS [{'Key': 'team', 'Value': 'storage'}]")
                .contains("BUCKETDELETED NoSuchTagSet")
                .contains("DONE");
    }

    @Test
    void shouldEncryptWithCustomerKeysThroughBoto3AndNeverStoreTheKeyOrThePlaintext() throws Exception {
        String out =
                ok(s3.boto3(S3EncryptionScripts.SSE_C_SCRIPT), "boto3 SSE-C").out();
        assertThat(out)
                .contains("PUT AES256 True")
                .contains("GET True AES256 True")
                .contains("RANGE True bytes 1001-70000/100000")
                .contains("HEAD 100000 True")
                .contains("NOKEY InvalidRequest 400")
                .contains("NOKEYHEAD 400 400")
                .contains("WRONGKEY AccessDenied 403")
                .contains("LIST [('chiffré/ключ.bin', 100000), ('plain.txt', 1500)]")
                .contains("KEYONPLAIN OK InvalidRequest 400")
                .contains("MPCREATE AES256 True")
                .contains("PARTNOKEY InvalidRequest 400")
                .contains("PARTWRONGKEY InvalidRequest 400")
                .contains("MPGET True")
                .contains("MPRANGE True")
                .contains("MPPART True")
                .contains("MPNOKEY InvalidRequest 400")
                .contains("MPSIZE True")
                .contains("COPY True {'new': 'meta'}")
                .contains("COPYNOKEY InvalidRequest 400")
                .contains("COPYWRONGKEY AccessDenied 403")
                .contains("DONE");
        // what Swift stores is ciphertext, and its sysmeta holds no key
        SaioHarness.Login token = saio.login("test:tester", "testing");
        HttpResponse<byte[]> stored =
                saio.send(SaioHarness.request(token, "/ssec-bucket/plain.txt").GET());
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.body()).hasSize(1500);
        assertThat(new String(stored.body(), StandardCharsets.ISO_8859_1)).doesNotContain("attack at dawn");
    }

    @Test
    void shouldReturnCompositeAndFullObjectChecksumsOfMultipartUploadsWithBoto3() throws Exception {
        String out = ok(s3.boto3(S3EncryptionScripts.MULTIPART_CHECKSUM_SCRIPT), "boto3 multipart checksums")
                .out();
        assertThat(out)
                .contains("SHACOMPLETE True")
                .contains("SHAHEAD True COMPOSITE")
                .contains("SHANOMODE None")
                .contains("SHAGET True True")
                .contains("SHAPART True True")
                .contains("CRCCOMPOSITE True")
                .contains("CRCFULL True")
                .contains("CRCFULLGET True True FULL_OBJECT")
                .contains("DONE");
    }

    /** {@code aws …} that must succeed, its output stripped. */
    private String aws(String... args) throws Exception {
        return ok(s3.aws(args), "aws " + String.join(" ", args)).out().strip();
    }

    private String uploadPart(String bucket, String key, String upload, int n, Path body) throws Exception {
        return aws(
                "s3api",
                "upload-part",
                "--bucket",
                bucket,
                "--key",
                key,
                "--upload-id",
                upload,
                "--part-number",
                Integer.toString(n),
                "--body",
                body.toString(),
                "--query",
                "ETag",
                "--output",
                "text");
    }

    private static String partList(String... etags) {
        StringBuilder sb = new StringBuilder("{\"Parts\": [");
        for (int i = 0; i < etags.length; i += 2) {
            sb.append(i == 0 ? "" : ", ")
                    .append("{\"PartNumber\": ")
                    .append(etags[i])
                    .append(", \"ETag\": ")
                    .append(etags[i + 1])
                    .append('}');
        }
        return sb.append("]}").toString();
    }

    /** Completions with the parts out of order, or with another part's ETag, are refused and change nothing. */
    private void assertRefusedCompletions(String upload, String e1, String e2) throws Exception {
        SwiftCli.Result refused = s3.aws(
                "s3api",
                "complete-multipart-upload",
                "--bucket",
                "parts-bucket",
                "--key",
                "ü/part",
                "--upload-id",
                upload,
                "--multipart-upload",
                partList("2", e2, "1", e1));
        assertThat(refused.err()).contains("InvalidPartOrder");
        SwiftCli.Result wrongTag = s3.aws(
                "s3api",
                "complete-multipart-upload",
                "--bucket",
                "parts-bucket",
                "--key",
                "ü/part",
                "--upload-id",
                upload,
                "--multipart-upload",
                partList("1", e1, "2", e1));
        assertThat(wrongTag.err()).contains("InvalidPart");
    }

    @Test
    void shouldCompleteAnS3apiMultipartUploadWithACopiedRangeAndRefuseBadPartLists() throws Exception {
        aws("s3", "mb", "s3://parts-bucket");
        byte[] source = new byte[1000];
        new Random(5).nextBytes(source);
        aws("s3", "cp", Files.write(work.resolve("source.bin"), source).toString(), "s3://parts-bucket/source.bin");
        String upload = aws(
                "s3api",
                "create-multipart-upload",
                "--bucket",
                "parts-bucket",
                "--key",
                "ü/part",
                "--content-type",
                "text/x-parts",
                "--metadata",
                "k=v",
                "--query",
                "UploadId",
                "--output",
                "text");
        byte[] p1 = new byte[5 * 1024 * 1024];
        new Random(3).nextBytes(p1);
        String e1 = uploadPart("parts-bucket", "ü/part", upload, 1, Files.write(work.resolve("p1"), p1));
        String e2 = aws(
                "s3api",
                "upload-part-copy",
                "--bucket",
                "parts-bucket",
                "--key",
                "ü/part",
                "--upload-id",
                upload,
                "--part-number",
                "2",
                "--copy-source",
                "parts-bucket/source.bin",
                "--copy-source-range",
                "bytes=0-99",
                "--query",
                "CopyPartResult.ETag",
                "--output",
                "text");
        assertThat(aws("s3api", "list-multipart-uploads", "--bucket", "parts-bucket"))
                .contains(upload);
        assertThat(aws("s3api", "list-parts", "--bucket", "parts-bucket", "--key", "ü/part", "--upload-id", upload))
                .contains("\"Size\": 5242880")
                .contains("\"Size\": 100");
        assertRefusedCompletions(upload, e1, e2);
        aws(
                "s3api",
                "complete-multipart-upload",
                "--bucket",
                "parts-bucket",
                "--key",
                "ü/part",
                "--upload-id",
                upload,
                "--multipart-upload",
                partList("1", e1, "2", e2));
        assertThat(aws("s3api", "head-object", "--bucket", "parts-bucket", "--key", "ü/part"))
                .contains("\"ContentLength\": 5242980")
                .contains("text/x-parts")
                .contains("\"k\": \"v\"")
                .containsPattern("-2\\\\\"\"");
        Path joined = work.resolve("joined.bin");
        aws("s3", "cp", "s3://parts-bucket/ü/part", joined.toString());
        byte[] want = new byte[p1.length + 100];
        System.arraycopy(p1, 0, want, 0, p1.length);
        System.arraycopy(source, 0, want, p1.length, 100);
        assertThat(Files.readAllBytes(joined)).isEqualTo(want);
        Path second = work.resolve("part2.bin");
        assertThat(aws(
                        "s3api",
                        "get-object",
                        "--bucket",
                        "parts-bucket",
                        "--key",
                        "ü/part",
                        "--part-number",
                        "2",
                        second.toString()))
                .contains("\"PartsCount\": 2")
                .contains("bytes 5242880-5242979/5242980");
        assertThat(Files.readAllBytes(second)).isEqualTo(java.util.Arrays.copyOf(source, 100));
        assertThat(aws("s3api", "list-multipart-uploads", "--bucket", "parts-bucket"))
                .doesNotContain(upload);
    }

    @Test
    void shouldRefuseTooSmallPartsAndAbortAnUploadWithItsParts() throws Exception {
        aws("s3", "mb", "s3://small-bucket");
        Path small = Files.writeString(work.resolve("small-part"), "tail part");
        String upload = aws(
                "s3api",
                "create-multipart-upload",
                "--bucket",
                "small-bucket",
                "--key",
                "small",
                "--query",
                "UploadId",
                "--output",
                "text");
        String s1 = uploadPart("small-bucket", "small", upload, 1, small);
        String s2 = uploadPart("small-bucket", "small", upload, 2, small);
        SwiftCli.Result tooSmall = s3.aws(
                "s3api",
                "complete-multipart-upload",
                "--bucket",
                "small-bucket",
                "--key",
                "small",
                "--upload-id",
                upload,
                "--multipart-upload",
                partList("1", s1, "2", s2));
        assertThat(tooSmall.err()).contains("EntityTooSmall");
        assertThat(ok(swift.run("list", "small-bucket+segments"), "segments").out())
                .contains("small/" + upload);
        aws("s3api", "abort-multipart-upload", "--bucket", "small-bucket", "--key", "small", "--upload-id", upload);
        assertThat(ok(swift.run("list", "small-bucket+segments"), "segments after abort")
                        .out())
                .isBlank();
        SwiftCli.Result gone =
                s3.aws("s3api", "list-parts", "--bucket", "small-bucket", "--key", "small", "--upload-id", upload);
        assertThat(gone.err()).contains("NoSuchUpload");
    }

    @Test
    void shouldCopyAndBulkDeleteWithBoto3() throws Exception {
        String script = String.join(
                "\n",
                "s3.create_bucket(Bucket='copy-src')",
                "s3.create_bucket(Bucket='copy-dst')",
                "s3.put_object(Bucket='copy-src', Key='a', Body=b'alpha', Metadata={'m': '1'}, ContentType='text/a')",
                "r = s3.copy_object(Bucket='copy-dst', Key='b', CopySource={'Bucket': 'copy-src', 'Key': 'a'})",
                "h = s3.head_object(Bucket='copy-dst', Key='b')",
                "print('COPY', r['CopyObjectResult']['ETag'] == h['ETag'], h['Metadata'], h['ContentType'])",
                "s3.copy_object(Bucket='copy-dst', Key='c', CopySource='copy-src/a', MetadataDirective='REPLACE',",
                "               Metadata={'n': '2'}, ContentType='text/c')",
                "h = s3.head_object(Bucket='copy-dst', Key='c')",
                "print('REPLACE', h['Metadata'], h['ContentType'])",
                "try:",
                "    s3.copy_object(Bucket='copy-dst', Key='d', CopySource='copy-src/a', CopySourceIfMatch='\"x\"')",
                "except botocore.exceptions.ClientError as e:",
                "    print('IFMATCH', e.response['Error']['Code'])",
                "try:",
                "    s3.copy_object(Bucket='copy-src', Key='a', CopySource='copy-src/a')",
                "except botocore.exceptions.ClientError as e:",
                "    print('SELF', e.response['Error']['Code'])",
                "r = s3.delete_objects(Bucket='copy-dst', Delete={'Objects': [{'Key': 'b'}, {'Key': 'c'},",
                "                                                          {'Key': 'never-there'}]})",
                "print('DELETED', sorted(d['Key'] for d in r['Deleted']), r.get('Errors'))",
                "print('LEFT', s3.list_objects_v2(Bucket='copy-dst')['KeyCount'])");
        String out = ok(s3.boto3(script), "boto3 copy").out();
        assertThat(out)
                .contains("COPY True {'m': '1'} text/a")
                .contains("REPLACE {'n': '2'} text/c")
                .contains("IFMATCH PreconditionFailed")
                .contains("SELF InvalidRequest")
                .contains("DELETED ['b', 'c', 'never-there'] None")
                .contains("LEFT 0");
    }

    @Test
    void shouldCheckChunkSignaturesAndTrailerChecksumsAndStoreNothingWhenOneFails() throws Exception {
        ok(s3.aws("s3", "mb", "s3://chunked-bucket"), "mb");
        Path script =
                Path.of(S3ClientsIT.class.getResource("/s3/aws_chunked_put.py").toURI());
        SwiftCli.Result r = ok(s3.python(script, s3.endpoint(), "chunked-bucket"), "aws-chunked puts");
        assertThat(r.out())
                .contains("GOOD 200")
                .contains("BAD 403 True")
                .contains("TRAILER 200")
                .contains("BADCRC 400")
                .contains("<Code>BadDigest</Code>");
        String listing =
                ok(s3.aws("s3", "ls", "s3://chunked-bucket/chunked/"), "ls").out();
        assertThat(listing).contains("256000 ok").contains("256000 trailer").doesNotContain("bad");
        String head = ok(
                        s3.aws(
                                "s3api",
                                "head-object",
                                "--bucket",
                                "chunked-bucket",
                                "--key",
                                "chunked/trailer",
                                "--checksum-mode",
                                "ENABLED"),
                        "head")
                .out();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] data = new byte[256_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        crc.update(data);
        assertThat(head)
                .contains(java.util.Base64.getEncoder()
                        .encodeToString(java.nio.ByteBuffer.allocate(4)
                                .putInt((int) crc.getValue())
                                .array()));
    }

    @Test
    void shouldRefuseEntitiesAndOversizedXmlInDeleteObjects() throws Exception {
        ok(s3.aws("s3", "mb", "s3://xml-bucket"), "mb");
        String script = String.join(
                "\n",
                "import base64, hashlib, re, urllib.request, urllib.error",
                "from botocore.awsrequest import AWSRequest",
                "from botocore.auth import S3SigV4Auth",
                "def send(body):",
                "    md5 = base64.b64encode(hashlib.md5(body).digest()).decode()",
                "    req = AWSRequest(method='POST', url=s3.meta.endpoint_url + '/xml-bucket?delete', data=body,",
                "                     headers={'Content-MD5': md5})",
                "    S3SigV4Auth(s3._request_signer._credentials, 's3', 'us-east-1').add_auth(req)",
                "    p = req.prepare()",
                "    try:",
                "        urllib.request.urlopen(urllib.request.Request(p.url, data=body, headers=dict(p.headers),",
                "                                                      method='POST'))",
                "        print('ACCEPTED')",
                "    except urllib.error.HTTPError as e:",
                "        print('REFUSED', re.search(b'<Code>(.*?)</Code>', e.read()).group(1).decode())",
                "xxe = b'<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>'",
                "send(xxe + b'<Delete><Object><Key>&e;</Key></Object></Delete>')",
                "bomb = b'<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>'",
                "send(bomb + b'<Delete><Object><Key>&b;</Key></Object></Delete>')",
                "send(b'<Delete>' + b'<Object><Key>k</Key></Object>' * 1001 + b'</Delete>')",
                "send(b'<Delete><Object><Key>unclosed</Key></Object>')");
        String out = ok(s3.boto3(script), "bad xml").out();
        assertThat(out.lines().toList())
                .containsExactly(
                        "REFUSED MalformedXML", "REFUSED MalformedXML", "REFUSED MalformedXML", "REFUSED MalformedXML");
    }
}
