package io.cairn.proxy.s3api.op;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostPolicyTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private static PostPolicy policy(String conditions) {
        String json = "{\"expiration\": \"2026-12-07T13:00:00.000Z\", \"conditions\": [" + conditions + "]}";
        return PostPolicy.parse(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> fields(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static S3Exception errorOf(Runnable r) {
        try {
            r.run();
        } catch (S3Exception e) {
            return e;
        }
        throw new AssertionError("no S3Exception");
    }

    @Test
    void shouldAcceptAFormEveryFieldOfWhichAConditionNames() {
        PostPolicy p = policy("{\"bucket\": \"b\"}, [\"starts-with\", \"$key\", \"foo/\"],"
                + " {\"acl\": \"private\"}, [\"starts-with\", \"$Content-Type\", \"\"],"
                + " [\"content-length-range\", 1, \"1024\"]");
        p.check(
                fields(
                        "key",
                        "foo/${filename}",
                        "acl",
                        "private",
                        "content-type",
                        "text/plain",
                        "policy",
                        "x",
                        "AWSAccessKeyId",
                        "a",
                        "signature",
                        "s",
                        "x-ignore-me",
                        "1"),
                "b",
                NOW);
        PostPolicy.Condition range = p.range();
        assertThat(range).isNotNull();
        assertThat(range == null ? -1 : range.min()).isEqualTo(1);
        assertThat(range == null ? -1 : range.max()).isEqualTo(1024);
    }

    @Test
    void shouldDenyWithAwsMessagesWhenConditionsFail() {
        PostPolicy p = policy("{\"bucket\": \"b\"}, [\"eq\", \"$key\", \"foo.txt\"]");
        S3Exception cond = errorOf(() -> p.check(fields("key", "bar.txt"), "b", NOW));
        assertThat(cond.code()).isEqualTo(S3ErrorCode.AccessDenied);
        assertThat(cond.getMessage())
                .isEqualTo("Invalid according to Policy: Policy Condition failed: [\"eq\", \"$key\", \"foo.txt\"]");
        S3Exception bucket = errorOf(() -> p.check(fields("key", "foo.txt"), "other", NOW));
        assertThat(bucket.getMessage()).contains("Policy Condition failed: [\"eq\", \"$bucket\", \"b\"]");
        S3Exception extra = errorOf(() -> p.check(fields("key", "foo.txt", "x-amz-meta-a", "1"), "b", NOW));
        assertThat(extra.getMessage()).isEqualTo("Invalid according to Policy: Extra input fields: x-amz-meta-a");
        S3Exception expired =
                errorOf(() -> p.check(fields("key", "foo.txt"), "b", Instant.parse("2026-12-07T13:00:01Z")));
        assertThat(expired.code()).isEqualTo(S3ErrorCode.AccessDenied);
        assertThat(expired.getMessage()).isEqualTo("Invalid according to Policy: Policy expired.");
    }

    @Test
    void shouldTreatKeyCaseSensitivelyAsS3TestsExpect() {
        PostPolicy p = policy("[\"starts-with\", \"$KeY\", \"foo\"]");
        assertThat(errorOf(() -> p.check(fields("key", "foo.txt"), "b", NOW)).code())
                .isEqualTo(S3ErrorCode.AccessDenied);
    }

    @Test
    void shouldRefuseDocumentsThatAreNoPolicy() {
        assertThat(errorOf(() -> PostPolicy.parse("!!!")).code()).isEqualTo(S3ErrorCode.InvalidPolicyDocument);
        String noExpiry = Base64.getEncoder().encodeToString("{\"conditions\": []}".getBytes(StandardCharsets.UTF_8));
        assertThat(errorOf(() -> PostPolicy.parse(noExpiry)).getMessage())
                .isEqualTo("Invalid Policy: Policy missing expiration.");
        String noConditions = Base64.getEncoder()
                .encodeToString("{\"expiration\": \"2026-12-07T13:00:00Z\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(errorOf(() -> PostPolicy.parse(noConditions)).getMessage())
                .isEqualTo("Invalid Policy: Policy missing conditions.");
        assertThat(errorOf(() -> policy("[\"content-length-range\", -1, 0]")).code())
                .isEqualTo(S3ErrorCode.InvalidPolicyDocument);
        assertThat(errorOf(() -> policy("[\"matches\", \"$key\", \"x\"]")).code())
                .isEqualTo(S3ErrorCode.InvalidPolicyDocument);
    }
}
