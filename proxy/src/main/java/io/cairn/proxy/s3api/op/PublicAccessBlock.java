package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.s3api.xml.XmlNode;
import io.cairn.proxy.s3api.xml.XmlWriter;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A bucket's public access block ({@code PublicAccessBlockConfiguration}), kept in one container sysmeta value
 * ({@link #SYSMETA}, Cairn's name: s3api 2.30.1 has none) as {@code BlockPublicAcls=true,IgnorePublicAcls=false,…}.
 *
 * <p>Immutable.
 *
 * @param blockPublicAcls public canned ACLs and grants on PUTs are refused (AccessDenied)
 * @param ignorePublicAcls public ACL grants give no access
 * @param blockPublicPolicy a public bucket policy is refused by PutBucketPolicy
 * @param restrictPublicBuckets a public policy gives anonymous callers nothing
 */
public record PublicAccessBlock(
        boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy, boolean restrictPublicBuckets) {
    /** Where the configuration is kept. */
    static final String SYSMETA = "X-Container-Sysmeta-S3Api-Public-Access-Block";

    static final int MAX_BODY = 8 * 1024;

    private static final String[] NAMES = {
        "BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"
    };

    /** No blocking (a bucket without a configuration). */
    static final PublicAccessBlock NONE = new PublicAccessBlock(false, false, false, false);

    /** {@code block}, or {@link #NONE} for none. */
    static PublicAccessBlock orNone(@Nullable PublicAccessBlock block) {
        return block == null ? NONE : block;
    }

    /** The configuration of a PutPublicAccessBlock body; an element left out is false, as AWS. */
    static PublicAccessBlock fromXml(byte[] xml) {
        if (xml.length == 0) {
            throw new S3Exception(S3ErrorCode.MissingRequestBodyError);
        }
        XmlNode root = RequestBody.document(xml, "PublicAccessBlockConfiguration", S3ErrorCode.MalformedXML);
        boolean[] v = new boolean[NAMES.length];
        for (XmlNode child : root.children()) {
            int i = java.util.Arrays.asList(NAMES).indexOf(child.name());
            if (i < 0) {
                throw new S3Exception(S3ErrorCode.MalformedXML);
            }
            v[i] = bool(child.text());
        }
        return new PublicAccessBlock(v[0], v[1], v[2], v[3]);
    }

    private static boolean bool(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new S3Exception(S3ErrorCode.MalformedXML);
        };
    }

    private boolean[] values() {
        return new boolean[] {blockPublicAcls, ignorePublicAcls, blockPublicPolicy, restrictPublicBuckets};
    }

    /** The stored form. */
    String toStored() {
        StringBuilder sb = new StringBuilder();
        boolean[] v = values();
        for (int i = 0; i < NAMES.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(NAMES[i]).append('=').append(v[i]);
        }
        return sb.toString();
    }

    /** The stored configuration, or null when there is none (or it does not read). */
    static @Nullable PublicAccessBlock fromStored(@Nullable String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        boolean[] v = new boolean[NAMES.length];
        for (String part : stored.strip().split(",", -1)) {
            int eq = part.indexOf('=');
            int i = eq < 0 ? -1 : java.util.Arrays.asList(NAMES).indexOf(part.substring(0, eq));
            if (i < 0) {
                return null;
            }
            v[i] = part.substring(eq + 1).equals("true");
        }
        return new PublicAccessBlock(v[0], v[1], v[2], v[3]);
    }

    /** From container info's sysmeta (lower-case keys without {@code x-container-sysmeta-}). */
    static @Nullable PublicAccessBlock fromSysmeta(Map<String, String> sysmeta) {
        return fromStored(sysmeta.get(SYSMETA.toLowerCase(Locale.ROOT).substring("x-container-sysmeta-".length())));
    }

    /** GetPublicAccessBlock's document. */
    String toXml() {
        XmlWriter w = new XmlWriter().declaration().openRoot("PublicAccessBlockConfiguration");
        boolean[] v = values();
        for (int i = 0; i < NAMES.length; i++) {
            w.element(NAMES[i], Boolean.toString(v[i]));
        }
        return w.close("PublicAccessBlockConfiguration").toString();
    }
}
