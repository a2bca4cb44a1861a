package io.cairn.compute.compute;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The image API as the compute service uses it, over HTTP with the requesting user's token (as Nova uses Glance):
 * look an image up or list them, stream its bytes to a file, create and upload a snapshot, patch and delete (the
 * {@code /v2.1/images} proxy). Blocking.
 */
public final class ImageClient {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final HttpClient http;
    private final Supplier<String> imageUrl;
    private final JsonMapper json;

    public ImageClient(HttpClient http, Supplier<String> imageUrl, JsonMapper json) {
        this.http = http;
        this.imageUrl = imageUrl;
        this.json = json;
    }

    private HttpRequest.Builder request(String token, String path) {
        return HttpRequest.newBuilder(URI.create(imageUrl.get() + "/v2/images" + path))
                .timeout(TIMEOUT)
                .header("X-Auth-Token", token);
    }

    /** The image document; empty if the user cannot see it (404). */
    public Optional<JsonNode> show(String token, String id) throws IOException, InterruptedException {
        if (!id.matches("[A-Za-z0-9-]{1,64}")) {
            return Optional.empty();
        }
        HttpResponse<byte[]> r =
                http.send(request(token, "/" + id).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        check(r.statusCode(), 200, "GET image " + id);
        return Optional.of(json.readTree(r.body()));
    }

    /**
     * Every image the user can see, in the image API's default order (newest first): its pages followed to the
     * end.
     */
    public List<JsonNode> list(String token) throws IOException, InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        String query = "?limit=1000";
        while (query != null) {
            HttpResponse<byte[]> r =
                    http.send(request(token, query).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            check(r.statusCode(), 200, "GET images");
            JsonNode page = json.readTree(r.body());
            page.path("images").forEach(out::add);
            String next = page.path("next").asString("");
            query = next.startsWith("/v2/images?") ? next.substring("/v2/images".length()) : null;
        }
        return out;
    }

    /**
     * Applies a JSON patch ({@code op}, {@code path}, {@code value} objects) to an image; returns the image API's
     * status (200 when applied).
     */
    public int patch(String token, String id, List<Map<String, Object>> ops) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(
                request(token, "/" + id)
                        .header("Content-Type", "application/openstack-images-v2.1-json-patch")
                        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(ops)))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return r.statusCode();
    }

    /** Streams the image's bytes into {@code target}; returns their hex sha512. */
    public String download(String token, String id, Path target) throws IOException, InterruptedException {
        HttpResponse<InputStream> r =
                http.send(request(token, "/" + id + "/file").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest sha512;
        try {
            sha512 = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = r.body();
                OutputStream out = Files.newOutputStream(target)) {
            check(r.statusCode(), 200, "GET image data " + id);
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha512.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha512.digest());
    }

    /** Creates an image record (queued); returns its id. */
    public String create(String token, JsonNode body) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(
                request(token, "")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        check(r.statusCode(), 201, "POST image");
        return json.readTree(r.body()).get("id").asString();
    }

    /** Sets the formats of a queued image (a snapshot's, known only once the driver wrote it). */
    public void setFormats(String token, String id, String diskFormat, String containerFormat)
            throws IOException, InterruptedException {
        int status = patch(
                token,
                id,
                List.<Map<String, Object>>of(
                        Map.of("op", "add", "path", "/disk_format", "value", diskFormat),
                        Map.of("op", "add", "path", "/container_format", "value", containerFormat)));
        check(status, 200, "PATCH image " + id);
    }

    public void upload(String token, String id, Path file) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(
                request(token, "/" + id + "/file")
                        .header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofFile(file))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        check(r.statusCode(), 204, "PUT image data " + id);
    }

    /** Deletes an image; returns the image API's status (204 when deleted). */
    public int delete(String token, String id) throws IOException, InterruptedException {
        return http.send(request(token, "/" + id).DELETE().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static void check(int status, int expected, String what) throws IOException {
        if (status != expected) {
            throw new IOException(what + ": the image API answered " + status);
        }
    }
}
