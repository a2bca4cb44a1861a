package io.cairn.proxy.s3api.op;

import io.cairn.common.codec.Json;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A bucket policy (PutBucketPolicy's JSON document): validated as AWS validates it ({@code MalformedPolicy} with
 * AWS's messages), kept as given in container sysmeta ({@link #SYSMETA}, a {@link StoredDocument}; s3api 2.30.1
 * has no bucket policies, so the name is Cairn's), and evaluated with AWS's logic: an explicit {@code Deny} of a
 * matching statement wins, else an {@code Allow} grants, else the policy says nothing (the ACLs decide).
 *
 * <p>Principals: {@code *} or {@code {"AWS": "*"}} (everyone, anonymous requests included), {@code
 * arn:aws:iam::<account>:user/<user>} (the S3 user {@code <account>:<user>}, Cairn's form of a tempauth user),
 * {@code arn:aws:iam::<account>:root} or {@code <account>} (every user of the account), {@code {"CanonicalUser":
 * "<account>:<user>"}} (the owner id GetBucketAcl shows).
 *
 * <p>Immutable.
 */
public final class BucketPolicy {
    /** Where the policy is kept (parts {@code -0} … {@code -15}). */
    static final String SYSMETA = "X-Container-Sysmeta-S3Api-Policy";

    /** AWS's limit on a bucket policy's size. */
    static final int MAX_BYTES = 20 * 1024;

    /** The outcome of an evaluation. */
    public enum Outcome {
        ALLOW,
        DENY,
        /** No statement applies: the ACLs decide. */
        NONE
    }

    /**
     * Who asks, what for, on what.
     *
     * @param account the signer's account ({@code test} of {@code test:tester}), null when anonymous
     * @param user the signer's user ({@code tester}), null when anonymous
     * @param action the action ({@code s3:GetObject})
     * @param resource the resource ARN ({@code arn:aws:s3:::bucket/key})
     * @param keys the condition keys' values, lower-case names ({@code aws:sourceip})
     */
    public record Request(
            @Nullable String account, @Nullable String user, String action, String resource, Map<String, String> keys) {
        public Request {
            keys = Map.copyOf(keys);
        }

        boolean anonymous() {
            return account == null;
        }
    }

    /** Object-level S3 actions (their resources are {@code bucket/key}). */
    private static final Set<String> OBJECT_ACTIONS = lower(Set.of(
            "AbortMultipartUpload",
            "BypassGovernanceRetention",
            "DeleteObject",
            "DeleteObjectTagging",
            "DeleteObjectVersion",
            "DeleteObjectVersionTagging",
            "GetObject",
            "GetObjectAcl",
            "GetObjectAttributes",
            "GetObjectLegalHold",
            "GetObjectRetention",
            "GetObjectTagging",
            "GetObjectTorrent",
            "GetObjectVersion",
            "GetObjectVersionAcl",
            "GetObjectVersionAttributes",
            "GetObjectVersionForReplication",
            "GetObjectVersionTagging",
            "GetObjectVersionTorrent",
            "ListMultipartUploadParts",
            "PutObject",
            "PutObjectAcl",
            "PutObjectLegalHold",
            "PutObjectRetention",
            "PutObjectTagging",
            "PutObjectVersionAcl",
            "PutObjectVersionTagging",
            "ReplicateDelete",
            "ReplicateObject",
            "ReplicateTags",
            "RestoreObject"));

    /** Bucket-level S3 actions (their resource is the bucket). */
    private static final Set<String> BUCKET_ACTIONS = lower(Set.of(
            "CreateBucket",
            "DeleteBucket",
            "DeleteBucketOwnershipControls",
            "DeleteBucketPolicy",
            "DeleteBucketWebsite",
            "GetAccelerateConfiguration",
            "GetAnalyticsConfiguration",
            "GetBucketAcl",
            "GetBucketCORS",
            "GetBucketLocation",
            "GetBucketLogging",
            "GetBucketNotification",
            "GetBucketObjectLockConfiguration",
            "GetBucketOwnershipControls",
            "GetBucketPolicy",
            "GetBucketPolicyStatus",
            "GetBucketPublicAccessBlock",
            "GetBucketRequestPayment",
            "GetBucketTagging",
            "GetBucketVersioning",
            "GetBucketWebsite",
            "GetEncryptionConfiguration",
            "GetIntelligentTieringConfiguration",
            "GetInventoryConfiguration",
            "GetLifecycleConfiguration",
            "GetMetricsConfiguration",
            "GetReplicationConfiguration",
            "ListBucket",
            "ListBucketMultipartUploads",
            "ListBucketVersions",
            "PutAccelerateConfiguration",
            "PutAnalyticsConfiguration",
            "PutBucketAcl",
            "PutBucketCORS",
            "PutBucketLogging",
            "PutBucketNotification",
            "PutBucketObjectLockConfiguration",
            "PutBucketOwnershipControls",
            "PutBucketPolicy",
            "PutBucketPublicAccessBlock",
            "PutBucketRequestPayment",
            "PutBucketTagging",
            "PutBucketVersioning",
            "PutBucketWebsite",
            "PutEncryptionConfiguration",
            "PutIntelligentTieringConfiguration",
            "PutInventoryConfiguration",
            "PutLifecycleConfiguration",
            "PutMetricsConfiguration",
            "PutReplicationConfiguration"));

    /** Condition keys a bucket policy may name (lower-case; {@code s3:existingobjecttag/<k>} by prefix). */
    private static final Set<String> KEYS = Set.of(
            "aws:sourceip",
            "aws:securetransport",
            "aws:useragent",
            "aws:referer",
            "aws:currenttime",
            "aws:epochtime",
            "aws:username",
            "aws:userid",
            "aws:principalaccount",
            "aws:principalarn",
            "aws:principaltype",
            "aws:sourcearn",
            "aws:sourceaccount",
            "aws:sourcevpc",
            "aws:sourcevpce",
            "aws:principalorgid",
            "aws:multifactorauthpresent",
            "aws:multifactorauthage",
            "aws:tokenissuetime",
            "aws:viaawsservice",
            "s3:prefix",
            "s3:max-keys",
            "s3:delimiter",
            "s3:x-amz-acl",
            "s3:x-amz-content-sha256",
            "s3:x-amz-copy-source",
            "s3:x-amz-metadata-directive",
            "s3:x-amz-server-side-encryption",
            "s3:x-amz-storage-class",
            "s3:versionid",
            "s3:authtype",
            "s3:signatureversion",
            "s3:signatureage",
            "s3:tlsversion",
            "s3:requestobjecttagkeys",
            "s3:x-amz-grant-read",
            "s3:x-amz-grant-write",
            "s3:x-amz-grant-read-acp",
            "s3:x-amz-grant-write-acp",
            "s3:x-amz-grant-full-control",
            "s3:locationconstraint");

    /** Keys that, fixed to given values, make a wildcard principal's statement not public (AWS's list). */
    private static final Set<String> RESTRICTING_KEYS = Set.of(
            "aws:sourceip",
            "aws:sourcearn",
            "aws:sourcevpc",
            "aws:sourcevpce",
            "aws:sourceaccount",
            "aws:principalaccount",
            "aws:principalarn",
            "aws:principalorgid",
            "aws:userid",
            "aws:username");

    private static final Set<String> OPERATORS = lower(Set.of(
            "StringEquals",
            "StringNotEquals",
            "StringEqualsIgnoreCase",
            "StringNotEqualsIgnoreCase",
            "StringLike",
            "StringNotLike",
            "NumericEquals",
            "NumericNotEquals",
            "NumericLessThan",
            "NumericLessThanEquals",
            "NumericGreaterThan",
            "NumericGreaterThanEquals",
            "DateEquals",
            "DateNotEquals",
            "DateLessThan",
            "DateLessThanEquals",
            "DateGreaterThan",
            "DateGreaterThanEquals",
            "Bool",
            "IpAddress",
            "NotIpAddress",
            "ArnEquals",
            "ArnLike",
            "ArnNotEquals",
            "ArnNotLike",
            "Null"));

    private static final Pattern USER_ARN = Pattern.compile("arn:aws:iam::([^:/]+):user/(.+)");
    private static final Pattern ROOT_ARN = Pattern.compile("arn:aws:iam::([^:/]+):root");

    private record Condition(String operator, boolean ifExists, String key, List<String> values) {}

    private record Statement(
            boolean allow,
            @Nullable List<String> principals,
            boolean notPrincipal,
            List<String> actions,
            boolean notAction,
            List<String> resources,
            boolean notResource,
            List<Condition> conditions) {}

    private final String text;
    private final List<Statement> statements;

    private BucketPolicy(String text, List<Statement> statements) {
        this.text = text;
        this.statements = List.copyOf(statements);
    }

    /** The document as it was given (GetBucketPolicy answers it). */
    public String text() {
        return text;
    }

    private static S3Exception malformed(String message) {
        return new S3Exception(S3ErrorCode.MalformedPolicy, message);
    }

    /** A stored policy (checked when it was put), or null when there is none or it no longer reads. */
    static @Nullable BucketPolicy fromStored(@Nullable String stored, String bucket) {
        if (stored == null) {
            return null;
        }
        try {
            return parse(stored.getBytes(StandardCharsets.UTF_8), bucket);
        } catch (S3Exception e) {
            return null;
        }
    }

    /**
     * Parses and validates {@code body} as the policy of {@code bucket}.
     *
     * @throws S3Exception MalformedPolicy (or PolicyTooLarge-like InvalidArgument beyond 20 KiB)
     */
    public static BucketPolicy parse(byte[] body, String bucket) {
        if (body.length > MAX_BYTES) {
            throw malformed("Policies must not exceed " + MAX_BYTES + " bytes");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String stripped = text.strip();
        if (!stripped.startsWith("{")) {
            throw malformed("Policies must be valid JSON and the first byte must be '{'");
        }
        Object root;
        try {
            root = Json.parse(stripped);
        } catch (Json.JsonException e) {
            throw malformed("Policies must be valid JSON and the first byte must be '{'");
        }
        Map<String, Object> doc = object(root, "Policies must be valid JSON and the first byte must be '{'");
        for (String field : doc.keySet()) {
            if (!Set.of("Version", "Id", "Statement").contains(field)) {
                throw malformed("Unknown field " + field);
            }
        }
        Object version = doc.get("Version");
        if (version != null && !"2012-10-17".equals(version) && !"2008-10-17".equals(version)) {
            throw malformed("The policy must contain a valid version string");
        }
        Object st = doc.get("Statement");
        if (st == null) {
            throw malformed("Missing required field Statement");
        }
        List<Object> raw = st instanceof List<?> l ? new ArrayList<>(l) : List.of(st);
        if (raw.isEmpty()) {
            throw malformed("Could not parse the policy: Statement is empty!");
        }
        List<Statement> statements = new ArrayList<>();
        for (Object s : raw) {
            statements.add(statement(object(s, "Invalid policy syntax."), bucket));
        }
        return new BucketPolicy(text, statements);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(@Nullable Object o, String message) {
        if (!(o instanceof Map<?, ?>)) {
            throw malformed(message);
        }
        return (Map<String, Object>) o;
    }

    private static List<String> strings(@Nullable Object o, String message) {
        List<String> out = new ArrayList<>();
        if (o instanceof String s) {
            out.add(s);
        } else if (o instanceof List<?> l && !l.isEmpty()) {
            for (Object e : l) {
                if (!(e instanceof String s)) {
                    throw malformed(message);
                }
                out.add(s);
            }
        } else {
            throw malformed(message);
        }
        return out;
    }

    private static final Set<String> STATEMENT_FIELDS = Set.of(
            "Sid",
            "Effect",
            "Principal",
            "NotPrincipal",
            "Action",
            "NotAction",
            "Resource",
            "NotResource",
            "Condition");

    private static Statement statement(Map<String, Object> s, String bucket) {
        for (String field : s.keySet()) {
            if (!STATEMENT_FIELDS.contains(field)) {
                throw malformed("Unknown field " + field);
            }
        }
        Object effect = s.get("Effect");
        if (effect == null) {
            throw malformed("Missing required field Effect");
        }
        if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
            throw malformed("Invalid effect: " + effect);
        }
        boolean notPrincipal = either(s, "Principal");
        List<String> principals = principals(s.get(notPrincipal ? "NotPrincipal" : "Principal"));
        boolean notAction = either(s, "Action");
        List<String> actions = new ArrayList<>();
        for (String a : strings(s.get(notAction ? "NotAction" : "Action"), "Policy has invalid action")) {
            actions.add(action(a));
        }
        boolean notResource = either(s, "Resource");
        List<String> resources =
                strings(s.get(notResource ? "NotResource" : "Resource"), "Policy has invalid resource");
        checkResources(resources, actions, !notAction && !notResource, bucket);
        return new Statement(
                effect.equals("Allow"),
                principals,
                notPrincipal,
                actions,
                notAction,
                resources,
                notResource,
                conditions(s.get("Condition")));
    }

    /** Whether the statement has {@code Not<field>} (and not {@code field}); exactly one of them is required. */
    private static boolean either(Map<String, Object> s, String field) {
        boolean not = s.containsKey("Not" + field);
        if (not == s.containsKey(field)) {
            throw malformed(not ? "Invalid policy syntax." : "Missing required field " + field);
        }
        return not;
    }

    /** Every resource within the bucket; with {@code applies}, some action must apply to some resource. */
    private static void checkResources(List<String> resources, List<String> actions, boolean applies, String bucket) {
        boolean bucketResource = false;
        boolean objectResource = false;
        String arn = "arn:aws:s3:::" + bucket;
        for (String r : resources) {
            if (!resourceInBucket(r, bucket)) {
                throw malformed("Policy has invalid resource");
            }
            bucketResource |= wildcard(r, arn, true);
            objectResource |= r.indexOf('/') >= 0 || wildcard(r, arn + "/k", true);
        }
        if (!applies) {
            return;
        }
        for (String a : actions) {
            if (appliesTo(a, bucketResource, objectResource)) {
                return;
            }
        }
        throw malformed("Action does not apply to any resource(s) in statement");
    }

    /** The principals, as {@code *}, {@code <account>:<user>} or {@code <account>:*}. */
    private static List<String> principals(@Nullable Object p) {
        if ("*".equals(p)) {
            return List.of("*");
        }
        Map<String, Object> m = object(p, "Invalid principal in policy");
        if (m.isEmpty()) {
            throw malformed("Invalid principal in policy");
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            List<String> values = strings(e.getValue(), "Invalid principal in policy");
            switch (e.getKey()) {
                case "AWS" -> {
                    for (String v : values) {
                        out.add(awsPrincipal(v));
                    }
                }
                case "CanonicalUser" -> {
                    for (String v : values) {
                        if (v.equals("*")) {
                            out.add("*");
                        } else if (v.indexOf(':') > 0 && v.indexOf(':') < v.length() - 1) {
                            out.add(v);
                        } else {
                            throw malformed("Invalid principal in policy");
                        }
                    }
                }
                default -> throw malformed("Invalid principal in policy");
            }
        }
        return out;
    }

    private static String awsPrincipal(String v) {
        if (v.equals("*")) {
            return "*";
        }
        var user = USER_ARN.matcher(v);
        if (user.matches()) {
            return user.group(1) + ":" + user.group(2);
        }
        var root = ROOT_ARN.matcher(v);
        if (root.matches()) {
            return root.group(1) + ":*";
        }
        if (!v.isEmpty() && !v.contains(":") && !v.contains("/") && !v.contains("*")) {
            return v + ":*";
        }
        throw malformed("Invalid principal in policy");
    }

    /** {@code s3:<name>} (any case, wildcards), lower-cased; an action of no S3 operation is refused. */
    private static String action(String a) {
        String l = a.toLowerCase(Locale.ROOT);
        if (l.equals("*")) {
            return "s3:*";
        }
        if (!l.startsWith("s3:") || l.length() == 3) {
            throw malformed("Policy has invalid action");
        }
        String name = l.substring(3);
        if (name.contains("*") || name.contains("?")) {
            for (String known : allActions()) {
                if (wildcard(name, known, false)) {
                    return l;
                }
            }
            throw malformed("Policy has invalid action");
        }
        if (!OBJECT_ACTIONS.contains(name) && !BUCKET_ACTIONS.contains(name) && !name.equals("listallmybuckets")) {
            throw malformed("Policy has invalid action");
        }
        return l;
    }

    private static List<String> allActions() {
        List<String> all = new ArrayList<>(OBJECT_ACTIONS);
        all.addAll(BUCKET_ACTIONS);
        return all;
    }

    private static boolean appliesTo(String action, boolean bucketResource, boolean objectResource) {
        String name = action.substring(3);
        for (String known : allActions()) {
            if (wildcard(name, known, false) && (OBJECT_ACTIONS.contains(known) ? objectResource : bucketResource)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code r} is an S3 ARN within {@code bucket} (its bucket part may be a pattern that matches it). */
    private static boolean resourceInBucket(String r, String bucket) {
        if (r.equals("*")) {
            return true;
        }
        if (!r.startsWith("arn:aws:s3:::") || r.length() == "arn:aws:s3:::".length()) {
            return false;
        }
        String rest = r.substring("arn:aws:s3:::".length());
        int slash = rest.indexOf('/');
        String b = slash < 0 ? rest : rest.substring(0, slash);
        if (b.contains("*") && slash < 0) {
            // arn:aws:s3:::buck* covers the bucket and, through the star, its objects
            return wildcard(b, bucket, true) || wildcard(rest, bucket + "/", true);
        }
        return wildcard(b, bucket, true);
    }

    private static List<Condition> conditions(@Nullable Object c) {
        if (c == null) {
            return List.of();
        }
        Map<String, Object> blocks = object(c, "Invalid policy syntax.");
        List<Condition> out = new ArrayList<>();
        for (Map.Entry<String, Object> block : blocks.entrySet()) {
            String op = block.getKey();
            String base = op;
            if (base.startsWith("ForAnyValue:") || base.startsWith("ForAllValues:")) {
                base = base.substring(base.indexOf(':') + 1);
            }
            boolean ifExists = base.endsWith("IfExists");
            if (ifExists) {
                base = base.substring(0, base.length() - "IfExists".length());
            }
            String lower = base.toLowerCase(Locale.ROOT);
            if (!OPERATORS.contains(lower) || (ifExists && lower.equals("null"))) {
                throw malformed("Invalid Condition type : " + op);
            }
            Map<String, Object> keys = object(block.getValue(), "Invalid policy syntax.");
            if (keys.isEmpty()) {
                throw malformed("Invalid policy syntax.");
            }
            for (Map.Entry<String, Object> k : keys.entrySet()) {
                out.add(condition(lower, ifExists, k.getKey(), k.getValue()));
            }
        }
        return out;
    }

    private static Condition condition(String op, boolean ifExists, String name, @Nullable Object v) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!KEYS.contains(key)
                && !key.startsWith("s3:existingobjecttag/")
                && !key.startsWith("s3:requestobjecttag/")) {
            throw malformed("Policy has an invalid condition key");
        }
        List<String> values = new ArrayList<>();
        for (Object one : v instanceof List<?> l ? l : java.util.Collections.singletonList(v)) {
            if (one == null || one instanceof Map<?, ?> || one instanceof List<?>) {
                throw malformed("Invalid policy syntax.");
            }
            values.add(String.valueOf(one));
            checkValue(op, String.valueOf(one));
        }
        if (values.isEmpty()) {
            throw malformed("Invalid policy syntax.");
        }
        return new Condition(op, ifExists, key, values);
    }

    private static void checkValue(String op, String value) {
        if (op.contains("ipaddress") && cidr(value) == null) {
            throw malformed("Invalid IP address: " + value);
        }
        if (op.startsWith("date") && instant(value) == null) {
            throw malformed("Invalid date: " + value);
        }
        if (op.startsWith("numeric") && number(value) == null) {
            throw malformed("Invalid number: " + value);
        }
    }

    /**
     * Whether some Allow statement grants everyone (AWS's "public": a wildcard principal without a condition that
     * fixes the source or the caller to given values).
     */
    public boolean isPublic() {
        for (Statement s : statements) {
            if (!s.allow()) {
                continue;
            }
            List<String> ps = s.principals();
            boolean wildcard = s.notPrincipal() || (ps != null && ps.contains("*"));
            if (wildcard && !restricted(s.conditions())) {
                return true;
            }
        }
        return false;
    }

    private static boolean restricted(List<Condition> conditions) {
        for (Condition c : conditions) {
            if (!RESTRICTING_KEYS.contains(c.key()) || c.operator().contains("not") || c.ifExists()) {
                continue;
            }
            boolean fixed = true;
            for (String v : c.values()) {
                if (v.contains("*") || v.endsWith("/0")) {
                    fixed = false;
                }
            }
            if (fixed) {
                return true;
            }
        }
        return false;
    }

    /** AWS's evaluation: a matching Deny wins, else a matching Allow, else nothing. */
    public Outcome evaluate(Request r) {
        boolean allowed = false;
        for (Statement s : statements) {
            if (!matches(s, r)) {
                continue;
            }
            if (!s.allow()) {
                return Outcome.DENY;
            }
            allowed = true;
        }
        return allowed ? Outcome.ALLOW : Outcome.NONE;
    }

    private static boolean matches(Statement s, Request r) {
        boolean principal = principalMatches(s.principals(), r);
        if (s.notPrincipal() == principal) {
            return false;
        }
        boolean action = false;
        String a = r.action().toLowerCase(Locale.ROOT);
        for (String pattern : s.actions()) {
            action |= wildcard(pattern, a, false);
        }
        if (s.notAction() == action) {
            return false;
        }
        boolean resource = false;
        for (String pattern : s.resources()) {
            resource |= wildcard(pattern, r.resource(), true);
        }
        if (s.notResource() == resource) {
            return false;
        }
        for (Condition c : s.conditions()) {
            if (!holds(c, r.keys().get(c.key()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean principalMatches(@Nullable List<String> principals, Request r) {
        if (principals == null) {
            return false;
        }
        for (String p : principals) {
            if (p.equals("*")) {
                return true;
            }
            if (r.anonymous()) {
                continue;
            }
            if (p.equals(r.account() + ":*") || p.equals(r.account() + ":" + r.user())) {
                return true;
            }
        }
        return false;
    }

    /** Whether condition {@code c} holds for the request's value of its key ({@code null}: absent). */
    private static boolean holds(Condition c, @Nullable String given) {
        String op = c.operator();
        if (op.equals("null")) {
            boolean wantAbsent = c.values().stream().anyMatch(v -> v.equalsIgnoreCase("true"));
            return wantAbsent == (given == null);
        }
        boolean negated = op.contains("not");
        if (given == null) {
            return c.ifExists() || negated;
        }
        boolean any = false;
        for (String v : c.values()) {
            any |= matchesValue(op, v, given);
        }
        return negated != any;
    }

    private static boolean matchesValue(String op, String v, String given) {
        if (op.startsWith("string") || op.startsWith("arn")) {
            return matchesString(op, v, given);
        }
        if (op.equals("bool")) {
            return v.equalsIgnoreCase(given);
        }
        if (op.contains("ipaddress")) {
            return inCidr(v, given);
        }
        if (op.startsWith("numeric")) {
            Double want = number(v);
            Double got = number(given);
            return want != null && got != null && compare(op.substring("numeric".length()), got.compareTo(want));
        }
        if (op.startsWith("date")) {
            Instant want = instant(v);
            Instant got = instant(given);
            return want != null && got != null && compare(op.substring("date".length()), got.compareTo(want));
        }
        return false;
    }

    private static boolean matchesString(String op, String v, String given) {
        if (op.endsWith("ignorecase")) {
            return v.equalsIgnoreCase(given);
        }
        if (op.endsWith("like")) {
            return wildcard(v, given, true);
        }
        return v.equals(given);
    }

    /** {@code cmp} = given compared to the policy's value, for {@code equals}, {@code lessthan}, … */
    private static boolean compare(String relation, int cmp) {
        return switch (relation) {
            case "equals", "notequals" -> cmp == 0;
            case "lessthan" -> cmp < 0;
            case "lessthanequals" -> cmp <= 0;
            case "greaterthan" -> cmp > 0;
            case "greaterthanequals" -> cmp >= 0;
            default -> false;
        };
    }

    private static @Nullable Double number(String s) {
        try {
            return Double.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Instant instant(String s) {
        String t = s.strip();
        try {
            if (t.matches("-?\\d+")) {
                return Instant.ofEpochSecond(Long.parseLong(t));
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return Instant.parse(t + "T00:00:00Z");
            }
            return java.time.OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            try {
                return Instant.parse(t);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    @SuppressWarnings("ArrayRecordComponent") // never compared or hashed
    private record Cidr(byte[] net, int bits) {}

    private static @Nullable Cidr cidr(String s) {
        String t = s.strip();
        int slash = t.indexOf('/');
        String host = slash < 0 ? t : t.substring(0, slash);
        if (host.isEmpty() || !host.matches("[0-9a-fA-F:.]+")) {
            return null;
        }
        try {
            byte[] addr = InetAddress.getByName(host).getAddress();
            int bits = slash < 0 ? addr.length * 8 : Integer.parseInt(t.substring(slash + 1));
            if (bits < 0 || bits > addr.length * 8) {
                return null;
            }
            return new Cidr(addr, bits);
        } catch (UnknownHostException | NumberFormatException e) {
            return null;
        }
    }

    private static boolean inCidr(String cidr, String ip) {
        Cidr c = cidr(cidr);
        Cidr a = cidr(ip);
        if (c == null || a == null) {
            return false;
        }
        byte[] addr = a.net();
        byte[] net = c.net();
        if (addr.length == 16 && net.length == 4 && isMappedV4(addr)) {
            addr = java.util.Arrays.copyOfRange(addr, 12, 16);
        }
        if (addr.length != net.length) {
            return false;
        }
        int total = net.length * 8;
        BigInteger mask = c.bits() == 0
                ? BigInteger.ZERO
                : BigInteger.ONE.shiftLeft(c.bits()).subtract(BigInteger.ONE).shiftLeft(total - c.bits());
        BigInteger x = new BigInteger(1, addr).and(mask);
        BigInteger y = new BigInteger(1, net).and(mask);
        return x.equals(y);
    }

    private static boolean isMappedV4(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
    }

    /** IAM's wildcard match: {@code *} any run, {@code ?} one character; case-sensitive or not. */
    static boolean wildcard(String pattern, String s, boolean caseSensitive) {
        String p = caseSensitive ? pattern : pattern.toLowerCase(Locale.ROOT);
        String t = caseSensitive ? s : s.toLowerCase(Locale.ROOT);
        int pi = 0;
        int ti = 0;
        int star = -1;
        int mark = 0;
        while (ti < t.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == t.charAt(ti))) {
                pi++;
                ti++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = ti;
            } else if (star >= 0) {
                pi = star + 1;
                ti = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    private static Set<String> lower(Set<String> names) {
        Set<String> out = new java.util.HashSet<>();
        for (String n : names) {
            out.add(n.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(out);
    }
}
