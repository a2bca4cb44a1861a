package io.cairn.compute.compute.driver;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * One guest's metadata service on host loopback: QEMU's user-mode network forwards the guest's connections to
 * 169.254.169.254:80 here ({@code guestfwd ... cmd:busybox nc 127.0.0.1 PORT}), so it knows which guest asks
 * without looking at addresses. Serves OpenStack's {@code /openstack/latest/meta_data.json} and {@code user_data}.
 */
final class MetadataServer implements AutoCloseable {
    private final DisposableServer server;
    private volatile byte[] metaData;
    private volatile byte @Nullable [] userData;

    MetadataServer(String metaDataJson, @Nullable String userDataBase64) {
        this.metaData = metaDataJson.getBytes(StandardCharsets.UTF_8);
        this.userData = decode(userDataBase64);
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle(this::handle)
                .bindNow();
    }

    private static byte @Nullable [] decode(@Nullable String base64) {
        return base64 == null ? null : Base64.getMimeDecoder().decode(base64);
    }

    int port() {
        return server.port();
    }

    /** A rebuild changes what the guest is told. */
    void update(String metaDataJson, @Nullable String userDataBase64) {
        this.metaData = metaDataJson.getBytes(StandardCharsets.UTF_8);
        this.userData = decode(userDataBase64);
    }

    private Mono<Void> handle(HttpServerRequest req, HttpServerResponse res) {
        String uri = req.uri();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        byte[] ud = userData;
        byte[] body;
        String type;
        if (path.matches("/openstack/[^/]+/meta_data\\.json")) {
            body = metaData;
            type = "application/json";
        } else if (path.matches("/openstack/[^/]+/user_data") && ud != null) {
            body = ud;
            type = "application/octet-stream";
        } else if (path.equals("/openstack") || path.equals("/openstack/")) {
            body = "latest\n".getBytes(StandardCharsets.UTF_8);
            type = "text/plain";
        } else {
            return res.status(404)
                    .header("Content-Type", "text/plain")
                    .sendString(Mono.just("Not Found\n"))
                    .then();
        }
        return res.status(200)
                .header("Content-Type", type)
                .header("Content-Length", String.valueOf(body.length))
                .sendByteArray(Mono.just(body))
                .then();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
