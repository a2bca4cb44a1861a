package io.cairn.compute.image;

import io.cairn.compute.config.StorageProperties;
import io.cairn.compute.system.StoreException;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Image bytes in a Cairn (or Swift) cluster over the Swift API, laid out as glance_store's single-tenant Swift
 * driver lays them out: container {@code glance}, object = image id; uploads of unknown size or at least {@code
 * large_object_size} become segments {@code <id>-00001}, ... of {@code large_object_chunk_size} bytes plus a
 * zero-byte manifest with {@code X-Object-Manifest: glance/<id>-} — so a real Glance pointed at Cairn reads them.
 *
 * <p>Cairn's proxy has no DLO middleware yet, so a DLO image is read here as DLO would: the segments listed by
 * prefix, in name order. Once the proxy serves DLOs, {@link #read} can GET the manifest instead.
 *
 * <p>Authenticates with tempauth ({@code /auth/v1.0}) as the configured user and keeps the token for a while.
 */
public final class SwiftImageStore implements ImageStore {
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(10);

    /**
     * How long a created container is taken to exist without asking again: Swift's proxy trusts its container info
     * that long ({@code recheck_container_existence}). Creating it before every upload cost a container PUT (account
     * and container database writes) per image, a tenth of a 200 MiB upload's time here.
     */
    private static final Duration CONTAINER_RECHECK = Duration.ofSeconds(60);

    private static final int LISTING_LIMIT = 10_000;
    private static final Pattern MD5_HEX = Pattern.compile("[0-9a-f]{32}");

    private final HttpClient http;
    private final StorageProperties properties;
    private final Supplier<String> account;
    private final JsonMapper json;
    private volatile @Nullable Session session;
    private volatile @Nullable ContainerSeen containerSeen;

    private record Session(String token, Instant obtained) {}

    /** The container URL last created (account included: the account is resolved per request) and when. */
    private record ContainerSeen(String url, Instant created) {}

    /** {@code http} carries every request to the store (its event loops, pool and response timeout). */
    public SwiftImageStore(HttpClient http, StorageProperties properties, Supplier<String> account, JsonMapper json) {
        this.http = http;
        this.properties = properties;
        this.account = account;
        this.json = json;
    }

    private String base() {
        String u = properties.url();
        if (u == null || u.isBlank()) {
            throw new IllegalStateException("cairn.storage.url is not set: this process stores no images");
        }
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    private String containerUrl() {
        return base() + "/v1/" + enc(account.get()) + "/" + enc(properties.container());
    }

    private String objectUrl(String name) {
        return containerUrl() + "/" + enc(name);
    }

    static String segmentName(String imageId, int n) {
        return String.format(Locale.ROOT, "%s-%05d", imageId, n);
    }

    /** One object when the size is known and below {@code large_object_size}: its PUT's ETag is the md5. */
    @Override
    public boolean vouchesForMd5(long size) {
        return size >= 0 && size < properties.largeObjectSize();
    }

    @Override
    public Mono<Stored> write(String imageId, Flux<ByteBuf> data, long size) {
        Mono<Void> container = ensureContainer();
        if (vouchesForMd5(size)) {
            return container.then(put(imageId, data, size, null)).map(md5 -> new Stored(StoredLayout.OBJECT, md5));
        }
        int[] segment = {0};
        Mono<Void> segments = SegmentSplitter.split(data, properties.largeObjectChunkSize())
                .concatMap(window -> put(segmentName(imageId, ++segment[0]), window, -1, null))
                .then();
        Mono<String> manifest =
                Mono.defer(() -> put(imageId, Flux.empty(), 0, properties.container() + "/" + imageId + "-"));
        return container.then(segments).then(manifest).thenReturn(new Stored(StoredLayout.DLO, null));
    }

    @Override
    public Flux<ByteBuf> read(String imageId, StoredLayout layout, long size, ImageStore.@Nullable ByteRange range) {
        if (layout == StoredLayout.OBJECT) {
            return get(imageId, range);
        }
        return segments(imageId).flatMapMany(segs -> {
            long first = range == null ? 0 : range.first();
            long last = range == null ? Long.MAX_VALUE : range.last();
            long offset = 0;
            List<Flux<ByteBuf>> reads = new ArrayList<>();
            for (Segment s : segs) {
                long start = offset;
                long end = offset + s.bytes() - 1;
                offset += s.bytes();
                if (s.bytes() == 0 || end < first || start > last) {
                    continue;
                }
                long from = Math.max(first, start) - start;
                long to = Math.min(last, end) - start;
                boolean whole = from == 0 && to == s.bytes() - 1;
                reads.add(get(s.name(), whole ? null : new ImageStore.ByteRange(from, to)));
            }
            return Flux.concat(reads);
        });
    }

    @Override
    public Mono<Void> delete(String imageId) {
        return segments(imageId)
                .flatMapMany(Flux::fromIterable)
                .concatMap(s -> deleteObject(s.name()))
                .then(deleteObject(imageId));
    }

    // ---- requests

    private Mono<String> token() {
        Session s = session;
        if (s != null && s.obtained().plus(TOKEN_REUSE).isAfter(Instant.now())) {
            return Mono.just(s.token());
        }
        return http.headers(h -> h.set("X-Auth-User", properties.authUser()).set("X-Auth-Key", properties.authKey()))
                .get()
                .uri(base() + "/auth/v1.0")
                .responseSingle((res, body) -> {
                    String token = res.responseHeaders().get("X-Auth-Token");
                    if (res.status().code() / 100 != 2 || token == null) {
                        return Mono.error(new StoreException(
                                "object store login as " + properties.authUser() + " failed: " + res.status()));
                    }
                    session = new Session(token, Instant.now());
                    return Mono.just(token);
                });
    }

    /** Creates the container unless it was created within {@link #CONTAINER_RECHECK} (glance_store creates on put). */
    private Mono<Void> ensureContainer() {
        String url = containerUrl();
        ContainerSeen seen = containerSeen;
        if (seen != null
                && seen.url().equals(url)
                && seen.created().plus(CONTAINER_RECHECK).isAfter(Instant.now())) {
            return Mono.empty();
        }
        return token().flatMap(t -> http.headers(h -> h.set("X-Auth-Token", t).set(HttpHeaderNames.CONTENT_LENGTH, 0))
                .put()
                .uri(url)
                .responseSingle((res, body) -> expect(res, "PUT container " + properties.container())
                        .doOnSuccess(ignored -> containerSeen = new ContainerSeen(url, Instant.now()))));
    }

    /** PUTs one object; emits its md5 as the store acknowledged it ({@link #acknowledgedMd5}). */
    private Mono<String> put(String name, Flux<ByteBuf> body, long length, @Nullable String manifest) {
        return token().flatMap(t -> http.headers(h -> {
                    h.set("X-Auth-Token", t);
                    if (length >= 0) {
                        h.set(HttpHeaderNames.CONTENT_LENGTH, length);
                    } else {
                        h.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
                    }
                    if (manifest != null) {
                        h.set("X-Object-Manifest", manifest);
                    }
                    h.set(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream");
                })
                .put()
                .uri(objectUrl(name))
                .send(body)
                .responseSingle((res, b) -> {
                    if (res.status().equals(HttpResponseStatus.NOT_FOUND)) {
                        containerSeen = null; // deleted behind this store's back: the next upload creates it again
                    }
                    return expect(res, "PUT " + name).then(acknowledgedMd5(res, name));
                }));
    }

    /**
     * The md5 of a PUT's body as the store acknowledged it: Swift answers 201 only after the proxy hashed the body
     * it received and every stored replica agreed, with that md5 as {@code ETag} (a plain object; a manifest's is
     * of its empty body). Anything else is not an acknowledgement to build {@code checksum} on.
     */
    static Mono<String> acknowledgedMd5(HttpClientResponse res, String name) {
        String etag = res.responseHeaders().get(HttpHeaderNames.ETAG);
        String md5 = etag == null ? "" : etag.replace("\"", "").toLowerCase(Locale.ROOT);
        if (res.status().code() != 201 || !MD5_HEX.matcher(md5).matches()) {
            return Mono.error(new StoreException(
                    "PUT " + name + " answered " + res.status() + " with ETag " + etag + ", not 201 with an md5"));
        }
        return Mono.just(md5);
    }

    private Flux<ByteBuf> get(String name, ImageStore.@Nullable ByteRange range) {
        return token().flatMapMany(t -> http.headers(h -> {
                    h.set("X-Auth-Token", t);
                    if (range != null) {
                        h.set(HttpHeaderNames.RANGE, "bytes=" + range.first() + "-" + range.last());
                    }
                })
                .get()
                .uri(objectUrl(name))
                .response((res, body) -> {
                    int code = res.status().code();
                    if (code == 200 || code == 206) {
                        return body.retain();
                    }
                    return Flux.error(new StoreException("GET " + name + " answered " + res.status()));
                }));
    }

    private Mono<Void> deleteObject(String name) {
        return token().flatMap(t -> http.headers(h -> h.set("X-Auth-Token", t))
                .delete()
                .uri(objectUrl(name))
                .responseSingle((res, body) -> res.status().equals(HttpResponseStatus.NOT_FOUND)
                        ? Mono.<Void>empty()
                        : expect(res, "DELETE " + name)));
    }

    /** One listed segment. */
    private record Segment(String name, long bytes) {}

    /** Objects named {@code <id>-...} in name order, as DLO reads them; pages through long listings. */
    private Mono<List<Segment>> segments(String imageId) {
        List<Segment> all = new ArrayList<>();
        return listPage(imageId + "-", "", all).thenReturn(all);
    }

    private Mono<Void> listPage(String prefix, String marker, List<Segment> into) {
        String url = containerUrl() + "?format=json&limit=" + LISTING_LIMIT + "&prefix=" + enc(prefix)
                + (marker.isEmpty() ? "" : "&marker=" + enc(marker));
        return token().flatMap(t -> http.headers(h -> h.set("X-Auth-Token", t))
                .get()
                .uri(url)
                .responseSingle((res, body) -> {
                    int code = res.status().code();
                    if (code == 404 || code == 204) {
                        return Mono.just(0);
                    }
                    if (code != 200) {
                        return Mono.error(
                                new StoreException("listing " + properties.container() + " answered " + res.status()));
                    }
                    return body.asString(StandardCharsets.UTF_8).map(text -> addSegments(text, into));
                })
                .flatMap(n -> n < LISTING_LIMIT
                        ? Mono.<Void>empty()
                        : listPage(prefix, into.get(into.size() - 1).name(), into)));
    }

    private int addSegments(String listing, List<Segment> into) {
        JsonNode array = json.readTree(listing);
        for (JsonNode o : array) {
            into.add(new Segment(o.get("name").asString(), o.get("bytes").asLong()));
        }
        return array.size();
    }

    private static Mono<Void> expect(HttpClientResponse res, String what) {
        if (res.status().code() / 100 == 2) {
            return Mono.empty();
        }
        return Mono.error(new StoreException(what + " answered " + res.status()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
