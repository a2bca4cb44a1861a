package io.cairn.proxy.s3api.op;

import io.cairn.common.path.PercentCoding;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.s3api.xml.XmlNode;
import io.cairn.proxy.s3api.xml.XmlWriter;
import io.cairn.proxy.swift.QueryParams;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * S3 tag sets: read from a {@code Tagging} document or an {@code x-amz-tagging} header, checked against AWS's
 * limits, kept in sysmeta and written back as XML. s3api 2.30.1 only stubs tagging (an empty {@code TagSet}), so
 * the stored form and the names are Cairn's (proxy/README.md, S3 API): the tag set as the {@code x-amz-tagging}
 * header carries it ({@code key=value&...}, each part percent-encoded, in the order given), in {@link #OBJECT}
 * (transient sysmeta: an object POST replaces it, so tags change without rewriting the object — object sysmeta
 * would need a copy) and {@link #BUCKET}.
 *
 * <p>Immutable.
 *
 * @param tags the tags, in order
 */
record Tagging(List<Tag> tags) {
    /** An object's tags. */
    static final String OBJECT = "X-Object-Transient-Sysmeta-S3Api-Tagging";

    /** A bucket's tags. */
    static final String BUCKET = "X-Container-Sysmeta-S3Api-Tagging";

    /** AWS's limits: tags per object and per bucket, key and value lengths (characters). */
    static final int MAX_OBJECT_TAGS = 10;

    static final int MAX_BUCKET_TAGS = 50;
    static final int MAX_KEY = 128;
    static final int MAX_VALUE = 256;

    /** The largest {@code PutObjectTagging}/{@code PutBucketTagging} document read. */
    static final int MAX_BODY = 64 * 1024;

    /**
     * One tag.
     *
     * @param key its key
     * @param value its value
     */
    record Tag(String key, String value) {}

    Tagging {
        tags = List.copyOf(tags);
    }

    /** No tags. */
    static final Tagging EMPTY = new Tagging(List.of());

    boolean isEmpty() {
        return tags.isEmpty();
    }

    /** A {@code Tagging} document ({@code <Tagging><TagSet><Tag><Key/><Value/></Tag>...}), checked. */
    static Tagging fromXml(byte[] xml, int maxTags) {
        XmlNode set =
                RequestBody.document(xml, "Tagging", S3ErrorCode.MalformedXML).child("TagSet");
        if (set == null) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        List<Tag> tags = new ArrayList<>();
        for (XmlNode t : set.children()) {
            String key = t.childText("Key");
            String value = t.childText("Value");
            if (!t.name().equals("Tag") || key == null || value == null) {
                throw new S3Exception(S3ErrorCode.MalformedXML);
            }
            tags.add(new Tag(key, value));
        }
        return checked(tags, maxTags);
    }

    /** An {@code x-amz-tagging} header ({@code key=value&...}, URL-encoded), checked; null or empty: none. */
    static Tagging fromHeader(@Nullable String header, int maxTags) {
        if (header == null || header.isEmpty()) {
            return EMPTY;
        }
        List<Tag> tags = new ArrayList<>();
        QueryParams.forEachPair(header, (k, v) -> tags.add(new Tag(k, v)));
        return checked(tags, maxTags);
    }

    /** The stored form (null or empty: no tags); not checked again. */
    static Tagging fromStored(@Nullable String stored) {
        if (stored == null || stored.isEmpty()) {
            return EMPTY;
        }
        List<Tag> tags = new ArrayList<>();
        QueryParams.forEachPair(stored, (k, v) -> tags.add(new Tag(k, v)));
        return new Tagging(tags);
    }

    /** How many tags a stored form holds ({@code x-amz-tagging-count}); 0 for none. */
    static int count(@Nullable String stored) {
        if (stored == null || stored.isEmpty()) {
            return 0;
        }
        int n = 1;
        for (int i = 0; i < stored.length(); i++) {
            if (stored.charAt(i) == '&') {
                n++;
            }
        }
        return n;
    }

    /** AWS's checks, in its order: the count, then each tag's key and value, then repeated keys. */
    static Tagging checked(List<Tag> tags, int maxTags) {
        if (tags.size() > maxTags) {
            throw new S3Exception(
                    S3ErrorCode.InvalidTag,
                    maxTags == MAX_OBJECT_TAGS
                            ? "Object tags cannot be greater than " + maxTags
                            : "Bucket tag count cannot be greater than " + maxTags);
        }
        Set<String> seen = new HashSet<>();
        for (Tag t : tags) {
            int keyLength = t.key().codePointCount(0, t.key().length());
            if (keyLength > MAX_KEY) {
                throw invalid("The TagKey you have provided is too long, max " + MAX_KEY, t);
            }
            if (keyLength == 0) {
                throw invalid("The TagKey you have provided is invalid", t);
            }
            if (t.key().startsWith("aws:")) {
                throw invalid("Your TagKey cannot be prefixed with aws:", t);
            }
            if (t.value().codePointCount(0, t.value().length()) > MAX_VALUE) {
                throw invalid("The TagValue you have provided is too long, max " + MAX_VALUE, t);
            }
            if (!seen.add(t.key())) {
                throw invalid("Cannot provide multiple Tags with the same key", t);
            }
        }
        return new Tagging(tags);
    }

    private static S3Exception invalid(String message, Tag t) {
        return new S3Exception(S3ErrorCode.InvalidTag, message).with("TagKey", t.key());
    }

    /** The stored form: {@code key=value&...}, percent-encoded ("" for none). */
    String stored() {
        StringBuilder sb = new StringBuilder();
        for (Tag t : tags) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(PercentCoding.quote(t.key(), "")).append('=').append(PercentCoding.quote(t.value(), ""));
        }
        return sb.toString();
    }

    /** The {@code Tagging} answer document. */
    String toXml() {
        XmlWriter x = new XmlWriter().declaration().openRoot("Tagging").open("TagSet");
        for (Tag t : tags) {
            x.open("Tag").element("Key", t.key()).element("Value", t.value()).close("Tag");
        }
        return x.close("TagSet").close("Tagging").toString();
    }
}
