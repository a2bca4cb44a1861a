package io.cairn.compute.image;

import io.cairn.common.token.TokenClaims;
import io.cairn.compute.config.StorageProperties;
import io.cairn.compute.identity.RequestAuthenticator;
import io.cairn.compute.system.ApiException;
import io.cairn.compute.system.Blocking;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;

/**
 * Glance v2's behaviour: who sees and changes which image, the status machine, uploads (hashed and inspected while
 * they stream into the {@link ImageStore}; a failed one leaves the image {@code queued} with nothing stored) and
 * downloads. Everything blocking runs through {@link Blocking}.
 */
@Service
public class ImageService {
    private static final System.Logger LOG = System.getLogger(ImageService.class.getName());

    private final ImageRepository repo;
    private final MemberRepository members;
    private final ImageStore store;
    private final Duration uploadIdleTimeout;
    private final Clock clock;

    public ImageService(
            ImageRepository repo, MemberRepository members, ImageStore store, StorageProperties storage, Clock clock) {
        this.uploadIdleTimeout = storage.uploadIdleTimeout();
        this.repo = repo;
        this.members = members;
        this.store = store;
        this.clock = clock;
    }

    static boolean isAdmin(TokenClaims c) {
        return c.hasRole(RequestAuthenticator.ADMIN_ROLE);
    }

    /** The project a request acts for; image calls need a project-scoped token. */
    static String projectOf(TokenClaims c) {
        String p = c.projectId();
        if (p == null) {
            throw ApiException.forbidden("The image service needs a project-scoped token.");
        }
        return p;
    }

