package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * The S3 API of {@code cairn saio} driven by the AWS SDK for Java v2 (2.59, the 2025 defaults: over plain HTTP it
 * signs every aws-chunked chunk and sends a CRC32 in a signed trailer, unasked) for PUT, multipart and GET with
 * checksum validation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class S3JavaSdkIT {
    private SaioHarness saio;
    private S3Client s3;

    @BeforeAll
    void startSaio(@TempDir Path dataDir) throws Exception {
        saio = SaioHarness.start(dataDir, Map.of(), Map.of());
        s3 = S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + saio.port()))
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("test:tester", "testing")))
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        s3.createBucket(b -> b.bucket("sdk-bucket"));
    }

    @AfterAll
    void stop() {
        if (s3 != null) {
            s3.close();
        }
        if (saio != null) {
            saio.close();
        }
    }

    @Test
    void shouldPutWithItsDefaultTrailerChecksumAndGetWithChecksumValidation() {
        byte[] data = new byte[1_500_000];
        new Random(21).nextBytes(data);
        PutObjectResponse put = s3.putObject(
                b -> b.bucket("sdk-bucket").key("ünï/data.bin").metadata(Map.of("owner", "sdk")),
                RequestBody.fromBytes(data));
        assertThat(put.checksumCRC32()).isNotBlank();
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(
                b -> b.bucket("sdk-bucket").key("ünï/data.bin").checksumMode(ChecksumMode.ENABLED));
        assertThat(got.asByteArray()).isEqualTo(data);
        assertThat(got.response().checksumCRC32()).isEqualTo(put.checksumCRC32());
        assertThat(got.response().metadata()).containsEntry("owner", "sdk");
        assertThat(s3.listObjectsV2(b -> b.bucket("sdk-bucket").prefix("ünï/")).contents())
                .extracting(o -> o.key())
                .containsExactly("ünï/data.bin");
    }

    @Test
    void shouldUploadMultipartWithPartChecksumsAndReadItBack() {
        String key = "multi/part.bin";
        String upload = s3.createMultipartUpload(
                        b -> b.bucket("sdk-bucket").key(key).checksumAlgorithm(ChecksumAlgorithm.CRC32))
                .uploadId();
        byte[] first = new byte[5 * 1024 * 1024];
        new Random(1).nextBytes(first);
        byte[] second = new byte[4096];
        new Random(2).nextBytes(second);
        List<CompletedPart> parts = new ArrayList<>();
        int n = 1;
        for (byte[] body : List.of(first, second)) {
            int number = n++;
            UploadPartResponse r = s3.uploadPart(
                    b -> b.bucket("sdk-bucket")
                            .key(key)
                            .uploadId(upload)
                            .partNumber(number)
                            .checksumAlgorithm(ChecksumAlgorithm.CRC32),
                    RequestBody.fromBytes(body));
            parts.add(CompletedPart.builder()
                    .partNumber(number)
                    .eTag(r.eTag())
                    .checksumCRC32(r.checksumCRC32())
                    .build());
        }
        s3.completeMultipartUpload(
                b -> b.bucket("sdk-bucket").key(key).uploadId(upload).multipartUpload(m -> m.parts(parts)));
        byte[] want = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, want, first.length, second.length);
        ResponseBytes<GetObjectResponse> got =
                s3.getObjectAsBytes(b -> b.bucket("sdk-bucket").key(key).checksumMode(ChecksumMode.ENABLED));
        assertThat(got.asByteArray()).isEqualTo(want);
        assertThat(got.response().eTag()).endsWith("-2\"");
        assertThat(s3.headObject(b -> b.bucket("sdk-bucket").key(key)).contentLength())
                .isEqualTo(want.length);
    }

    @Test
    void shouldRefuseAWrongKeyAndAMissingObjectWithS3Errors() {
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("sdk-bucket").key("absent")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
                });
        try (S3Client wrong = S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + saio.port()))
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("test:tester", "wrong")))
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            assertThatThrownBy(() ->
                            wrong.putObject(b -> b.bucket("sdk-bucket").key("never"), RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(
                            S3Exception.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch"));
        }
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket("sdk-bucket").key("never")))
                .isInstanceOf(S3Exception.class);
    }
}
