package io.cairn.proxy.s3api.op;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class BucketPolicyTest {
    private static final String PUBLIC_READ = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"pub\","
            + "\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}";

    private static BucketPolicy parse(String json) {
        return BucketPolicy.parse(json.getBytes(StandardCharsets.UTF_8), "b");
    }

    private static String statement(String inner) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":{" + inner + "}}";
    }

    private static String errorOf(String json) {
        try {
            parse(json);
        } catch (S3Exception e) {
            assertThat(e.code()).isEqualTo(S3ErrorCode.MalformedPolicy);
            assertThat(e.code().status()).isEqualTo(400);
            return String.valueOf(e.getMessage());
        }
        throw new AssertionError("accepted: " + json);
    }

    private static BucketPolicy.Request anon(String action, String resource) {
        return new BucketPolicy.Request(null, null, action, resource, Map.of());
    }

    private static BucketPolicy.Request user(String who, String action, String resource, Map<String, String> keys) {
        String[] p = who.split(":", 2);
        return new BucketPolicy.Request(p[0], p[1], action, resource, keys);
    }

    @Test
    void shouldAllowAnonymousReadsOfObjectsUnderAPublicReadPolicyAndNothingElse() {
        BucketPolicy p = parse(PUBLIC_READ);
        assertThat(p.isPublic()).isTrue();
        assertThat(p.text()).isEqualTo(PUBLIC_READ);
        assertThat(p.evaluate(anon("s3:GetObject", "arn:aws:s3:::b/k/ü"))).isEqualTo(BucketPolicy.Outcome.ALLOW);
        assertThat(p.evaluate(anon("s3:PutObject", "arn:aws:s3:::b/k"))).isEqualTo(BucketPolicy.Outcome.NONE);
        assertThat(p.evaluate(anon("s3:ListBucket", "arn:aws:s3:::b"))).isEqualTo(BucketPolicy.Outcome.NONE);
        assertThat(p.evaluate(anon("s3:GetObject", "arn:aws:s3:::bb/k"))).isEqualTo(BucketPolicy.Outcome.NONE);
    }

    @Test
    void shouldLetAnExplicitDenyWinOverAnAllowForTheNamedUserOnly() {
        BucketPolicy p = parse("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::b\","
                + "\"arn:aws:s3:::b/*\"]},"
                + "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":[\"arn:aws:iam::test:user/tester2\"]},"
                + "\"Action\":[\"s3:Get*\",\"s3:ListBucket\"],\"Resource\":\"arn:aws:s3:::b/secret/*\"}]}");
        String secret = "arn:aws:s3:::b/secret/x";
        assertThat(p.evaluate(user("test:tester2", "s3:GetObject", secret, Map.of())))
                .isEqualTo(BucketPolicy.Outcome.DENY);
        assertThat(p.evaluate(user("test:tester2", "s3:GetObject", "arn:aws:s3:::b/open", Map.of())))
                .isEqualTo(BucketPolicy.Outcome.ALLOW);
        assertThat(p.evaluate(user("test:tester", "s3:GetObject", secret, Map.of())))
                .isEqualTo(BucketPolicy.Outcome.ALLOW);
        assertThat(p.evaluate(user("test:tester2", "s3:PutObject", secret, Map.of())))
                .isEqualTo(BucketPolicy.Outcome.ALLOW);
    }

    @Test
    void shouldMatchAccountPrincipalsCanonicalUsersAndNotPrincipal() {
        BucketPolicy account =
                parse(statement("\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::test:root\"},"
                        + "\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::b\""));
        assertThat(account.isPublic()).isFalse();
        assertThat(account.evaluate(user("test:tester3", "s3:ListBucket", "arn:aws:s3:::b", Map.of())))
                .isEqualTo(BucketPolicy.Outcome.ALLOW);
        assertThat(account.evaluate(user("test2:tester2", "s3:ListBucket", "arn:aws:s3:::b", Map.of())))
                .isEqualTo(BucketPolicy.Outcome.NONE);
        assertThat(account.evaluate(anon("s3:ListBucket", "arn:aws:s3:::b"))).isEqualTo(BucketPolicy.Outcome.NONE);
        BucketPolicy canonical =
                parse(statement("\"Effect\":\"Deny\",\"Principal\":{\"CanonicalUser\":\"test:tester3\"},"
                        + "\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b/*\""));
        assertThat(canonical.evaluate(user("test:tester3", "s3:DeleteObject", "arn:aws:s3:::b/k", Map.of())))
                .isEqualTo(BucketPolicy.Outcome.DENY);
        BucketPolicy notPrincipal = parse(statement("\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"test\"},"
                + "\"NotAction\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\""));
        assertThat(notPrincipal.evaluate(anon("s3:PutObject", "arn:aws:s3:::b/k")))
                .isEqualTo(BucketPolicy.Outcome.DENY);
        assertThat(notPrincipal.evaluate(anon("s3:GetObject", "arn:aws:s3:::b/k")))
                .isEqualTo(BucketPolicy.Outcome.NONE);
        assertThat(notPrincipal.evaluate(user("test:tester", "s3:PutObject", "arn:aws:s3:::b/k", Map.of())))
                .isEqualTo(BucketPolicy.Outcome.NONE);
    }

    @Test
    void shouldGrantOnlyWhenEveryConditionHolds() {
        BucketPolicy p = parse(statement("\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:ListBucket\","
                + "\"Resource\":\"arn:aws:s3:::b\",\"Condition\":{\"StringLike\":{\"s3:prefix\":[\"public/*\",\"\"]},"
                + "\"IpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\",\"::1/128\"]},"
                + "\"NumericLessThanEquals\":{\"s3:max-keys\":\"100\"},"
                + "\"DateLessThan\":{\"aws:CurrentTime\":\"2030-01-01T00:00:00Z\"}}"));
        String b = "arn:aws:s3:::b";
        Map<String, String> ok = Map.of(
                "s3:prefix",
                "public/x",
                "aws:sourceip",
                "10.1.2.3",
                "s3:max-keys",
                "100",
                "aws:currenttime",
                "2026-12-08T00:00:00Z");
        assertThat(p.evaluate(user("test:tester3", "s3:ListBucket", b, ok))).isEqualTo(BucketPolicy.Outcome.ALLOW);
        assertThat(p.evaluate(user("test:tester3", "s3:ListBucket", b, with(ok, "aws:sourceip", "::1"))))
                .isEqualTo(BucketPolicy.Outcome.ALLOW);
        // each condition not met: no grant
        assertThat(p.evaluate(user("test:tester3", "s3:ListBucket", b, with(ok, "s3:prefix", "private/x"))))
                .isEqualTo(BucketPolicy.Outcome.NONE);
        assertThat(p.evaluate(user("test:tester3", "s3:ListBucket", b, with(ok, "aws:sourceip", "192.168.0.1"))))
                .isEqualTo(BucketPolicy.Outcome.NONE);
        assertThat(p.evaluate(user("test:tester3", "s3:ListBucket", b, with(ok, "s3:max-keys", "1000"))))
                .isEqualTo(BucketPolicy.Outcome.NONE);
        assertThat(p.evaluate(
                        user("test:tester3", "s3:ListBucket", b, with(ok, "aws:currenttime", "2031-01-01T00:00:00Z"))))
                .isEqualTo(BucketPolicy.Outcome.NONE);
        Map<String, String> noPrefix = new java.util.HashMap<>(ok);
        noPrefix.remove("s3:prefix");
        assertThat(p.evaluate(user("test:tester3", "s3:ListBucket", b, noPrefix)))
                .isEqualTo(BucketPolicy.Outcome.NONE);
        // a fixed source address makes a wildcard principal not public
        assertThat(p.isPublic()).isFalse();
    }

    @Test
    void shouldDenyInsecureTransportAndTreatNegatedOperatorsOnAbsentKeysAsMet() {
        BucketPolicy p = parse("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b/*\","
                + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}},"
                + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::b/*\","
                + "\"Condition\":{\"StringNotEquals\":{\"s3:x-amz-acl\":\"private\"}}},"
                + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\","
                + "\"Condition\":{\"StringNotLikeIfExists\":{\"aws:Referer\":\"http://good.example/*\"}}}]}");
        String k = "arn:aws:s3:::b/k";
        assertThat(p.evaluate(user("test:tester", "s3:DeleteObject", k, Map.of("aws:securetransport", "false"))))
                .isEqualTo(BucketPolicy.Outcome.DENY);
        assertThat(p.evaluate(user("test:tester", "s3:DeleteObject", k, Map.of("aws:securetransport", "true"))))
                .isEqualTo(BucketPolicy.Outcome.NONE);
        Map<String, String> tls = Map.of("aws:securetransport", "true");
        assertThat(p.evaluate(user("test:tester", "s3:PutObject", k, tls))).isEqualTo(BucketPolicy.Outcome.DENY);
        assertThat(p.evaluate(user("test:tester", "s3:PutObject", k, with(tls, "s3:x-amz-acl", "private"))))
                .isEqualTo(BucketPolicy.Outcome.NONE);
        // IfExists: an absent key meets the condition (as a negated operator on an absent key does)
        assertThat(p.evaluate(user("test:tester", "s3:GetObject", k, tls))).isEqualTo(BucketPolicy.Outcome.DENY);
        assertThat(p.evaluate(
                        user("test:tester", "s3:GetObject", k, with(tls, "aws:referer", "http://good.example/a"))))
                .isEqualTo(BucketPolicy.Outcome.NONE);
        assertThat(p.evaluate(user("test:tester", "s3:GetObject", k, with(tls, "aws:referer", "http://bad.example/"))))
                .isEqualTo(BucketPolicy.Outcome.DENY);
        assertThat(p.isPublic()).isFalse();
    }

    @Test
    void shouldRefuseMalformedPoliciesWithAwsMessages() {
        assertThat(errorOf("not json")).isEqualTo("Policies must be valid JSON and the first byte must be '{'");
        assertThat(errorOf("{\"Statement\": ["))
                .isEqualTo("Policies must be valid JSON and the first byte must be '{'");
        assertThat(errorOf("{\"Version\":\"2012-10-17\"}")).isEqualTo("Missing required field Statement");
        assertThat(errorOf("{\"Version\":\"2020-01-01\",\"Statement\":[]}"))
                .isEqualTo("The policy must contain a valid version string");
        String ok =
                "\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"";
        assertThat(parse(statement(ok)).isPublic()).isTrue();
        assertThat(parse("{\"Version\":\"2008-10-17\",\"Statement\":[{" + ok + "}]}")
                        .isPublic())
                .isTrue();
        assertThat(errorOf(statement(ok.replace("s3:GetObject", "s3:GetObjekt"))))
                .isEqualTo("Policy has invalid action");
        assertThat(errorOf(statement(ok.replace("s3:GetObject", "ec2:RunInstances"))))
                .isEqualTo("Policy has invalid action");
        assertThat(errorOf(statement(ok.replace("s3:GetObject", "s3:Frob*")))).isEqualTo("Policy has invalid action");
        assertThat(errorOf(statement(ok.replace("arn:aws:s3:::b/*", "arn:aws:s3:::other/*"))))
                .isEqualTo("Policy has invalid resource");
        assertThat(errorOf(statement(ok.replace("arn:aws:s3:::b/*", "b/*")))).isEqualTo("Policy has invalid resource");
        assertThat(errorOf(statement(ok.replace("arn:aws:s3:::b/*", "arn:aws:s3:::b"))))
                .isEqualTo("Action does not apply to any resource(s) in statement");
        assertThat(errorOf(statement(ok.replace("\"Principal\":\"*\"", "\"Principal\":{\"AWS\":\"arn:aws:iam::x\"}"))))
                .isEqualTo("Invalid principal in policy");
        assertThat(errorOf(statement(ok.replace("\"Principal\":\"*\",", ""))))
                .isEqualTo("Missing required field Principal");
        assertThat(errorOf(statement(ok.replace("Allow", "Permit")))).isEqualTo("Invalid effect: Permit");
        assertThat(errorOf(statement(ok + ",\"Condition\":{\"StringEquals\":{\"aws:Nonsense\":\"x\"}}")))
                .isEqualTo("Policy has an invalid condition key");
        assertThat(errorOf(statement(ok + ",\"Condition\":{\"StringSortOf\":{\"aws:UserAgent\":\"x\"}}")))
                .isEqualTo("Invalid Condition type : StringSortOf");
        assertThat(errorOf(statement(ok + ",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"300.1.1.1/8\"}}")))
                .isEqualTo("Invalid IP address: 300.1.1.1/8");
        assertThat(errorOf(statement(ok + ",\"Extra\":1"))).isEqualTo("Unknown field Extra");
        // bucket-name wildcards that cover the bucket are fine
        assertThat(parse(statement(ok.replace("arn:aws:s3:::b/*", "arn:aws:s3:::*")))
                        .isPublic())
                .isTrue();
    }

    @Test
    void shouldRefusePoliciesOver20KiB() {
        String big = statement("\"Sid\":\"" + "x".repeat(20 * 1024) + "\",\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"");
        assertThat(errorOf(big)).isEqualTo("Policies must not exceed 20480 bytes");
    }

    @Test
    void shouldKeepThePolicyInSysmetaPartsAsGiven() {
        HttpHeaders h = new DefaultHttpHeaders();
        assertThat(StoredDocument.put(BucketPolicy.SYSMETA, PUBLIC_READ, h)).isTrue();
        assertThat(h.get("X-Container-Sysmeta-S3Api-Policy-0")).isNotEmpty();
        assertThat(h.get("X-Container-Sysmeta-S3Api-Policy-15")).isEmpty();
        String stored = StoredDocument.get(BucketPolicy.SYSMETA, h);
        assertThat(stored).isEqualTo(PUBLIC_READ);
        assertThat(BucketPolicy.fromStored(stored, "b")).isNotNull();
        assertThat(BucketPolicy.fromStored(null, "b")).isNull();
    }

    @Test
    void shouldMatchIamWildcards() {
        assertThat(BucketPolicy.wildcard("s3:get*", "s3:getobject", true)).isTrue();
        assertThat(BucketPolicy.wildcard("s3:Get*", "s3:getobject", false)).isTrue();
        assertThat(BucketPolicy.wildcard("s3:Get*", "s3:getobject", true)).isFalse();
        assertThat(BucketPolicy.wildcard("arn:aws:s3:::b/a?c/*", "arn:aws:s3:::b/abc/d/e", true))
                .isTrue();
        assertThat(BucketPolicy.wildcard("arn:aws:s3:::b/a?c/*", "arn:aws:s3:::b/ac/d", true))
                .isFalse();
    }

    @Test
    void shouldReadAndWritePublicAccessBlocks() {
        PublicAccessBlock b =
                PublicAccessBlock.fromXml(("<PublicAccessBlockConfiguration xmlns=\"http://s3.amazonaws.com"
                                + "/doc/2006-03-01/\"><BlockPublicAcls>true</BlockPublicAcls><BlockPublicPolicy>TRUE"
                                + "</BlockPublicPolicy></PublicAccessBlockConfiguration>")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(b).isEqualTo(new PublicAccessBlock(true, false, true, false));
        assertThat(PublicAccessBlock.fromStored(b.toStored())).isEqualTo(b);
        assertThat(b.toXml())
                .contains("<BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>false</IgnorePublicAcls>");
        assertThat(PublicAccessBlock.fromStored("")).isNull();
        for (String bad : new String[] {
            "<PublicAccessBlockConfiguration><BlockPublicAcls>yes</BlockPublicAcls></PublicAccessBlockConfiguration>",
            "<PublicAccessBlockConfiguration><Other>true</Other></PublicAccessBlockConfiguration>",
            "<Other/>"
        }) {
            try {
                PublicAccessBlock.fromXml(bad.getBytes(StandardCharsets.UTF_8));
                throw new AssertionError("accepted " + bad);
            } catch (S3Exception e) {
                assertThat(e.code()).isEqualTo(S3ErrorCode.MalformedXML);
            }
        }
    }

    @Test
    void shouldStripPublicEntriesFromContainerAcls() {
        assertThat(BucketAccess.withoutPublic(".r:*,.rlistings")).isNull();
        assertThat(BucketAccess.withoutPublic(".r:*,test:tester3,.rlistings")).isEqualTo("test:tester3");
        assertThat(BucketAccess.withoutPublic(null)).isNull();
    }

    private static io.cairn.proxy.s3api.S3Request s3(
            String method, @Nullable String key, String query, String... headers) {
        HttpHeaders h = new DefaultHttpHeaders();
        for (int i = 0; i < headers.length; i += 2) {
            h.add(headers[i], headers[i + 1]);
        }
        return new io.cairn.proxy.s3api.S3Request(
                method,
                "b",
                key,
                io.cairn.proxy.s3api.auth.S3Query.parse(query),
                io.cairn.proxy.s3api.auth.S3Auth.anonymous(),
                "AUTH_test",
                "",
                "/b",
                h);
    }

    @Test
    void shouldMapEachOperationToItsAction() {
        assertThat(BucketAccess.actionOf(s3("GET", "k", ""))).isEqualTo("s3:GetObject");
        assertThat(BucketAccess.actionOf(s3("HEAD", "k", "versionId=1"))).isEqualTo("s3:GetObjectVersion");
        assertThat(BucketAccess.actionOf(s3("PUT", "k", ""))).isEqualTo("s3:PutObject");
        assertThat(BucketAccess.actionOf(s3("PUT", "k", "partNumber=1&uploadId=x")))
                .isEqualTo("s3:PutObject");
        assertThat(BucketAccess.actionOf(s3("DELETE", "k", "uploadId=x"))).isEqualTo("s3:AbortMultipartUpload");
        assertThat(BucketAccess.actionOf(s3("DELETE", "k", ""))).isEqualTo("s3:DeleteObject");
        assertThat(BucketAccess.actionOf(s3("GET", "k", "tagging"))).isEqualTo("s3:GetObjectTagging");
        assertThat(BucketAccess.actionOf(s3("GET", null, ""))).isEqualTo("s3:ListBucket");
        assertThat(BucketAccess.actionOf(s3("GET", null, "versions"))).isEqualTo("s3:ListBucketVersions");
        assertThat(BucketAccess.actionOf(s3("GET", null, "acl"))).isEqualTo("s3:GetBucketAcl");
        assertThat(BucketAccess.actionOf(s3("PUT", null, "policy"))).isEqualTo("s3:PutBucketPolicy");
        assertThat(BucketAccess.actionOf(s3("DELETE", null, "policy"))).isEqualTo("s3:DeleteBucketPolicy");
        assertThat(BucketAccess.actionOf(s3("DELETE", null, "cors"))).isEqualTo("s3:PutBucketCORS");
        assertThat(BucketAccess.actionOf(s3("GET", null, "publicAccessBlock")))
                .isEqualTo("s3:GetBucketPublicAccessBlock");
        assertThat(BucketAccess.actionOf(s3("DELETE", null, ""))).isEqualTo("s3:DeleteBucket");
        assertThat(BucketAccess.actionOf(s3("OPTIONS", "k", ""))).isNull();
    }

    @Test
    void shouldRecognisePublicAclsOnWrites() {
        assertThat(BucketAccess.setsPublicAcl(s3("PUT", "k", "", "x-amz-acl", "public-read")))
                .isTrue();
        assertThat(BucketAccess.setsPublicAcl(s3("PUT", null, "acl", "x-amz-acl", "authenticated-read")))
                .isTrue();
        assertThat(BucketAccess.setsPublicAcl(s3(
                        "PUT", "k", "", "x-amz-grant-read", "uri=\"http://acs.amazonaws.com/groups/global/AllUsers\"")))
                .isTrue();
        assertThat(BucketAccess.setsPublicAcl(s3("PUT", "k", "", "x-amz-acl", "private")))
                .isFalse();
        assertThat(BucketAccess.setsPublicAcl(s3("GET", "k", "", "x-amz-acl", "public-read")))
                .isFalse();
    }

    private static Map<String, String> with(Map<String, String> m, String k, String v) {
        Map<String, String> out = new java.util.HashMap<>(m);
        out.put(k, v);
        return out;
    }
}
