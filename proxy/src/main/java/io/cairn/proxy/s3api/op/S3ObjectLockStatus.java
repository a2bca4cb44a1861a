package io.cairn.proxy.s3api.op;

import io.cairn.proxy.s3api.S3Request;
import io.cairn.proxy.s3api.error.S3ErrorCode;
import io.cairn.proxy.s3api.error.S3ErrorResponses;
import io.cairn.proxy.s3api.error.S3Exception;
import io.cairn.proxy.s3api.xml.XmlWriter;
import io.cairn.proxy.swift.Exchange;
import io.cairn.proxy.swift.SwiftApp;
import io.cairn.proxy.swift.SwiftPath;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * PutObjectRetention, GetObjectRetention ({@code ?retention}), PutObjectLegalHold and GetObjectLegalHold ({@code
 * ?legal-hold}), of the current version or {@code versionId} ({@link ObjectLock}). The bucket must have object lock
 * (InvalidRequest otherwise). A GET is a HEAD of the version (NoSuchObjectLockConfiguration when it has none); a PUT
 * a HEAD, the checks of {@link ObjectLock#retentionRefusal} (a COMPLIANCE retention cannot be shortened or its mode
 * changed; a GOVERNANCE one only with {@code x-amz-bypass-governance-retention: true}), then a POST of the version
 * as object versioning stores it (in the versions container: it refuses a POST with {@code version-id}) that
 * repeats what a POST replaces: the data and the other sysmeta are not rewritten. s3api 2.30.1 answers
 * NotImplemented.
 *
 * <p>Confined to the exchange's event loop.
 */
public final class S3ObjectLockStatus extends S3BodyOperation {
    private final boolean legalHold;

    /** @param legalHold {@code ?legal-hold} (else {@code ?retention}) */
    public S3ObjectLockStatus(Exchange ex, SwiftApp app, S3Request req, boolean legalHold) {
        super(ex, app, req, ObjectLock.MAX_BODY);
        this.legalHold = legalHold;
    }

    @Override
    protected void run() {
        VersionIds.of(req);
        if (req.method().equals("GET")) {
            locked(() -> head(r -> answer(ObjectLock.Lock.of(r.headers()))));
        }
    }

    @Override
    void apply(byte[] xml) {
        if (!req.method().equals("PUT")) {
            return;
        }
        ObjectLock.@Nullable Retention retention = legalHold ? null : ObjectLock.parseRetention(xml);
        boolean hold = legalHold && ObjectLock.parseLegalHold(xml);
        locked(() -> head(r -> {
            ObjectLock.Lock current = ObjectLock.Lock.of(r.headers());
            HttpHeaders h = swiftHeaders();
            ObjectWriteHeaders.carryOnPost(r.headers(), h);
            if (retention != null) {
                Instant now = Instant.now(ex.services().clock());
                S3Exception refused = ObjectLock.retentionRefusal(current, retention, ObjectLock.bypass(req), now);
                if (refused != null) {
                    throw refused;
                }
                h.set(ObjectLock.MODE, retention.mode().name());
                h.set(ObjectLock.RETAIN_UNTIL, ObjectLock.format(retention.until()));
            } else {
                h.set(ObjectLock.LEGAL_HOLD, hold ? "ON" : "OFF");
            }
            String id = r.headers().get("X-Object-Version-Id");
            SwiftPath target;
            if (id != null && VersionIds.isReal(id)) {
                String[] at = ObjectLock.versionLocation(req.bucketName(), req.keyName(), id);
                target = path(at[0], at[1], "");
                h.set("X-Backend-Allow-Reserved-Names", "true");
            } else {
                target = path(req.bucketName(), req.keyName(), "");
            }
            call(HttpMethod.POST, target, h, null, p -> {
                if (p.status().code() / 100 != 2) {
                    throw swiftError(p, "POST", S3ErrorResponses.Target.OBJECT, true);
                }
                HttpHeaders out = new DefaultHttpHeaders();
                if (id != null) {
                    out.set("x-amz-version-id", id);
                }
                respond(200, out, null);
            });
        }));
    }

    /** Runs {@code then} when the bucket has object lock; InvalidRequest otherwise. */
    private void locked(Runnable then) {
        containerInfo(info -> {
            if (ObjectLock.Config.ofBucket(info.sysmeta()) == null) {
                throw new S3Exception(S3ErrorCode.InvalidRequest, "Bucket is missing Object Lock Configuration");
            }
            then.run();
        });
    }

    /** A HEAD of the object (its version); NoSuchKey/NoSuchVersion when it is missing. */
    private void head(java.util.function.Consumer<FullHttpResponse> then) {
        String version = VersionIds.of(req);
        String query = version == null ? "" : VersionIds.query(version);
        call(HttpMethod.HEAD, path(req.bucketName(), req.keyName(), query), swiftHeaders(), null, r -> {
            if (r.status().code() / 100 != 2) {
                throw swiftError(r, "HEAD", S3ErrorResponses.Target.OBJECT, true);
            }
            then.accept(r);
        });
    }

    private void answer(ObjectLock.Lock lock) {
        XmlWriter x;
        if (legalHold) {
            if (!lock.legalHoldSet()) {
                throw new S3Exception(S3ErrorCode.NoSuchObjectLockConfiguration);
            }
            x = xml().openRoot("LegalHold").element("Status", lock.legalHold() ? "ON" : "OFF");
            respond(200, new DefaultHttpHeaders(), x.close("LegalHold").toString());
            return;
        }
        ObjectLock.Mode m = lock.mode();
        Instant until = lock.until();
        if (m == null || until == null) {
            throw new S3Exception(S3ErrorCode.NoSuchObjectLockConfiguration);
        }
        x = xml().openRoot("Retention").element("Mode", m.name()).element("RetainUntilDate", ObjectLock.format(until));
        respond(200, new DefaultHttpHeaders(), x.close("Retention").toString());
    }
}
