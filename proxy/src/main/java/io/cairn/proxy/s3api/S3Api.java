package io.cairn.proxy.s3api;

import io.cairn.proxy.info.ContainerInfo;
import io.cairn.proxy.pipeline.AccessPolicy;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.s3api.op.BucketAccess;
import io.cairn.proxy.s3api.op.CorsHeaders;
import io.cairn.proxy.s3api.op.PublicAccessBlock;
import io.cairn.proxy.s3api.op.S3AbortMultipartUpload;
import io.cairn.proxy.s3api.op.S3CompleteMultipartUpload;
import io.cairn.proxy.s3api.op.S3CopyObject;
import io.cairn.proxy.s3api.op.S3CreateBucket;
import io.cairn.proxy.s3api.op.S3CreateMultipartUpload;
import io.cairn.proxy.s3api.op.S3DeleteBucket;
import io.cairn.proxy.s3api.op.S3DeleteBucketCors;
import io.cairn.proxy.s3api.op.S3DeleteBucketLifecycle;
import io.cairn.proxy.s3api.op.S3DeleteBucketPolicy;
import io.cairn.proxy.s3api.op.S3DeleteObject;
import io.cairn.proxy.s3api.op.S3DeleteObjects;
import io.cairn.proxy.s3api.op.S3DeleteTagging;
import io.cairn.proxy.s3api.op.S3GetAcl;
import io.cairn.proxy.s3api.op.S3GetBucketCors;
import io.cairn.proxy.s3api.op.S3GetBucketLifecycle;
import io.cairn.proxy.s3api.op.S3GetBucketLocation;
import io.cairn.proxy.s3api.op.S3GetBucketPolicy;
import io.cairn.proxy.s3api.op.S3GetBucketVersioning;
import io.cairn.proxy.s3api.op.S3GetObject;
import io.cairn.proxy.s3api.op.S3GetPublicAccessBlock;
import io.cairn.proxy.s3api.op.S3GetTagging;
import io.cairn.proxy.s3api.op.S3HeadBucket;
import io.cairn.proxy.s3api.op.S3ListBuckets;
import io.cairn.proxy.s3api.op.S3ListMultipartUploads;
import io.cairn.proxy.s3api.op.S3ListObjects;
import io.cairn.proxy.s3api.op.S3ListParts;
import io.cairn.proxy.s3api.op.S3ObjectLockConfiguration;
import io.cairn.proxy.s3api.op.S3ObjectLockStatus;
import io.cairn.proxy.s3api.op.S3PostObject;
import io.cairn.proxy.s3api.op.S3Preflight;
import io.cairn.proxy.s3api.op.S3PutBucketAcl;
import io.cairn.proxy.s3api.op.S3PutBucketCors;
import io.cairn.proxy.s3api.op.S3PutBucketLifecycle;
import io.cairn.proxy.s3api.op.S3PutBucketPolicy;
import io.cairn.proxy.s3api.op.S3PutBucketVersioning;
import io.cairn.proxy.s3api.op.S3PutObject;
import io.cairn.proxy.s3api.op.S3PutPublicAccessBlock;
import io.cairn.proxy.s3api.op.S3PutTagging;
import io.cairn.proxy.s3api.op.S3UploadPart;
import io.cairn.proxy.s3api.op.S3UploadPartCopy;
import io.cairn.proxy.swift.Deferred;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.Middleware;
import io.cairn.proxy.swift.Operation;
import io.cairn.proxy.swift.SwiftApp;
import io.netty.handler.codec.http.HttpContent;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code s3api} filter on the application seam: serves the {@link S3HttpRequest}s its Netty stage ({@link
 * S3RequestHandler}) authenticated, picking one operation class per S3 operation (s3api's controllers), each of
 * which drives the application below with Swift subrequests. Every other request passes with one {@code
 * instanceof} check.
 *
 * <p>Immutable and thread-safe; above server-side copy, as in Swift's pipeline.
 */
public final class S3Api implements Middleware {
    /** Bucket sub-resources s3api 2.30.1 does not implement (its {@code UnsupportedController}). */
    private static final List<String> UNSUPPORTED_BUCKET = List.of(
            "website",
            "notification",
            "requestPayment",
            "replication",
            "inventory",
            "analytics",
            "accelerate",
            "metrics",
            "intelligent-tiering",
            "encryption",
            "ownershipControls",
            "logging");

    private static final List<String> UNSUPPORTED_OBJECT =
            List.of("acl", "tagging", "torrent", "restore", "select", "attributes");

    private final S3ApiConfig config;

    public S3Api(S3ApiConfig config) {
        this.config = config;
    }

    public S3ApiConfig config() {
        return config;
    }

    /** The stage that authenticates S3 requests for this filter. */
    public S3Front front(AccessPolicy access, Clock clock, int maxKeyLength) {
        return new S3Front(config, access, clock, access.authPrefix(), maxKeyLength);
    }

    @Override
    public boolean aboveCopy() {
        return true;
    }

    @Override
    public void registerInfo(Map<String, Object> info) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("max_bucket_listing", config.maxBucketListing());
        s.put("max_parts_listing", config.maxPartsListing());
        s.put("max_upload_part_num", config.maxUploadPartNum());
        s.put("max_multi_delete_objects", config.maxMultiDeleteObjects());
        s.put("allow_multipart_uploads", config.allowMultipartUploads());
        s.put("min_segment_size", config.minSegmentSize());
        s.put("s3_acl", config.s3Acl());
        info.put("s3api", s);
    }

    @Override
    public @Nullable Operation operationFor(Exchange ex, SwiftApp next) {
        if (!(ex.request() instanceof S3HttpRequest s3) || ex.isSubrequest()) {
            return next.operationFor(ex);
        }
        S3Request req = s3.s3();
        String origin = req.clientHeaders().get("Origin");
        String bucket = req.bucket();
        boolean form = req.method().equals("POST")
                && req.key() == null
                && S3PostObject.isForm(req.clientHeaders().get("Content-Type"));
        if (bucket == null || req.method().equals("OPTIONS") || (form && origin == null)) {
            return routed(ex, next, req, BucketAccess.Verdict.NONE);
        }
        // the bucket's policy and public access block (and, for an actual CORS request, its CORS rules), as they
        // were before the request: one cached container info lookup
        CompletableFuture<ContainerInfo> info = ex.services().infoCache().container(req.account(), bucket);
        return Deferred.when(ex, info, () -> {
            ContainerInfo ci = Deferred.resultOf(info);
            if (origin != null) {
                ex.filterResponse(head -> CorsHeaders.decorate(req, ci, head.headers()));
            }
            if (form || ci == null || !ci.exists()) {
                return routed(ex, next, req, BucketAccess.Verdict.NONE);
            }
            BucketAccess.Verdict verdict;
            try {
                verdict = BucketAccess.check(ex, req, ci);
            } catch (S3Exception e) {
                return new Refusal(ex, req, e);
            }
            return routed(ex, next, req, verdict);
        });
    }

    private Operation routed(Exchange ex, SwiftApp next, S3Request req, BucketAccess.Verdict verdict) {
        try {
            return route(ex, next, req, verdict);
        } catch (S3Exception e) {
            return new Refusal(ex, req, e);
        }
    }

    private Operation route(Exchange ex, SwiftApp next, S3Request req, BucketAccess.Verdict verdict) {
        if (req.method().equals("OPTIONS")) {
            if (req.bucket() == null) {
                throw notAllowed();
            }
            return new S3Preflight(ex, next, req);
        }
        if (req.bucket() == null) {
            if (req.method().equals("GET") || req.method().equals("HEAD")) {
                return new S3ListBuckets(ex, next, req, config.dnsCompliantBucketNames());
            }
            throw notAllowed();
        }
        return req.key() == null ? bucket(ex, next, req, verdict) : object(ex, next, req);
    }

    private Operation bucket(Exchange ex, SwiftApp next, S3Request req, BucketAccess.Verdict verdict) {
        String m = req.method();
        if (req.query().has("location")) {
            if (!m.equals("GET")) {
                throw notAllowed();
            }
            return new S3GetBucketLocation(ex, next, req, config.location());
        }
        Operation special = aclOrTagging(ex, next, req, verdict.block().blockPublicAcls());
        if (special != null) {
            return special;
        }
        Operation configured = bucketConfiguration(ex, next, req);
        if (configured == null) {
            configured = policyOrBlock(ex, next, req, verdict.block());
        }
        if (configured != null) {
            return configured;
        }
        for (String sub : UNSUPPORTED_BUCKET) {
            if (req.query().has(sub)) {
                throw new S3Exception(S3ErrorCode.S3NotImplemented);
            }
        }
        if (req.query().has("delete")) {
            if (!m.equals("POST")) {
                throw notAllowed();
            }
            return new S3DeleteObjects(ex, next, req, config.maxMultiDeleteObjects(), verdict.deniedKey());
        }
        if (req.query().has("uploads")) {
            multipartAllowed();
            if (!m.equals("GET")) {
                throw notAllowed();
            }
            return new S3ListMultipartUploads(ex, next, req);
        }
        return switch (m) {
            case "GET" ->
                new S3ListObjects(
                        ex, next, req, config.maxBucketListing(), req.query().has("versions"));
            case "HEAD" -> new S3HeadBucket(ex, next, req);
            case "PUT" -> new S3CreateBucket(ex, next, req, config.location());
            case "DELETE" -> new S3DeleteBucket(ex, next, req);
            case "POST" -> {
                if (!S3PostObject.isForm(req.clientHeaders().get("Content-Type"))) {
                    throw new S3Exception(S3ErrorCode.S3NotImplemented);
                }
                yield new S3PostObject(ex, next, req, config);
            }
            default -> throw notAllowed();
        };
    }

    /**
     * {@code ?cors}, {@code ?lifecycle}, {@code ?object-lock} and {@code ?versioning} on a bucket; null for anything
     * else.
     */
    private static @Nullable Operation bucketConfiguration(Exchange ex, SwiftApp next, S3Request req) {
        String m = req.method();
        if (req.query().has("cors")) {
            return switch (m) {
                case "GET" -> new S3GetBucketCors(ex, next, req);
                case "PUT" -> new S3PutBucketCors(ex, next, req);
                case "DELETE" -> new S3DeleteBucketCors(ex, next, req);
                default -> throw notAllowed();
            };
        }
        if (req.query().has("lifecycle")) {
            return switch (m) {
                case "GET" -> new S3GetBucketLifecycle(ex, next, req);
                case "PUT" -> new S3PutBucketLifecycle(ex, next, req);
                case "DELETE" -> new S3DeleteBucketLifecycle(ex, next, req);
                default -> throw notAllowed();
            };
        }
        if (req.query().has("object-lock")) {
            return switch (m) {
                case "GET", "PUT" -> new S3ObjectLockConfiguration(ex, next, req);
                default -> throw notAllowed();
            };
        }
        if (req.query().has("versioning")) {
            return switch (m) {
                case "GET" -> new S3GetBucketVersioning(ex, next, req);
                case "PUT" -> new S3PutBucketVersioning(ex, next, req, objectVersioning(ex));
                default -> throw notAllowed();
            };
        }
        return null;
    }

    private Operation object(Exchange ex, SwiftApp next, S3Request req) {
        String m = req.method();
        Operation special = aclOrTagging(ex, next, req, false);
        if (special != null) {
            return special;
        }
        if (req.query().has("retention") || req.query().has("legal-hold")) {
            return switch (m) {
                case "GET", "PUT" ->
                    new S3ObjectLockStatus(ex, next, req, req.query().has("legal-hold"));
                default -> throw notAllowed();
            };
        }
        for (String sub : UNSUPPORTED_OBJECT) {
            if (req.query().has(sub)) {
                throw new S3Exception(S3ErrorCode.S3NotImplemented);
            }
        }
        if (req.query().has("uploads") || req.query().has("uploadId")) {
            return multipart(ex, next, req);
        }
        if (req.query().has("partNumber") && m.equals("PUT")) {
            throw S3Exception.invalidArgument("ResourceType", "partNumber", "Unexpected query string parameter");
        }
        return switch (m) {
            case "GET", "HEAD" -> new S3GetObject(ex, next, req);
            case "PUT" ->
                req.clientHeaders().contains("x-amz-copy-source")
                        ? new S3CopyObject(ex, next, req)
                        : new S3PutObject(ex, next, req);
            case "DELETE" -> new S3DeleteObject(ex, next, req);
            case "POST" -> throw new S3Exception(S3ErrorCode.S3NotImplemented);
            default -> throw notAllowed();
        };
    }

    /** {@code ?acl} and {@code ?tagging} on a bucket or an object (s3api's ACL and tagging controllers). */
    private static @Nullable Operation aclOrTagging(
            Exchange ex, SwiftApp next, S3Request req, boolean blockPublicAcls) {
        String m = req.method();
        if (req.query().has("acl")) {
            return switch (m) {
                case "GET", "HEAD" -> new S3GetAcl(ex, next, req);
                case "PUT" -> {
                    if (req.key() != null) {
                        throw new S3Exception(S3ErrorCode.S3NotImplemented);
                    }
                    yield new S3PutBucketAcl(ex, next, req, blockPublicAcls);
                }
                default -> throw notAllowed();
            };
        }
        if (req.query().has("tagging")) {
            return switch (m) {
                case "GET" -> new S3GetTagging(ex, next, req);
                case "PUT" -> new S3PutTagging(ex, next, req);
                case "DELETE" -> new S3DeleteTagging(ex, next, req);
                default -> throw notAllowed();
            };
        }
        return null;
    }

    /**
     * {@code ?policy}, {@code ?policyStatus} and {@code ?publicAccessBlock} on a bucket (Cairn's; s3api 2.30.1
     * answers NotImplemented); null for anything else.
     */
    private static @Nullable Operation policyOrBlock(
            Exchange ex, SwiftApp next, S3Request req, PublicAccessBlock block) {
        String m = req.method();
        if (req.query().has("policy")) {
            return switch (m) {
                case "GET" -> new S3GetBucketPolicy(ex, next, req, false);
                case "PUT" -> new S3PutBucketPolicy(ex, next, req, block);
                case "DELETE" -> new S3DeleteBucketPolicy(ex, next, req, false);
                default -> throw notAllowed();
            };
        }
        if (req.query().has("policyStatus")) {
            if (!m.equals("GET")) {
                throw notAllowed();
            }
            return new S3GetBucketPolicy(ex, next, req, true);
        }
        if (req.query().has("publicAccessBlock")) {
            return switch (m) {
                case "GET" -> new S3GetPublicAccessBlock(ex, next, req);
                case "PUT" -> new S3PutPublicAccessBlock(ex, next, req);
                case "DELETE" -> new S3DeleteBucketPolicy(ex, next, req, true);
                default -> throw notAllowed();
            };
        }
        return null;
    }

    /** s3api's {@code 'object_versioning' in get_swift_info()}: a filter of the pipeline registers it. */
    private static boolean objectVersioning(Exchange ex) {
        Map<String, Object> info = new HashMap<>();
        for (Middleware m : ex.services().middlewares()) {
            m.registerInfo(info);
        }
        return info.containsKey("object_versioning");
    }

    private void multipartAllowed() {
        if (!config.allowMultipartUploads()) {
            throw new S3Exception(S3ErrorCode.S3NotImplemented, "Multi-part feature isn't support");
        }
    }

    private Operation multipart(Exchange ex, SwiftApp next, S3Request req) {
        multipartAllowed();
        String m = req.method();
        if (req.query().has("uploads")) {
            if (!m.equals("POST")) {
                throw notAllowed();
            }
            return new S3CreateMultipartUpload(ex, next, req);
        }
        return switch (m) {
            case "PUT" ->
                req.clientHeaders().contains("x-amz-copy-source")
                        ? new S3UploadPartCopy(ex, next, req, config.maxUploadPartNum())
                        : new S3UploadPart(ex, next, req, config.maxUploadPartNum());
            case "GET" -> new S3ListParts(ex, next, req, config.maxPartsListing());
            case "POST" -> new S3CompleteMultipartUpload(ex, next, req, config.minSegmentSize());
            case "DELETE" -> new S3AbortMultipartUpload(ex, next, req);
            default -> throw notAllowed();
        };
    }

    private static S3Exception notAllowed() {
        return new S3Exception(S3ErrorCode.MethodNotAllowed);
    }

    /** Answers an S3 error before any subrequest (its body, if any, is discarded). */
    private static final class Refusal implements Operation {
        private final Exchange ex;
        private final S3Request req;
        private final S3Exception error;

        Refusal(Exchange ex, S3Request req, S3Exception error) {
            this.ex = ex;
            this.req = req;
            this.error = error;
        }

        @Override
        public void start() {
            ex.respond(S3ErrorResponses.render(error, ex.transId(), req.method().equals("HEAD")));
        }

        @Override
        public void content(HttpContent content) {
            content.release();
        }

        @Override
        public void clientClosed() {}
    }
}
