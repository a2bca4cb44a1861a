package io.cairn.proxy.s3api.op;

import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.pipeline.AccessPolicy;
import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.swift.Exchange;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * The bucket policy and public access block in front of every S3 request on an existing bucket, with AWS's
 * logic on top of the ACLs tempauth enforces below: an explicit {@code Deny} of the policy refuses
 * (AccessDenied, the bucket owner included, except for the policy and public access block operations, so the owner
 * cannot lock themselves out); an {@code Allow} lets the request's Swift subrequests on the bucket through whatever
 * the ACLs say (an authorization override, as TempURL's); otherwise the user's own access (owner, ACLs) decides as
 * before. {@code IgnorePublicAcls} judges non-owners by the ACLs without their public entries, {@code
 * BlockPublicAcls} refuses public canned ACLs and grants, {@code RestrictPublicBuckets} makes a public policy
 * give anonymous callers nothing.
 *
 * <p>The bucket owner is a user who may POST to the container (tempauth: an admin of the account). Each S3
 * operation's action is {@link #actionOf}'s one table.
 *
 * <p>Stateless.
 */
public final class BucketAccess {
    private BucketAccess() {}

    /** The policy and public access block operations: owner only, never refused by the policy to the owner. */
    private static final Set<String> MANAGEMENT = Set.of(
            "s3:GetBucketPolicy",
            "s3:PutBucketPolicy",
            "s3:DeleteBucketPolicy",
            "s3:GetBucketPolicyStatus",
            "s3:GetBucketPublicAccessBlock",
            "s3:PutBucketPublicAccessBlock");

    private static final Set<String> PUBLIC_CANNED = Set.of("public-read", "public-read-write", "authenticated-read");

    /**
     * What the check found, for the operations that need it.
     *
     * @param block the bucket's public access block ({@link PublicAccessBlock#NONE} when it has none)
     * @param deniedKey for DeleteObjects: whether the policy denies deleting a key (version or null)
     */
    public record Verdict(PublicAccessBlock block, BiPredicate<String, @Nullable String> deniedKey) {
        /** Nothing to check: a request on no bucket, or on a bucket that does not exist. */
        public static final Verdict NONE = new Verdict(PublicAccessBlock.NONE, (k, v) -> false);
    }

    /**
     * S3's action for a request (the one table of operation → action), or null when the request names no bucket
     * operation the policy governs (a preflight, a POST form).
     */
    public static @Nullable String actionOf(S3Request req) {
        String m = req.method();
        if (m.equals("OPTIONS")) {
            return null;
        }
        if (req.query().has("acl")) {
            return aclAction(req);
        }
        if (req.query().has("tagging")) {
            return taggingAction(req);
        }
        if (req.key() != null) {
            return objectAction(req);
        }
        boolean get = m.equals("GET") || m.equals("HEAD");
        for (Map.Entry<String, String[]> sub : BUCKET_SUBRESOURCES.entrySet()) {
            if (req.query().has(sub.getKey())) {
                String[] actions = sub.getValue();
                return get ? actions[0] : m.equals("DELETE") && actions.length > 2 ? actions[2] : actions[1];
            }
        }
        return switch (m) {
            case "GET", "HEAD" -> "s3:ListBucket";
            case "PUT" -> "s3:CreateBucket";
            case "DELETE" -> "s3:DeleteBucket";
            default -> null;
        };
    }

    /** Bucket sub-resources: their read, write and (when it differs) delete actions. */
    private static final Map<String, String[]> BUCKET_SUBRESOURCES = bucketSubresources();

    private static Map<String, String[]> bucketSubresources() {
        Map<String, String[]> m = new java.util.LinkedHashMap<>();
        m.put("policy", new String[] {"s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy"});
        m.put("policyStatus", new String[] {"s3:GetBucketPolicyStatus", "s3:GetBucketPolicyStatus"});
        m.put("publicAccessBlock", new String[] {"s3:GetBucketPublicAccessBlock", "s3:PutBucketPublicAccessBlock"});
        m.put("location", new String[] {"s3:GetBucketLocation", "s3:GetBucketLocation"});
        m.put("cors", new String[] {"s3:GetBucketCORS", "s3:PutBucketCORS"});
        m.put("lifecycle", new String[] {"s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration"});
        m.put("versioning", new String[] {"s3:GetBucketVersioning", "s3:PutBucketVersioning"});
        m.put("object-lock", new String[] {"s3:GetBucketObjectLockConfiguration", "s3:PutBucketObjectLockConfiguration"
        });
        m.put("delete", new String[] {"s3:DeleteObject", "s3:DeleteObject"});
        m.put("uploads", new String[] {"s3:ListBucketMultipartUploads", "s3:ListBucketMultipartUploads"});
        m.put("versions", new String[] {"s3:ListBucketVersions", "s3:ListBucketVersions"});
        return java.util.Collections.unmodifiableMap(m);
    }

    private static @Nullable String aclAction(S3Request req) {
        boolean object = req.key() != null;
        boolean version = req.query().has("versionId");
        return switch (req.method()) {
            case "GET", "HEAD" -> object ? (version ? "s3:GetObjectVersionAcl" : "s3:GetObjectAcl") : "s3:GetBucketAcl";
            case "PUT" -> object ? (version ? "s3:PutObjectVersionAcl" : "s3:PutObjectAcl") : "s3:PutBucketAcl";
            default -> null;
        };
    }

    private static @Nullable String taggingAction(S3Request req) {
        boolean version = req.query().has("versionId");
        if (req.key() == null) {
            return req.method().equals("GET") ? "s3:GetBucketTagging" : "s3:PutBucketTagging";
        }
        return switch (req.method()) {
            case "GET" -> version ? "s3:GetObjectVersionTagging" : "s3:GetObjectTagging";
            case "PUT" -> version ? "s3:PutObjectVersionTagging" : "s3:PutObjectTagging";
            case "DELETE" -> version ? "s3:DeleteObjectVersionTagging" : "s3:DeleteObjectTagging";
            default -> null;
        };
    }

    private static @Nullable String objectAction(S3Request req) {
        boolean version = req.query().has("versionId");
        boolean get = req.method().equals("GET") || req.method().equals("HEAD");
        if (req.query().has("retention")) {
            return get ? "s3:GetObjectRetention" : "s3:PutObjectRetention";
        }
        if (req.query().has("legal-hold")) {
            return get ? "s3:GetObjectLegalHold" : "s3:PutObjectLegalHold";
        }
        if (req.query().has("uploadId")) {
            return switch (req.method()) {
                case "GET" -> "s3:ListMultipartUploadParts";
                case "DELETE" -> "s3:AbortMultipartUpload";
                default -> "s3:PutObject";
            };
        }
        return switch (req.method()) {
            case "GET", "HEAD" -> version ? "s3:GetObjectVersion" : "s3:GetObject";
            case "PUT", "POST" -> "s3:PutObject";
            case "DELETE" -> version ? "s3:DeleteObjectVersion" : "s3:DeleteObject";
            default -> null;
        };
    }

    /** The resource ARN of a request: the bucket, or the object. */
    static String resourceOf(String bucket, @Nullable String key) {
        return "arn:aws:s3:::" + bucket + (key == null ? "" : "/" + key);
    }

    /**
     * Checks {@code req} on its existing bucket ({@code info}); may install the authorization override on {@code
     * ex} when the policy allows what the user could not do.
     *
     * @throws S3Exception AccessDenied
     */
    public static Verdict check(Exchange ex, S3Request req, ContainerInfo info) {
        String action = actionOf(req);
        String bucket = req.bucketName();
        BucketPolicy policy = BucketPolicy.fromStored(StoredDocument.get(BucketPolicy.SYSMETA, info.sysmeta()), bucket);
        PublicAccessBlock pab = PublicAccessBlock.fromSysmeta(info.sysmeta());
        PublicAccessBlock block = PublicAccessBlock.orNone(pab);
        Verdict plain = new Verdict(block, (k, v) -> false);
        if (action == null || !governed(req, action, policy != null || pab != null)) {
            return plain; // nothing to enforce: the common case costs no more
        }
        boolean owner = isOwner(ex, req);
        refuseEarly(req, action, owner, block);
        if (MANAGEMENT.contains(action) || policy == null) {
            return owner ? plain : ignoringPublicAcls(ex, req, info, block, plain);
        }
        Map<String, String> keys = conditionKeys(ex, req);
        if (req.key() == null && req.query().has("delete")) {
            // each key is judged by the operation; DeleteObjects runs as the user (an Allow does not lift the ACLs)
            return new Verdict(
                    block,
                    (k, v) -> policy.evaluate(request(
                                    req,
                                    v == null ? "s3:DeleteObject" : "s3:DeleteObjectVersion",
                                    resourceOf(bucket, k),
                                    keys))
                            == BucketPolicy.Outcome.DENY);
        }
        BucketPolicy.Outcome outcome = judge(req, action, policy, block, keys);
        if (owner) {
            return plain;
        }
        if (outcome == BucketPolicy.Outcome.ALLOW) {
            elevate(ex, req);
            return plain;
        }
        return ignoringPublicAcls(ex, req, info, block, plain);
    }

    /** Whether the policy or public access block govern the request (not a POST form; something configured). */
    private static boolean governed(S3Request req, String action, boolean configured) {
        if (req.key() == null && req.method().equals("POST") && !req.query().has("delete")) {
            return false;
        }
        return configured || MANAGEMENT.contains(action);
    }

    /** {@code plain}, or AccessDenied under IgnorePublicAcls when only the ACLs' public entries let the user in. */
    private static Verdict ignoringPublicAcls(
            Exchange ex, S3Request req, ContainerInfo info, PublicAccessBlock block, Verdict plain) {
        if (block.ignorePublicAcls() && !allowedWithoutPublicAcls(ex, req, info)) {
            throw new S3Exception(S3ErrorCode.AccessDenied);
        }
        return plain;
    }

    /** The refusals that need no policy: a non-owner's policy operation, a public ACL under BlockPublicAcls. */
    private static void refuseEarly(S3Request req, String action, boolean owner, PublicAccessBlock block) {
        if (MANAGEMENT.contains(action) && !owner) {
            throw new S3Exception(S3ErrorCode.AccessDenied);
        }
        if (block.blockPublicAcls() && setsPublicAcl(req)) {
            throw new S3Exception(S3ErrorCode.AccessDenied);
        }
    }

    /** The policy's word on the request (a copy's source within the bucket included); throws on a Deny. */
    private static BucketPolicy.Outcome judge(
            S3Request req, String action, BucketPolicy policy, PublicAccessBlock block, Map<String, String> keys) {
        BucketPolicy.Outcome outcome =
                policy.evaluate(request(req, action, resourceOf(req.bucketName(), req.key()), keys));
        BucketPolicy.Outcome source = copySourceOutcome(req, policy, keys);
        if (outcome == BucketPolicy.Outcome.DENY || source == BucketPolicy.Outcome.DENY) {
            throw new S3Exception(S3ErrorCode.AccessDenied);
        }
        if (source == BucketPolicy.Outcome.NONE) {
            // a copy within the bucket may read its source only as the user
            return BucketPolicy.Outcome.NONE;
        }
        if (outcome == BucketPolicy.Outcome.ALLOW
                && block.restrictPublicBuckets()
                && req.auth().isAnonymous()
                && policy.isPublic()) {
            return BucketPolicy.Outcome.NONE;
        }
        return outcome;
    }

    /**
     * For a copy whose source is in this bucket, the policy's word on reading it (s3:GetObject); ALLOW for any
     * other request (nothing more to ask).
     */
    private static BucketPolicy.Outcome copySourceOutcome(
            S3Request req, BucketPolicy policy, Map<String, String> keys) {
        if (!req.method().equals("PUT")
                || req.key() == null
                || !req.clientHeaders().contains("x-amz-copy-source")) {
            return BucketPolicy.Outcome.ALLOW;
        }
        CopySource src;
        try {
            src = CopySource.parse(req);
        } catch (S3Exception e) {
            return BucketPolicy.Outcome.ALLOW; // the operation answers the bad header
        }
        if (!src.bucket().equals(req.bucketName())) {
            return BucketPolicy.Outcome.ALLOW; // read as the user (the override covers this bucket only)
        }
        return policy.evaluate(request(
                req,
                src.version() == null ? "s3:GetObject" : "s3:GetObjectVersion",
                resourceOf(src.bucket(), src.key()),
                keys));
    }

    private static BucketPolicy.Request request(
            S3Request req, String action, String resource, Map<String, String> keys) {
        String ak = req.auth().accessKey();
        int colon = ak.indexOf(':');
        String account = req.auth().isAnonymous() ? null : colon < 0 ? ak : ak.substring(0, colon);
        String user = req.auth().isAnonymous() ? null : colon < 0 ? ak : ak.substring(colon + 1);
        return new BucketPolicy.Request(account, user, action, resource, keys);
    }

    /** The condition keys this request gives (lower-case names). */
    static Map<String, String> conditionKeys(Exchange ex, S3Request req) {
        Map<String, String> k = new HashMap<>();
        SocketAddress remote = ex.channel().remoteAddress();
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            k.put("aws:sourceip", inet.getAddress().getHostAddress());
        }
        k.put("aws:securetransport", Boolean.toString(ex.channel().pipeline().get(SslHandler.class) != null));
        Instant now = ex.services().clock().instant();
        k.put("aws:currenttime", now.toString());
        k.put("aws:epochtime", Long.toString(now.getEpochSecond()));
        HttpHeaders h = req.clientHeaders();
        putIf(k, "aws:useragent", h.get("User-Agent"));
        putIf(k, "aws:referer", h.get("Referer"));
        if (!req.auth().isAnonymous()) {
            String ak = req.auth().accessKey();
            int colon = ak.indexOf(':');
            String account = colon < 0 ? ak : ak.substring(0, colon);
            String user = colon < 0 ? ak : ak.substring(colon + 1);
            k.put("aws:username", user);
            k.put("aws:userid", ak);
            k.put("aws:principalaccount", account);
            k.put("aws:principalarn", "arn:aws:iam::" + account + ":user/" + user);
            k.put("aws:principaltype", "User");
        } else {
            k.put("aws:principaltype", "Anonymous");
        }
        if (req.key() == null) {
            putIf(k, "s3:prefix", req.query().get("prefix"));
            putIf(k, "s3:max-keys", req.query().get("max-keys"));
            putIf(k, "s3:delimiter", req.query().get("delimiter"));
        }
        putIf(k, "s3:versionid", req.query().get("versionId"));
        for (String name : List.of(
                "x-amz-acl",
                "x-amz-content-sha256",
                "x-amz-copy-source",
                "x-amz-metadata-directive",
                "x-amz-server-side-encryption",
                "x-amz-storage-class",
                "x-amz-grant-read",
                "x-amz-grant-write",
                "x-amz-grant-read-acp",
                "x-amz-grant-write-acp",
                "x-amz-grant-full-control")) {
            putIf(k, "s3:" + name, h.get(name));
        }
        return k;
    }

    private static void putIf(Map<String, String> k, String key, @Nullable String value) {
        if (value != null) {
            k.put(key, value);
        }
    }

    /** Whether the request sets a public canned ACL or grants to AllUsers/AuthenticatedUsers. */
    static boolean setsPublicAcl(S3Request req) {
        if (!req.method().equals("PUT") && !req.method().equals("POST")) {
            return false;
        }
        String canned = req.clientHeaders().get("x-amz-acl");
        if (canned != null && PUBLIC_CANNED.contains(canned.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (Map.Entry<String, String> e : req.clientHeaders()) {
            if (e.getKey().toLowerCase(Locale.ROOT).startsWith("x-amz-grant-")
                    && (e.getValue().contains("AllUsers") || e.getValue().contains("AuthenticatedUsers"))) {
                return true;
            }
        }
        return false;
    }

    private static HttpHeaders tokenHeaders(S3Request req) {
        HttpHeaders h = new DefaultHttpHeaders();
        if (!req.authToken().isEmpty()) {
            h.set("X-Auth-Token", req.authToken());
        }
        return h;
    }

    /** Whether the signer owns the bucket: the auth system lets them POST to the container. */
    static boolean isOwner(Exchange ex, S3Request req) {
        if (req.auth().isAnonymous()) {
            return false;
        }
        AccessPolicy.Decision d = ex.services()
                .access()
                .authorize(new AccessPolicy.Request(
                        "POST", req.account(), req.bucketName(), null, tokenHeaders(req), null, null, null, null));
        return d.allowed() && d.swiftOwner();
    }

    /** The auth system's decision with the container's ACLs stripped of their public entries (IgnorePublicAcls). */
    private static boolean allowedWithoutPublicAcls(Exchange ex, S3Request req, ContainerInfo info) {
        String method = req.method().equals("HEAD") ? "HEAD" : req.method();
        AccessPolicy.Decision d = ex.services()
                .access()
                .authorize(new AccessPolicy.Request(
                        method,
                        req.account(),
                        req.bucketName(),
                        req.key(),
                        tokenHeaders(req),
                        withoutPublic(info.readAcl()),
                        withoutPublic(info.writeAcl()),
                        null,
                        null));
        return d.allowed();
    }

    /** A container ACL without its referrer ({@code .r:}), listing and wildcard entries; null when nothing is left. */
    static @Nullable String withoutPublic(@Nullable String acl) {
        if (acl == null) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String e : acl.split(",", -1)) {
            String t = e.strip();
            if (t.isEmpty() || t.startsWith(".r:") || t.equals(".rlistings") || t.equals("*") || t.equals("*:*")) {
                continue;
            }
            kept.add(t);
        }
        return kept.isEmpty() ? null : String.join(",", kept);
    }

    /**
     * Lets the request's subrequests on its bucket (and the bucket's segments and versions containers) through, as
     * the policy allowed it; anything else is authorized as the user.
     */
    private static void elevate(Exchange ex, S3Request req) {
        String account = req.account();
        String bucket = req.bucketName();
        Set<String> covered = Set.of(bucket, bucket + MultipartLayout.SEGMENTS_SUFFIX, "\u0000versions\u0000" + bucket);
        HttpHeaders token = tokenHeaders(req);
        ex.overrideAuthorization((method, acc, container, object) -> {
            if (acc.equals(account) && container != null && covered.contains(container)) {
                return AccessPolicy.Decision.allow(false);
            }
            ContainerInfo ci = container == null
                    ? null
                    : ex.services().infoCache().container(acc, container).getNow(null);
            return ex.services()
                    .access()
                    .authorize(new AccessPolicy.Request(
                            method,
                            acc,
                            container,
                            object,
                            token,
                            ci == null ? null : ci.readAcl(),
                            ci == null ? null : ci.writeAcl(),
                            null,
                            null));
        });
    }
}
