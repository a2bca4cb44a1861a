package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The S3 bucket configurations and browser features of {@code cairn saio} driven by real clients: CORS
 * configurations with boto3 and preflights and actual cross-origin requests with {@code requests} (signed and
 * anonymous, under {@code cairn_anonymous_account}), browser form uploads from boto3's {@code
 * generate_presigned_post} and hand-made SigV2 policies, lifecycle configurations with the expiry they give new
 * objects, and bucket policies and public access blocks ({@code aws s3api} and boto3; anonymous reads a public
 * policy allows, a Deny for another user of the account, named and conditional grants, blocked public policies and
 * ACLs).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class S3BrowserIT {
    private SaioHarness saio;
    private S3Clients s3;
    private Path work;

    @BeforeAll
    void startSaio(@TempDir Path dataDir, @TempDir Path work) throws Exception {
        // unsigned requests are S3 only with cairn_anonymous_account (cairn saio leaves them to Swift, as s3api does)
        saio = SaioHarness.startWithDaemons(
                dataDir,
                Map.of(),
                NodeDaemons.none(),
                Map.of("filter:s3api", Map.of("cairn_anonymous_account", "AUTH_test")));
        s3 = new S3Clients(saio.port(), "test:tester", "testing", work);
        this.work = work;
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
    void shouldKeepCorsRulesAndAnswerPreflightsAndActualRequestsWithBoto3() throws Exception {
        String script = String.join(
                "\n",
                "import requests",
                "b = 'cors-bucket'",
                "s3.create_bucket(Bucket=b, ACL='public-read')",
                "def code(call):",
                "    try:",
                "        call()",
                "        return 'OK'",
                "    except botocore.exceptions.ClientError as e:",
                "        return e.response['Error']['Code'] + ' ' + e.response['Error']['Message']",
                "print('ABSENT', code(lambda: s3.get_bucket_cors(Bucket=b)))",
                "url = s3.meta.endpoint_url + '/' + b",
                "def cors(r):",
                "    return (r.status_code, r.headers.get('Access-Control-Allow-Origin'),",
                "            r.headers.get('Access-Control-Allow-Methods'))",
                "print('NOCONFIG', requests.options(url + '/k', headers={'Origin': 'a.suffix',",
                "      'Access-Control-Request-Method': 'GET'}).status_code)",
                "s3.put_bucket_cors(Bucket=b, CORSConfiguration={'CORSRules': [",
                "    {'AllowedMethods': ['GET'], 'AllowedOrigins': ['*suffix']},",
                "    {'ID': 'uploads ü', 'AllowedMethods': ['PUT', 'POST'], 'AllowedOrigins': ['http://*.example'],",
                "     'AllowedHeaders': ['x-amz-*', 'content-type'], 'ExposeHeaders': ['ETag'], 'MaxAgeSeconds': 300}]})",
                "rules = s3.get_bucket_cors(Bucket=b)['CORSRules']",
                "print('RULES', len(rules), rules[1]['ID'], rules[1]['AllowedHeaders'], rules[1]['MaxAgeSeconds'])",
                "print('PREFLIGHT', cors(requests.options(url + '/ключ', headers={'Origin': 'foo.suffix',",
                "      'Access-Control-Request-Method': 'GET'})))",
                "r = requests.options(url + '/k', headers={'Origin': 'http://www.example',",
                "      'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'X-Amz-Meta-A, Content-Type'})",
                "print('HEADERS', cors(r), r.headers.get('Access-Control-Allow-Headers'),",
                "      r.headers.get('Access-Control-Max-Age'), r.headers.get('Access-Control-Expose-Headers'))",
                "print('DENIED', requests.options(url + '/k', headers={'Origin': 'http://www.example',",
                "      'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'x-other'}).status_code)",
                "print('WRONGMETHOD', requests.options(url, headers={'Origin': 'foo.suffix',",
                "      'Access-Control-Request-Method': 'DELETE'}).status_code)",
                "print('NOMETHOD', requests.options(url, headers={'Origin': 'foo.suffix'}).status_code)",
                "print('NOORIGIN', requests.options(url, headers={'Access-Control-Request-Method': 'GET'}).status_code)",
                "s3.put_object(Bucket=b, Key='k', Body=b'x')",
                "signed = s3.generate_presigned_url('get_object', Params={'Bucket': b, 'Key': 'k'})",
                "print('ACTUAL', cors(requests.get(signed, headers={'Origin': 'foo.suffix'})))",
                "print('NOMATCH', cors(requests.get(signed, headers={'Origin': 'bar'})))",
                "print('ANONLIST', cors(requests.get(url, headers={'Origin': 'foo.suffix'})))",
                "print('ANONMISSING', cors(requests.get(url + '/missing', headers={'Origin': 'foo.suffix'})))",
                "print('BADMETHOD', code(lambda: s3.put_bucket_cors(Bucket=b, CORSConfiguration={'CORSRules': [",
                "    {'AllowedMethods': ['PATCH'], 'AllowedOrigins': ['*']}]})))",
                "print('TWOSTARS', code(lambda: s3.put_bucket_cors(Bucket=b, CORSConfiguration={'CORSRules': [",
                "    {'AllowedMethods': ['GET'], 'AllowedOrigins': ['*.a.*']}]})))",
                "print('TOOMANY', code(lambda: s3.put_bucket_cors(Bucket=b, CORSConfiguration={'CORSRules': [",
                "    {'AllowedMethods': ['GET'], 'AllowedOrigins': ['*']}] * 101})))",
                "print('KEPT', len(s3.get_bucket_cors(Bucket=b)['CORSRules']))",
                "s3.delete_bucket_cors(Bucket=b)",
                "print('DELETED', code(lambda: s3.get_bucket_cors(Bucket=b)))",
                "print('AFTER', requests.options(url, headers={'Origin': 'foo.suffix',",
                "      'Access-Control-Request-Method': 'GET'}).status_code)",
                "print('SWIFT', requests.options(s3.meta.endpoint_url + '/v1/AUTH_test/' + b, headers={",
                "      'Origin': 'foo.suffix', 'Access-Control-Request-Method': 'GET'}).status_code)",
                "s3.delete_object(Bucket=b, Key='k')",
                "s3.delete_bucket(Bucket=b)");
        String out = ok(s3.boto3(script), "boto3 cors").out();
        assertThat(out.lines().toList())
                .containsExactly(
                        "ABSENT NoSuchCORSConfiguration The CORS configuration does not exist",
                        "NOCONFIG 403",
                        "RULES 2 uploads ü ['x-amz-*', 'content-type'] 300",
                        "PREFLIGHT (200, 'foo.suffix', 'GET')",
                        "HEADERS (200, 'http://www.example', 'PUT, POST') x-amz-meta-a, content-type 300 ETag",
                        "DENIED 403",
                        "WRONGMETHOD 403",
                        "NOMETHOD 400",
                        "NOORIGIN 400",
                        "ACTUAL (200, 'foo.suffix', 'GET')",
                        "NOMATCH (200, None, None)",
                        "ANONLIST (200, 'foo.suffix', 'GET')",
                        "ANONMISSING (404, 'foo.suffix', 'GET')",
                        "BADMETHOD InvalidRequest Found unsupported HTTP method in CORS config. Unsupported method is"
                                + " PATCH",
                        "TWOSTARS InvalidRequest AllowedOrigin \"*.a.*\" can not have more than one wildcard.",
                        "TOOMANY MalformedXML The XML you provided was not well-formed or did not validate against our"
                                + " published schema",
                        "KEPT 2",
                        "DELETED NoSuchCORSConfiguration The CORS configuration does not exist",
                        "AFTER 403",
                        "SWIFT 401");
    }

    @Test
    void shouldStoreBrowserFormUploadsFromPresignedPostsWithBoto3() throws Exception {
        String script = String.join(
                "\n",
                "import requests, base64, hmac, hashlib, json, datetime",
                "b = 'post-bucket'",
                "s3.create_bucket(Bucket=b)",
                "post = s3.generate_presigned_post(b, 'формы/${filename}', Fields={'Content-Type': 'text/plain',",
                "    'x-amz-meta-who': 'me'}, Conditions=[{'Content-Type': 'text/plain'}, {'x-amz-meta-who': 'me'},",
                "    ['content-length-range', 1, 100]])",
                "r = requests.post(post['url'], data=post['fields'], files={'file': ('fïle.txt', b'hello form')})",
                "print('POST', r.status_code, r.headers.get('ETag'))",
                "o = s3.get_object(Bucket=b, Key='формы/fïle.txt')",
                "print('GOT', o['Body'].read(), o['ContentType'], o['Metadata'])",
                "r = requests.post(post['url'], data=post['fields'], files={'file': ('big.txt', b'x' * 101)})",
                "print('BIG', r.status_code, b'<Code>EntityTooLarge</Code>' in r.content)",
                "r = requests.post(post['url'], data=post['fields'], files={'file': ('empty.txt', b'')})",
                "print('SMALL', r.status_code, b'<Code>EntityTooSmall</Code>' in r.content)",
                "keys = [o['Key'] for o in s3.list_objects_v2(Bucket=b).get('Contents', [])]",
                "print('KEYS', keys)",
                "extra = dict(post['fields'], success_action_status='201')",
                "r = requests.post(post['url'], data=extra, files={'file': ('a.txt', b'abc')})",
                "print('EXTRA', r.status_code, b'Extra input fields: success_action_status' in r.content)",
                "exp = (datetime.datetime.utcnow() + datetime.timedelta(minutes=5)).strftime('%Y-%m-%dT%H:%M:%SZ')",
                "def v2(conditions, expiration=exp):",
                "    p = base64.b64encode(json.dumps({'expiration': expiration, 'conditions': conditions}).encode())",
                "    return p.decode(), base64.b64encode(hmac.new(b'testing', p, hashlib.sha1).digest()).decode()",
                "pol, sig = v2([{'bucket': b}, ['starts-with', '$key', 'v2/'], {'success_action_status': '201'}])",
                "form = {'key': 'v2/a.txt', 'AWSAccessKeyId': 'test:tester', 'policy': pol, 'signature': sig,",
                "        'success_action_status': '201'}",
                "r = requests.post(post['url'], data=form, files={'file': ('x', b'v2 body')})",
                "print('V2', r.status_code, b'<Key>v2/a.txt</Key>' in r.content, s3.get_object(Bucket=b,",
                "      Key='v2/a.txt')['Body'].read())",
                "r = requests.post(post['url'], data=dict(form, signature='AAAA'), files={'file': ('x', b'v2')})",
                "print('BADSIG', r.status_code, b'SignatureDoesNotMatch' in r.content)",
                "r = requests.post(post['url'], data=dict(form, key='other/a.txt'), files={'file': ('x', b'v2')})",
                "print('CONDITION', r.status_code, r.text.split('<Message>')[1].split('</Message>')[0])",
                "old, oldsig = v2([{'bucket': b}, ['starts-with', '$key', '']], '2020-01-01T00:00:00Z')",
                "r = requests.post(post['url'], data={'key': 'x', 'AWSAccessKeyId': 'test:tester', 'policy': old,",
                "      'signature': oldsig}, files={'file': ('x', b'v2')})",
                "print('EXPIRED', r.status_code, r.text.split('<Message>')[1].split('</Message>')[0])",
                "r = requests.post(post['url'], data={'key': 'anon.txt'}, files={'file': ('x', b'anon')})",
                "print('ANON', r.status_code, b'AccessDenied' in r.content)",
                "redirect = s3.generate_presigned_post(b, 'r.txt', Fields={'success_action_redirect': 'http://e.example/done'},",
                "    Conditions=[{'success_action_redirect': 'http://e.example/done'}])",
                "r = requests.post(redirect['url'], data=redirect['fields'], files={'file': ('x', b'r')},",
                "      allow_redirects=False)",
                "print('REDIRECT', r.status_code, r.headers['Location'].split('&etag=')[0])",
                "for k in ['формы/fïle.txt', 'v2/a.txt', 'r.txt']:",
                "    s3.delete_object(Bucket=b, Key=k)",
                "s3.delete_bucket(Bucket=b)");
        String out = ok(s3.boto3(script), "boto3 post").out();
        assertThat(out.lines().toList())
                .containsExactly(
                        "POST 204 \"" + md5Hex("hello form") + "\"",
                        "GOT b'hello form' text/plain {'who': 'me'}",
                        "BIG 400 True",
                        "SMALL 400 True",
                        "KEYS ['формы/fïle.txt']",
                        "EXTRA 403 True",
                        "V2 201 True b'v2 body'",
                        "BADSIG 403 True",
                        "CONDITION 403 Invalid according to Policy: Policy Condition failed: [\"starts-with\","
                                + " \"$key\", \"v2/\"]",
                        "EXPIRED 403 Invalid according to Policy: Policy expired.",
                        "ANON 403 True",
                        "REDIRECT 303 http://e.example/done?bucket=post-bucket&key=r.txt");
    }

    @Test
    void shouldEnforceBucketPoliciesWithAwsCliAndBoto3() throws Exception {
        String b = "policy-bucket";
        ok(s3.aws("s3api", "create-bucket", "--bucket", b), "create-bucket");
        Path body = Files.writeString(work.resolve("policy-doc.txt"), "public body");
        ok(s3.aws("s3api", "put-object", "--bucket", b, "--key", "doc.txt", "--body", body.toString()), "put-object");
        SwiftCli.Result none = s3.aws("s3api", "get-bucket-policy", "--bucket", b);
        assertThat(none.exitCode()).isNotZero();
        assertThat(none.err()).contains("NoSuchBucketPolicy");

        String publicRead = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"PublicRead\",\"Effect\":\"Allow\","
                + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + b + "/*\"}]}";
        ok(s3.aws("s3api", "put-bucket-policy", "--bucket", b, "--policy", publicRead), "put-bucket-policy");
        assertThat(ok(
                                s3.aws(
                                        "s3api",
                                        "get-bucket-policy",
                                        "--bucket",
                                        b,
                                        "--query",
                                        "Policy",
                                        "--output",
                                        "text"),
                                "get-bucket-policy")
                        .out()
                        .strip())
                .isEqualTo(publicRead);
        assertThat(ok(
                                s3.aws(
                                        "s3api",
                                        "get-bucket-policy-status",
                                        "--bucket",
                                        b,
                                        "--query",
                                        "PolicyStatus.IsPublic"),
                                "get-bucket-policy-status")
                        .out()
                        .strip())
                .isEqualTo("true");

        String script = policyScript();
        assertThat(ok(s3.boto3(script, b), "boto3 policies").out().lines().toList())
                .containsExactly(
                        "ANON 200 b'public body'",
                        "ANONLIST 403 ANONPUT 403",
                        "TESTER3 OK AccessDenied Access Denied.",
                        "BADACTION MalformedPolicy Policy has invalid action",
                        "OUTSIDE MalformedPolicy Policy has invalid resource",
                        "NOTJSON MalformedPolicy Policies must be valid JSON and the first byte must be '{'",
                        "DENY AccessDenied Access Denied. AccessDenied Access Denied. OK 200",
                        "NAMED OK OK AccessDenied Access Denied.",
                        "REFERER 403 200 True",
                        "ACLDENY 200 403 AccessDenied Access Denied. False",
                        "PUBLIC 200");

        ok(s3.aws("s3api", "delete-bucket-policy", "--bucket", b), "delete-bucket-policy");
        assertThat(anonymousGet(b + "/doc.txt")).isEqualTo(403);
        assertThat(s3.aws("s3api", "get-bucket-policy", "--bucket", b).err()).contains("NoSuchBucketPolicy");

        ok(s3.aws("s3", "rb", "--force", "s3://" + b), "rb");
    }

    @Test
    void shouldBlockPublicPoliciesAndAclsWithPublicAccessBlocksWithAwsCli() throws Exception {
        String b = "pab-bucket";
        ok(s3.aws("s3api", "create-bucket", "--bucket", b), "create-bucket");
        Path body = Files.writeString(work.resolve("pab-doc.txt"), "public body");
        ok(s3.aws("s3api", "put-object", "--bucket", b, "--key", "doc.txt", "--body", body.toString()), "put-object");
        String publicRead = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + b + "/*\"}]}";
        assertThat(s3.aws("s3api", "get-public-access-block", "--bucket", b).err())
                .contains("NoSuchPublicAccessBlockConfiguration");
        ok(
                s3.aws(
                        "s3api",
                        "put-public-access-block",
                        "--bucket",
                        b,
                        "--public-access-block-configuration",
                        "BlockPublicAcls=true,IgnorePublicAcls=false,BlockPublicPolicy=true,RestrictPublicBuckets=false"),
                "put-public-access-block");
        assertThat(ok(
                                s3.aws(
                                        "s3api",
                                        "get-public-access-block",
                                        "--bucket",
                                        b,
                                        "--query",
                                        "PublicAccessBlockConfiguration.[BlockPublicAcls,IgnorePublicAcls,BlockPublicPolicy,"
                                                + "RestrictPublicBuckets]",
                                        "--output",
                                        "text"),
                                "get-public-access-block")
                        .out()
                        .strip())
                .isEqualTo("True\tFalse\tTrue\tFalse");
        SwiftCli.Result blocked = s3.aws("s3api", "put-bucket-policy", "--bucket", b, "--policy", publicRead);
        assertThat(blocked.exitCode()).isNotZero();
        assertThat(blocked.err()).contains("AccessDenied");
        assertThat(s3.aws("s3api", "get-bucket-policy", "--bucket", b).err()).contains("NoSuchBucketPolicy");
        SwiftCli.Result acl = s3.aws("s3api", "put-bucket-acl", "--bucket", b, "--acl", "public-read");
        assertThat(acl.exitCode()).isNotZero();
        assertThat(acl.err()).contains("AccessDenied");
        SwiftCli.Result publicObject = s3.aws(
                "s3api",
                "put-object",
                "--bucket",
                b,
                "--key",
                "p.txt",
                "--body",
                body.toString(),
                "--acl",
                "public-read");
        assertThat(publicObject.err()).contains("AccessDenied");
        // a policy for a named user is not public
        ok(
                s3.aws(
                        "s3api",
                        "put-bucket-policy",
                        "--bucket",
                        b,
                        "--policy",
                        publicRead.replace("\"*\"", "{\"AWS\":\"arn:aws:iam::test:user/tester3\"}")),
                "named policy under BlockPublicPolicy");

        // RestrictPublicBuckets: a public policy gives anonymous callers nothing; IgnorePublicAcls: nor do public ACLs
        ok(
                s3.aws(
                        "s3api",
                        "put-public-access-block",
                        "--bucket",
                        b,
                        "--public-access-block-configuration",
                        "RestrictPublicBuckets=true"),
                "restrict");
        ok(s3.aws("s3api", "put-bucket-policy", "--bucket", b, "--policy", publicRead), "public policy");
        assertThat(anonymousGet(b + "/doc.txt")).isEqualTo(403);
        ok(s3.aws("s3api", "delete-bucket-policy", "--bucket", b), "delete policy");
        ok(s3.aws("s3api", "put-bucket-acl", "--bucket", b, "--acl", "public-read"), "public-read acl");
        assertThat(anonymousGet(b + "/doc.txt")).isEqualTo(200);
        ok(
                s3.aws(
                        "s3api",
                        "put-public-access-block",
                        "--bucket",
                        b,
                        "--public-access-block-configuration",
                        "IgnorePublicAcls=true"),
                "ignore");
        assertThat(anonymousGet(b + "/doc.txt")).isEqualTo(403);
        ok(s3.aws("s3api", "delete-public-access-block", "--bucket", b), "delete-public-access-block");
        assertThat(anonymousGet(b + "/doc.txt")).isEqualTo(200);
        assertThat(s3.aws("s3api", "get-public-access-block", "--bucket", b).err())
                .contains("NoSuchPublicAccessBlockConfiguration");
        ok(s3.aws("s3", "rb", "--force", "s3://" + b), "rb");
    }

    /** The boto3 half of the bucket policy test: anonymous, denied, named and conditional access. */
    private static String policyScript() {
        return String.join(
                "\n",
                "import requests, json",
                "b = sys.argv[1]",
                "url = s3.meta.endpoint_url + '/' + b",
                "def client(key, secret):",
                "    return boto3.client('s3', endpoint_url=s3.meta.endpoint_url, aws_access_key_id=key,",
                "        aws_secret_access_key=secret, region_name='us-east-1',",
                "        config=Config(s3={'addressing_style': 'path'}, retries={'max_attempts': 1}))",
                "tester2 = client('test:tester2', 'testing2')",
                "tester3 = client('test:tester3', 'testing3')",
                "def code(call):",
                "    try:",
                "        call()",
                "        return 'OK'",
                "    except botocore.exceptions.ClientError as e:",
                "        return e.response['Error']['Code'] + ' ' + e.response['Error']['Message']",
                "def policy(*statements):",
                "    return json.dumps({'Version': '2012-10-17', 'Statement': list(statements)})",
                "def get(c, k='doc.txt'):",
                "    return code(lambda: c.get_object(Bucket=b, Key=k)['Body'].read())",
                "r = requests.get(url + '/doc.txt')",
                "print('ANON', r.status_code, r.content)",
                "print('ANONLIST', requests.get(url).status_code, 'ANONPUT', requests.put(url + '/x', data=b'x').status_code)",
                "print('TESTER3', get(tester3), code(lambda: tester3.get_bucket_policy(Bucket=b)))",
                "print('BADACTION', code(lambda: s3.put_bucket_policy(Bucket=b, Policy=policy({'Effect': 'Allow',",
                "    'Principal': '*', 'Action': 's3:GetObjekt', 'Resource': 'arn:aws:s3:::' + b + '/*'}))))",
                "print('OUTSIDE', code(lambda: s3.put_bucket_policy(Bucket=b, Policy=policy({'Effect': 'Allow',",
                "    'Principal': '*', 'Action': 's3:GetObject', 'Resource': 'arn:aws:s3:::other/*'}))))",
                "print('NOTJSON', code(lambda: s3.put_bucket_policy(Bucket=b, Policy='Version: 1')))",
                "deny = {'Effect': 'Deny', 'Principal': {'AWS': 'arn:aws:iam::test:user/tester2'}, 'Action': 's3:*',",
                "    'Resource': ['arn:aws:s3:::' + b, 'arn:aws:s3:::' + b + '/*']}",
                "s3.put_bucket_policy(Bucket=b, Policy=policy({'Effect': 'Allow', 'Principal': '*', 'Action': 's3:GetObject',",
                "    'Resource': 'arn:aws:s3:::' + b + '/*'}, deny))",
                "print('DENY', get(tester2), code(lambda: tester2.list_objects(Bucket=b)), get(s3),",
                "      requests.get(url + '/doc.txt').status_code)",
                "s3.put_bucket_policy(Bucket=b, Policy=policy({'Effect': 'Allow', 'Principal': {'AWS':",
                "    'arn:aws:iam::test:user/tester3'}, 'Action': ['s3:PutObject', 's3:GetObject'],",
                "    'Resource': 'arn:aws:s3:::' + b + '/uploads/*'}, {'Effect': 'Allow', 'Principal': '*',",
                "    'Action': 's3:GetObject', 'Resource': 'arn:aws:s3:::' + b + '/*', 'Condition': {'StringLike':",
                "    {'aws:Referer': 'http://good.example/*'}}}))",
                "print('NAMED', code(lambda: tester3.put_object(Bucket=b, Key='uploads/a', Body=b'up')),",
                "      get(tester3, 'uploads/a'), code(lambda: tester3.put_object(Bucket=b, Key='other', Body=b'x')))",
                "print('REFERER', requests.get(url + '/doc.txt').status_code,",
                "      requests.get(url + '/doc.txt', headers={'Referer': 'http://good.example/page'}).status_code,",
                "      s3.get_bucket_policy_status(Bucket=b)['PolicyStatus']['IsPublic'])",
                "s3.delete_object(Bucket=b, Key='uploads/a')",
                "s3.put_object(Bucket=b, Key='secret/x', Body=b's')",
                "s3.put_bucket_acl(Bucket=b, ACL='public-read')",
                "s3.put_bucket_policy(Bucket=b, Policy=policy({'Effect': 'Deny', 'Principal': '*', 'Action': 's3:GetObject',",
                "    'Resource': 'arn:aws:s3:::' + b + '/secret/*'}))",
                "print('ACLDENY', requests.get(url + '/doc.txt').status_code, requests.get(url + '/secret/x').status_code,",
                "      get(s3, 'secret/x'), s3.get_bucket_policy_status(Bucket=b)['PolicyStatus']['IsPublic'])",
                "s3.put_bucket_acl(Bucket=b, ACL='private')",
                "s3.delete_object(Bucket=b, Key='secret/x')",
                "s3.put_bucket_policy(Bucket=b, Policy=policy({'Effect': 'Allow', 'Principal': '*', 'Action': 's3:GetObject',",
                "    'Resource': 'arn:aws:s3:::' + b + '/*'}))",
                "print('PUBLIC', requests.get(url + '/doc.txt').status_code)");
    }

    private int anonymousGet(String path) throws Exception {
        java.net.http.HttpResponse<Void> r = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(s3.endpoint() + "/" + path))
                                .timeout(java.time.Duration.ofSeconds(30))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
        return r.statusCode();
    }

    private static String md5Hex(String s) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldKeepLifecycleConfigurationsWithBoto3() throws Exception {
        String script = String.join(
                "\n",
                "import datetime",
                "b = 'lifecycle-bucket'",
                "s3.create_bucket(Bucket=b)",
                "def code(call):",
                "    try:",
                "        call()",
                "        return 'OK'",
                "    except botocore.exceptions.ClientError as e:",
                "        return e.response['Error']['Code'] + ' ' + e.response['Error']['Message']",
                "print('ABSENT', code(lambda: s3.get_bucket_lifecycle_configuration(Bucket=b)))",
                "s3.put_bucket_lifecycle_configuration(Bucket=b, LifecycleConfiguration={'Rules': [",
                "    {'ID': 'logs', 'Filter': {'Prefix': 'logs/'}, 'Status': 'Enabled', 'Expiration': {'Days': 3}},",
                "    {'ID': 'tagged ü', 'Filter': {'And': {'Prefix': 'tmp/', 'Tags': [{'Key': 'a', 'Value': 'b'}]}},",
                "     'Status': 'Disabled', 'NoncurrentVersionExpiration': {'NoncurrentDays': 2}},",
                "    {'ID': 'uploads', 'Filter': {'Prefix': ''}, 'Status': 'Enabled',",
                "     'AbortIncompleteMultipartUpload': {'DaysAfterInitiation': 7}}]})",
                "rules = s3.get_bucket_lifecycle_configuration(Bucket=b)['Rules']",
                "print('RULES', [(r['ID'], r['Status']) for r in rules], rules[0]['Expiration'],",
                "      rules[1]['Filter']['And']['Tags'], rules[2]['AbortIncompleteMultipartUpload'])",
                "def rule(**kw):",
                "    r = {'ID': 'x', 'Filter': {'Prefix': ''}, 'Status': 'Enabled', 'Expiration': {'Days': 1}}",
                "    r.update(kw)",
                "    return code(lambda: s3.put_bucket_lifecycle_configuration(Bucket=b,",
                "        LifecycleConfiguration={'Rules': [r]}))",
                "print('STATUS', rule(Status='On'))",
                "print('DAYS', rule(Expiration={'Days': 0}))",
                "print('LONGID', rule(ID='i' * 256))",
                "print('NOACTION', code(lambda: s3.put_bucket_lifecycle_configuration(Bucket=b,",
                "    LifecycleConfiguration={'Rules': [{'ID': 'x', 'Filter': {'Prefix': ''}, 'Status': 'Enabled'}]})))",
                "print('DUPLICATE', code(lambda: s3.put_bucket_lifecycle_configuration(Bucket=b,",
                "    LifecycleConfiguration={'Rules': [{'ID': 'x', 'Filter': {'Prefix': ''}, 'Status': 'Enabled',",
                "    'Expiration': {'Days': 1}}] * 2})))",
                "print('NOONDATE', rule(Expiration={'Date': datetime.datetime(2030, 1, 1, 12, 0)}))",
                "print('KEPT', len(s3.get_bucket_lifecycle_configuration(Bucket=b)['Rules']))",
                "put = s3.put_object(Bucket=b, Key='logs/ключ', Body=b'x')",
                "head = s3.head_object(Bucket=b, Key='logs/ключ')",
                "print('EXPIRATION', put.get('Expiration') == head.get('Expiration'), head.get('Expiration', '').split(', ')[-1])",
                "print('NOTEXPIRING', s3.put_object(Bucket=b, Key='data/x', Body=b'x').get('Expiration'))",
                "s3.delete_bucket_lifecycle(Bucket=b)",
                "for k in ['logs/ключ', 'data/x']:",
                "    s3.delete_object(Bucket=b, Key=k)",
                "print('DELETED', code(lambda: s3.get_bucket_lifecycle_configuration(Bucket=b)))",
                "s3.delete_bucket(Bucket=b)");
        String out = ok(s3.boto3(script), "boto3 lifecycle").out();
        assertThat(out.lines().toList())
                .containsExactly(
                        "ABSENT NoSuchLifecycleConfiguration The lifecycle configuration does not exist. .",
                        "RULES [('logs', 'Enabled'), ('tagged ü', 'Disabled'), ('uploads', 'Enabled')] {'Days': 3}"
                                + " [{'Key': 'a', 'Value': 'b'}] {'DaysAfterInitiation': 7}",
                        "STATUS MalformedXML The XML you provided was not well-formed or did not validate against our"
                                + " published schema",
                        "DAYS InvalidArgument 'Days' for Expiration action must be a positive integer",
                        "LONGID InvalidArgument ID length should not exceed allowed limit of 255",
                        "NOACTION InvalidRequest At least one action needs to be specified in a rule",
                        "DUPLICATE InvalidArgument Rule ID must be unique. Found same ID for more than one rule",
                        "NOONDATE InvalidArgument 'Date' must be at midnight GMT",
                        "KEPT 3",
                        "EXPIRATION True rule-id=\"logs\"",
                        "NOTEXPIRING None",
                        "DELETED NoSuchLifecycleConfiguration The lifecycle configuration does not exist. .");
    }
}
