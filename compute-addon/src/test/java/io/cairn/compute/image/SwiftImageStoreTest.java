package io.cairn.compute.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.compute.config.StorageProperties;
import io.cairn.compute.system.StoreException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link SwiftImageStore}'s writes against a stand-in Swift (Reactor Netty on loopback): which md5 a single-object
 * upload reports (the PUT's ETag, only when it is a 201 with an md5) and that a large upload reports none.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SwiftImageStoreTest {
    /** How the stand-in answers an object PUT, given the md5 of the body it received. */
    private final AtomicReference<BiFunction<HttpServerResponse, String, HttpServerResponse>> answer =
            new AtomicReference<>((res, md5) -> res.status(201).header("Etag", md5));

    private final List<String> puts = new CopyOnWriteArrayList<>();
    private final AtomicInteger containerPuts = new AtomicInteger();
    private final DisposableServer swift = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle((req, res) -> {
                if (req.uri().startsWith("/auth/v1.0")) {
                    return res.header("X-Auth-Token", "tk").status(200).send();
                }
                if (req.uri().endsWith("/glance")) {
                    containerPuts.incrementAndGet();
                    return res.status(201).send();
                }
                MessageDigest md5 = md5();
                return req.receive().doOnNext(b -> md5.update(b.nioBuffer())).then(Mono.defer(() -> {
                    puts.add(req.uri());
                    return Objects.requireNonNull(answer.get())
                            .apply(res, HexFormat.of().formatHex(md5.digest()))
                            .send()
                            .then();
                }));
            })
            .bindNow();

    @AfterAll
    void stop() {
        swift.disposeNow();
    }

    private SwiftImageStore store(long largeObjectSize) {
        StorageProperties p = new StorageProperties(
                "http://127.0.0.1:" + swift.port(),
                "u",
                "k",
                "AUTH_t",
                "glance",
                largeObjectSize,
                1000,
                Duration.ofSeconds(5));
        return new SwiftImageStore(
                HttpClient.create(), p, () -> "AUTH_t", JsonMapper.builder().build());
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static Flux<ByteBuf> chunks(byte[] data) {
        return Flux.range(0, (data.length + 999) / 1000)
                .map(i -> Unpooled.wrappedBuffer(data, i * 1000, Math.min(1000, data.length - i * 1000)));
    }

    @Test
    void aSingleObjectWriteReportsTheMd5ThePutAcknowledged() {
        answer.set((res, md5) -> res.status(201).header("Etag", md5));
        byte[] data = random(25_000);
        SwiftImageStore store = store(1 << 20);
        assertThat(store.vouchesForMd5(data.length)).isTrue();
        ImageStore.Stored stored = write(store, "img1", data, data.length);
        assertThat(stored.layout()).isEqualTo(StoredLayout.OBJECT);
        assertThat(stored.md5()).isEqualTo(HexFormat.of().formatHex(md5().digest(data)));
        // a quoted ETag (as some Swift versions send) is the same md5
        answer.set((res, md5) -> res.status(201).header("Etag", "\"" + md5 + "\""));
        assertThat(write(store, "img1q", data, data.length).md5())
                .isEqualTo(HexFormat.of().formatHex(md5().digest(data)));
    }

    @Test
    void aPutWithoutAnMd5EtagOrNot201IsNoAcknowledgement() {
        byte[] data = random(3_000);
        SwiftImageStore store = store(1 << 20);
        answer.set((res, md5) -> res.status(201));
        assertThatThrownBy(() -> store.write("img2", chunks(data), data.length).block(Duration.ofSeconds(30)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not 201 with an md5");
        answer.set((res, md5) -> res.status(202).header("Etag", md5));
        assertThatThrownBy(() -> store.write("img3", chunks(data), data.length).block(Duration.ofSeconds(30)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("202");
        answer.set((res, md5) -> res.status(201).header("Etag", "not-an-md5"));
        assertThatThrownBy(() -> store.write("img4", chunks(data), data.length).block(Duration.ofSeconds(30)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not-an-md5");
    }

    @Test
    void segmentedWritesVouchForNothing() {
        answer.set((res, md5) -> res.status(201).header("Etag", md5));
        byte[] data = random(2_500);
        SwiftImageStore store = store(2_000);
        assertThat(store.vouchesForMd5(data.length)).isFalse();
        assertThat(store.vouchesForMd5(-1)).isFalse();
        puts.clear();
        ImageStore.Stored stored = write(store, "img5", data, -1);
        assertThat(stored.layout()).isEqualTo(StoredLayout.DLO);
        assertThat(stored.md5()).isNull();
        assertThat(puts)
                .containsExactly(
                        "/v1/AUTH_t/glance/img5-00001",
                        "/v1/AUTH_t/glance/img5-00002",
                        "/v1/AUTH_t/glance/img5-00003",
                        "/v1/AUTH_t/glance/img5");
    }

    @Test
    void theContainerIsCreatedOnceNotPerUploadAndAgainAfterAnUploadFoundItGone() {
        answer.set((res, md5) -> res.status(201).header("Etag", md5));
        byte[] data = random(1_500);
        SwiftImageStore store = store(1 << 20);
        containerPuts.set(0);
        write(store, "img6", data, data.length);
        write(store, "img7", data, data.length);
        assertThat(containerPuts).hasValue(1);
        // the container was deleted behind the store's back: that upload fails, the next one creates it again
        answer.set((res, md5) -> res.status(404));
        assertThatThrownBy(() -> store.write("img8", chunks(data), data.length).block(Duration.ofSeconds(30)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("404");
        answer.set((res, md5) -> res.status(201).header("Etag", md5));
        write(store, "img9", data, data.length);
        assertThat(containerPuts).hasValue(2);
    }

    private static ImageStore.Stored write(SwiftImageStore store, String id, byte[] data, long size) {
        return Objects.requireNonNull(store.write(id, chunks(data), size).block(Duration.ofSeconds(30)));
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
