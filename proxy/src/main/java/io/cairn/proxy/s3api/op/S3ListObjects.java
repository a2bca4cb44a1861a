package io.cairn.proxy.s3api.op;

import io.cairn.common.path.PercentCoding;
import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.auth.S3Query;
import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.s3api.xml.XmlWriter;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * ListObjects v1 and v2 ({@code GET /<bucket>[?list-type=2]}; s3api's {@code BucketController.GET}): one JSON
 * container listing of {@code max-keys + 1} entries (prefix, delimiter, marker / start-after / continuation
 * token) answered as {@code ListBucketResult}, with {@code encoding-type=url}, {@code fetch-owner} and the
 * listing ETag forms ({@code s3_etag}, an SLO's {@code -N}). ListObjectVersions ({@code ?versions}) is object
 * versioning's {@code versions} listing as {@code ListVersionsResult}: {@code Version} and {@code DeleteMarker}
 * entries with their {@code VersionId} ({@code null} for an unversioned object) and {@code IsLatest}, paged by
 * {@code key-marker}/{@code version-id-marker}.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3ListObjects extends S3Operation {
    private final int maxBucketListing;
    private final boolean versions;

    /**
     * @param versions ListObjectVersions ({@code ?versions}); without object versioning, s3api's unversioned view
     *     (every object its own only version, {@code null}, latest)
     */
    public S3ListObjects(Exchange ex, SwiftApp app, S3Request req, int maxBucketListing, boolean versions) {
        super(ex, app, req);
        this.maxBucketListing = maxBucketListing;
        this.versions = versions;
    }

    @Override
    protected void run() {
        S3Query q = req.query();
        int tagMaxKeys = Params.validated(q, "max-keys", maxBucketListing, Params.MAX_32BIT_INT);
        int maxKeys = Math.min(tagMaxKeys, maxBucketListing);
        String encoding = q.get("encoding-type");
        if (encoding != null && !encoding.equals("url")) {
            throw S3Exception.invalidArgument(
                    "encoding-type", encoding, "Invalid Encoding Method specified in Request");
        }
        boolean v2 = "2".equals(q.get("list-type"));
        StringBuilder sq = new StringBuilder("format=json&limit=").append(maxKeys + 1);
        append(sq, "prefix", q.get("prefix"));
        append(sq, "delimiter", q.get("delimiter"));
        append(sq, "marker", versions ? q.get("key-marker") : marker(q, v2));
        if (versions) {
            versionQuery(q, sq);
        }
        boolean url = encoding != null;
        call(HttpMethod.GET, path(req.bucketName(), null, sq.toString()), swiftHeaders(), null, r -> {
            if (r.status().code() / 100 != 2) {
                throw swiftError(r, "GET", S3ErrorResponses.Target.BUCKET, false);
            }
            List<Map<String, Object>> all = Listings.parse(r);
            boolean truncated = maxKeys > 0 && all.size() > maxKeys;
            List<Map<String, Object>> objects = all.subList(0, Math.min(all.size(), maxKeys));
            String root = versions ? "ListVersionsResult" : "ListBucketResult";
            XmlWriter x = xml().openRoot(root);
            x.element("Name", req.bucketName());
            String prefix = q.get("prefix");
            x.element("Prefix", prefix == null ? "" : enc(prefix, url));
            if (versions) {
                headerVersions(x, objects, truncated, tagMaxKeys, url);
            } else if (v2) {
                headerV2(x, objects, truncated, tagMaxKeys, url);
            } else {
                headerV1(x, objects, truncated, tagMaxKeys, url);
            }
            boolean owner = !v2 || "true".equalsIgnoreCase(q.get("fetch-owner"));
            for (Map<String, Object> o : objects) {
                entry(x, o, url, owner);
            }
            x.close(root);
            respond(200, EmptyHttpHeaders.INSTANCE, x.toString());
        });
    }

    /**
     * ListObjectVersions: Swift's {@code versions} listing; {@code version-id-marker} (with a {@code key-marker}
     * only, a version id or {@code null}) as {@code version_marker}.
     */
    private static void versionQuery(S3Query q, StringBuilder sq) {
        sq.append("&versions");
        String versionMarker = q.get("version-id-marker");
        if (versionMarker == null) {
            return;
        }
        if (!q.has("key-marker")) {
            throw S3Exception.invalidArgument(
                    "version-id-marker",
                    versionMarker,
                    "A version-id marker cannot be specified without a key marker.");
        }
        append(sq, "version_marker", VersionIds.check("version-id-marker", versionMarker));
    }

    private static @Nullable String marker(S3Query q, boolean v2) {
        if (!v2) {
            return q.get("marker");
        }
        String token = q.get("continuation-token");
        if (token != null) {
            try {
                return new String(Base64.getDecoder().decode(token.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw S3Exception.invalidArgument(
                        "continuation-token", token, "The continuation token provided is incorrect");
            }
        }
        return q.get("start-after");
    }

    private static void append(StringBuilder sq, String name, @Nullable String value) {
        if (value != null) {
            sq.append('&').append(name).append('=').append(MultipartLayout.quote(value));
        }
    }

    private static String enc(String s, boolean url) {
        return url ? PercentCoding.quote(s) : s;
    }

    private static String lastName(List<Map<String, Object>> objects) {
        Map<String, Object> last = objects.get(objects.size() - 1);
        return last.containsKey("subdir") ? Listings.string(last, "subdir") : Listings.string(last, "name");
    }

    private void headerV1(XmlWriter x, List<Map<String, Object>> objects, boolean truncated, int tag, boolean url) {
        S3Query q = req.query();
        String marker = q.get("marker");
        x.element("Marker", marker == null ? "" : enc(marker, url));
        if (truncated && q.has("delimiter")) {
            x.element("NextMarker", enc(lastName(objects), url));
        }
        x.element("MaxKeys", Integer.toString(tag));
        tail(x, truncated, url);
    }

    private void headerVersions(
            XmlWriter x, List<Map<String, Object>> objects, boolean truncated, int tag, boolean url) {
        S3Query q = req.query();
        String keyMarker = q.get("key-marker");
        x.element("KeyMarker", keyMarker == null ? "" : enc(keyMarker, url));
        x.element("VersionIdMarker", q.all().getOrDefault("version-id-marker", ""));
        if (truncated) {
            // s3api 2.30.1 reads a "version" key Swift's listing does not have, so always writes null: the
            // page's last version id is what the next page must start after
            Map<String, Object> last = objects.get(objects.size() - 1);
            String lastVersion = last.containsKey("subdir") ? "" : Listings.string(last, "version_id");
            x.element("NextKeyMarker", enc(lastName(objects), url))
                    .element("NextVersionIdMarker", lastVersion.isEmpty() ? "null" : lastVersion);
        }
        x.element("MaxKeys", Integer.toString(tag));
        tail(x, truncated, url);
    }

    private void headerV2(XmlWriter x, List<Map<String, Object>> objects, boolean truncated, int tag, boolean url) {
        S3Query q = req.query();
        if (truncated) {
            x.element(
                    "NextContinuationToken",
                    Base64.getEncoder().encodeToString(lastName(objects).getBytes(StandardCharsets.UTF_8)));
        }
        String token = q.get("continuation-token");
        if (token != null) {
            x.element("ContinuationToken", token);
        }
        String startAfter = q.get("start-after");
        if (startAfter != null) {
            x.element("StartAfter", enc(startAfter, url));
        }
        x.element("KeyCount", Integer.toString(objects.size()));
        x.element("MaxKeys", Integer.toString(tag));
        tail(x, truncated, url);
    }

    private void tail(XmlWriter x, boolean truncated, boolean url) {
        String delimiter = req.query().get("delimiter");
        // s3api writes an empty Delimiter only in a versions listing (its _add_versions_listing_headers)
        if (delimiter != null && (versions || !delimiter.isEmpty())) {
            x.element("Delimiter", enc(delimiter, url));
        }
        if (url) {
            x.element("EncodingType", "url");
        }
        x.element("IsTruncated", truncated ? "true" : "false");
    }

    private void entry(XmlWriter x, Map<String, Object> o, boolean url, boolean withOwner) {
        if (o.containsKey("subdir")) {
            x.open("CommonPrefixes")
                    .element("Prefix", enc(Listings.string(o, "subdir"), url))
                    .close("CommonPrefixes");
            return;
        }
        boolean marker = versions && VersionIds.DELETE_MARKER_TYPE.equals(Listings.string(o, "content_type"));
        String tag = marker ? "DeleteMarker" : versions ? "Version" : "Contents";
        x.open(tag);
        x.element("Key", enc(Listings.string(o, "name"), url));
        if (versions) {
            String id = Listings.string(o, "version_id");
            // without object versioning Swift's listing has neither: every object is its own latest null version
            Object latest = o.get("is_latest");
            x.element("VersionId", id.isEmpty() ? "null" : id)
                    .element("IsLatest", Boolean.FALSE.equals(latest) ? "false" : "true");
        }
        x.element("LastModified", Listings.s3Time(Listings.string(o, "last_modified")));
        if (!marker) {
            x.element("ETag", Listings.listingEtag(o));
            x.element("Size", Long.toString(Listings.number(o, "bytes")));
        }
        if (withOwner) {
            x.open("Owner")
                    .element("ID", owner())
                    .element("DisplayName", owner())
                    .close("Owner");
        }
        if (!marker) {
            x.element("StorageClass", "STANDARD");
        }
        x.close(tag);
    }
}