    Image create(TokenClaims c, @Nullable JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("The request body must be a JSON object.");
        }
        boolean admin = isAdmin(c);
        String id = UUID.randomUUID().toString();
        JsonNode requestedId = body.get("id");
        if (requestedId != null) {
            id = requestedId.isString() ? requestedId.asString() : "";
            try {
                id = UUID.fromString(id).toString();
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("'id' must be a UUID.");
            }
            if (repo.find(id).isPresent()) {
                throw ApiException.conflict("An image with identifier " + id + " already exists");
            }
        }
        Image image = new Image(id);
        image.owner = projectOf(c);
        long now = clock.millis();
        image.createdAt = now;
        image.updatedAt = now;
        for (Iterator<Map.Entry<String, JsonNode>> it = body.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("id")) {
                continue;
            }
            if (e.getKey().equals("visibility")
                    && e.getValue().isString()
                    && e.getValue().asString().equals("public")
                    && !admin) {
                throw ApiException.forbidden("You are not authorized to publicize images: admin required.");
            }
            ImageFields.set(image, e.getKey(), e.getValue(), admin);
        }
        repo.insert(image);
        return image;
    }

    Image get(TokenClaims c, String id) {
        Image i = repo.find(id).orElseThrow(() -> notFound(id));
        String project = c.projectId();
        boolean visible = isAdmin(c)
                || Objects.equals(i.owner, project)
                || i.visibility.equals("public")
                || i.visibility.equals("community")
                || (i.visibility.equals("shared")
                        && project != null
                        && members.find(id, project).isPresent());
        if (!visible) {
            throw notFound(id);
        }
        return i;
    }

    /** An image the caller may change: its project owns it, or the caller is admin (403 otherwise). */
    Image modifiable(TokenClaims c, String id) {
        Image i = get(c, id);
        if (!isAdmin(c) && !Objects.equals(i.owner, c.projectId())) {
            throw ApiException.forbidden("You are not permitted to modify image " + id + ".");
        }
        return i;
    }

    ImageQuery.Page list(TokenClaims c, MultiValueMap<String, String> params) {
        ImageQuery query = new ImageQuery(params);
        boolean admin = isAdmin(c);
        String project = c.projectId();
        Map<String, String> memberships = project == null ? Map.of() : members.statusesOf(project);
        return query.page(repo.visibleTo(admin ? null : project), admin, project, memberships);
    }

    Image patch(TokenClaims c, String id, List<ImagePatch.Op> ops) {
        Image current = modifiable(c, id);
        // a refused operation must leave the stored image untouched: patch a copy, store it only when all passed
        Image patched = current.copy();
        ImagePatch.apply(patched, ops, isAdmin(c));
        patched.updatedAt = clock.millis();
        repo.update(patched);
        return patched;
    }

    void addTag(TokenClaims c, String id, String tag) {
        Image i = modifiable(c, id);
        ImageFields.addTag(i, tag);
        i.updatedAt = clock.millis();
        repo.update(i);
    }

    void removeTag(TokenClaims c, String id, String tag) {
        Image i = modifiable(c, id);
        if (!i.tags.remove(tag)) {
            throw ApiException.notFound("Tag " + tag + " not found on image " + id + ".");
        }
        i.updatedAt = clock.millis();
        repo.update(i);
    }

    void deactivate(TokenClaims c, String id, boolean deactivate) {
        Image i = modifiable(c, id);
        ImageStatus target = deactivate ? ImageStatus.DEACTIVATED : ImageStatus.ACTIVE;
        if (i.status == target) {
            return; // Glance answers 204 to a repeated (re)activation
        }
        ImageStatus expected = deactivate ? ImageStatus.ACTIVE : ImageStatus.DEACTIVATED;
        if (i.status != expected) {
            throw ApiException.forbidden("Not allowed to " + (deactivate ? "deactivate" : "reactivate")
                    + " image in status '" + i.status.wire() + "'");
        }
        if (!repo.compareAndSetStatus(id, expected, target, clock.millis())) {
            throw ApiException.conflict("Image " + id + " changed status meanwhile; retry.");
        }
    }

    Mono<Void> delete(TokenClaims c, String id) {
        return Blocking.call(() -> {
                    Image i = modifiable(c, id);
                    if (i.isProtected) {
                        throw ApiException.forbidden("Image " + id + " is protected and cannot be deleted.");
                    }
                    i.status.checkTransition(ImageStatus.DELETED);
                    return i;
                })
                // bytes first: if the store fails, the image is still there to delete again, nothing orphaned
                .flatMap(i -> store.delete(id).then(Blocking.run(() -> repo.delete(id))));
    }

    /**
     * Streams an upload into the store; see the class comment for what a failure leaves. The work runs detached
     * from the HTTP exchange: a client that disconnects cancels the exchange, but cancelling the store's requests
     * mid-flight could let a segment land after the clean-up listed them. Instead the upload ends on its own (the
     * body fails, or nothing arrives for {@code upload-idle-timeout}) and cleans up once, after its last request.
     */
    Mono<Void> upload(TokenClaims c, String id, Flux<ByteBuf> body, long declaredLength) {
        return receive(c, id, body, declaredLength, DataPhase.UPLOAD);
    }

    /**
     * glance-direct's stage ({@code PUT /v2/images/{id}/stage}): the bytes go where an upload puts them (container
     * {@code glance} in Cairn, the same object or segments, checked and hashed the same way) and the image stays
     * {@code uploading} until it is imported. Staging into Cairn rather than a local directory (Glance's {@code
     * os_glance_staging_store}) lets any image API process behind a load balancer answer the import.
     */
    Mono<Void> stage(TokenClaims c, String id, Flux<ByteBuf> body, long declaredLength) {
        return receive(c, id, body, declaredLength, DataPhase.STAGE);
    }

    /** What receiving data is for: the status it runs in and the one it ends in. */
    enum DataPhase {
        UPLOAD(ImageStatus.SAVING, ImageStatus.ACTIVE, "saving"),
        STAGE(ImageStatus.UPLOADING, ImageStatus.UPLOADING, "staging");

        final ImageStatus during;
        final ImageStatus after;
        final String verb;

        DataPhase(ImageStatus during, ImageStatus after, String verb) {
            this.during = during;
            this.after = after;
            this.verb = verb;
        }
    }

    /**
     * Streams data into the store; see the class comment for what a failure leaves. The work runs detached
     * from the HTTP exchange: a client that disconnects cancels the exchange, but cancelling the store's requests
     * mid-flight could let a segment land after the clean-up listed them. Instead the upload ends on its own (the
     * body fails, or nothing arrives for {@code upload-idle-timeout}) and cleans up once, after its last request.
     */
    private Mono<Void> receive(TokenClaims c, String id, Flux<ByteBuf> body, long declaredLength, DataPhase phase) {
        Mono<Void> work = Blocking.call(() -> startReceiving(c, id, phase)).flatMap(image -> {
            UploadDigest digest = new UploadDigest(!store.vouchesForMd5(declaredLength));
            DiskFormatInspector inspector = new DiskFormatInspector(Objects.requireNonNull(image.diskFormat));
            Flux<ByteBuf> observed = IdleWatch.abandonWhenIdle(
                            body,
                            uploadIdleTimeout,
                            () -> new ApiException(
                                    HttpStatus.REQUEST_TIMEOUT,
                                    "No image data for " + uploadIdleTimeout.toSeconds() + " s; upload abandoned."))
                    .handle((buf, sink) -> {
                        ByteBuffer[] views = buf.nioBuffers();
                        try {
                            for (ByteBuffer view : views) {
                                inspector.update(view);
                            }
                        } catch (RuntimeException refused) {
                            buf.release();
                            sink.error(refused);
                            return;
                        }
                        // forwarded first, hashed after: the store's write and flush happen on this thread inside
                        // next(), so the proxy works on these bytes while this thread hashes them (sha512 is the
                        // upload path's largest cost here); the extra reference keeps them readable meanwhile
                        buf.retain();
                        try {
                            sink.next(buf);
                            for (ByteBuffer view : views) {
                                digest.update(view);
                            }
                        } finally {
                            buf.release();
                        }
                    });
            return store.write(id, observed, declaredLength)
                    .flatMap(stored -> Blocking.run(
                            () -> finishReceiving(image, digest, inspector, stored, declaredLength, phase)))
                    .onErrorResume(e -> abandonUpload(id, e, phase).then(Mono.error(e)));
        });
        Sinks.One<Void> outcome = Sinks.one();
        work.subscribe(null, outcome::tryEmitError, outcome::tryEmitEmpty);
        return outcome.asMono();
    }

    private Image startReceiving(TokenClaims c, String id, DataPhase phase) {
        Image i = modifiable(c, id);
        i.status.checkTransition(phase.during);
        if (i.diskFormat == null || i.containerFormat == null) {
            throw ApiException.badRequest(
                    "Properties disk_format, container_format must be set prior to " + phase.verb + " data.");
        }
        if (!repo.compareAndSetStatus(id, ImageStatus.QUEUED, phase.during, clock.millis())) {
            throw ApiException.conflict("Image status transition from queued to " + phase.during.wire()
                    + " is not allowed: another upload is in progress");
        }
        return i;
    }

    private void finishReceiving(
            Image image,
            UploadDigest digest,
            DiskFormatInspector inspector,
            ImageStore.Stored stored,
            long declared,
            DataPhase phase) {
        if (declared >= 0 && digest.bytes() != declared) {
            throw ApiException.badRequest(
                    "The upload ended after " + digest.bytes() + " of its " + declared + " declared bytes.");
        }
        Image done = image.copy();
        done.virtualSize = inspector.finish(digest.bytes());
        done.size = digest.bytes();
        // the store's md5 is of exactly the bytes it stored, and those are the declared count checked above
        done.checksum = digest.hashesMd5() ? digest.md5Hex() : Objects.requireNonNull(stored.md5(), "store md5");
        done.osHashAlgo = UploadDigest.HASH_ALGO;
        done.osHashValue = digest.sha512Hex();
        done.storeLayout = stored.layout();
        if (!repo.recordData(done, phase.during, phase.after, clock.millis())) {
            throw new ApiException(HttpStatus.GONE, "Image " + image.id + " was deleted during its upload.");
        }
    }

    /** After a failed or abandoned upload: nothing stored, the image {@code queued} again (if it still exists). */
    private Mono<Void> abandonUpload(String id, @Nullable Throwable cause, DataPhase phase) {
        if (cause != null && !(cause instanceof ApiException)) {
            LOG.log(System.Logger.Level.WARNING, "upload of image " + id + " failed: " + cause);
        }
        return store.delete(id)
                .onErrorResume(e -> {
                    LOG.log(System.Logger.Level.ERROR, "could not remove the partial data of image " + id, e);
                    return Mono.empty();
                })
                .then(Blocking.run(
                        () -> repo.compareAndSetStatus(id, phase.during, ImageStatus.QUEUED, clock.millis())));
    }

    /** The import methods this service has ({@code GET /v2/info/import}, {@code OpenStack-image-import-methods}). */
    static final List<String> IMPORT_METHODS = List.of("glance-direct");

    /**
     * {@code POST /v2/images/{id}/import} with {@code {"method": {"name": "glance-direct"}}}: a staged image goes
     * {@code uploading → importing → active}. Glance answers 202 and imports in a task; here the staged bytes are
     * already in place, so both steps happen before the answer (each a conditional UPDATE: a concurrent delete or
     * second import loses with 409).
     */
    void importImage(TokenClaims c, String id, @Nullable JsonNode body) {
        String method = importMethod(body);
        Image i = modifiable(c, id);
        if (!IMPORT_METHODS.contains(method)) {
            throw ApiException.badRequest("Import method " + method + " is not supported by this cloud; it has "
                    + String.join(", ", IMPORT_METHODS) + ".");
        }
        if (i.diskFormat == null || i.containerFormat == null) {
            throw ApiException.badRequest("The 'container_format' and 'disk_format' properties must be set on an image"
                    + " before it can be imported.");
        }
        if (i.status != ImageStatus.UPLOADING || i.storeLayout == null) {
            throw ApiException.conflict("Image needs to be staged before 'glance-direct' method can be used (image "
                    + id + " is " + i.status.wire() + ").");
        }
        long now = clock.millis();
        if (!repo.compareAndSetStatus(id, ImageStatus.UPLOADING, ImageStatus.IMPORTING, now)
                || !repo.compareAndSetStatus(id, ImageStatus.IMPORTING, ImageStatus.ACTIVE, now)) {
            throw ApiException.conflict("Image " + id + " changed status during its import.");
        }
    }

    private static String importMethod(@Nullable JsonNode body) {
        JsonNode method = body == null ? null : body.get("method");
        JsonNode name = method == null || !method.isObject() ? null : method.get("name");
        if (name == null || !name.isString() || name.asString().isEmpty()) {
            throw ApiException.badRequest("Import request requires a 'method' object with a 'name', e.g."
                    + " {\"method\": {\"name\": \"glance-direct\"}}.");
        }
        return name.asString();
    }

    Image readable(TokenClaims c, String id) {
        Image i = get(c, id);
        if (i.status == ImageStatus.DEACTIVATED && !isAdmin(c)) {
            throw ApiException.forbidden("The requested image has been deactivated. Image data download is forbidden.");
        }
        return i;
    }

    Flux<ByteBuf> bytes(Image i, ImageStore.@Nullable ByteRange range) {
        return store.read(i.id, Objects.requireNonNull(i.storeLayout), Objects.requireNonNull(i.size), range);
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("No image found with ID " + id);
    }
}
