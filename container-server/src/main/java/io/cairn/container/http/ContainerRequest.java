package io.cairn.container.http;

import io.cairn.common.path.ConstraintViolation;
import io.cairn.common.path.NameValidator;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One container-server request, parsed as Swift's {@code split_and_validate_path} and
 * {@code validate_internal_*} do: {@code /<dev>/<part>/<a>/<c>[/<o>]} (the object keeps any further
 * slashes), or {@code /<dev>/<part>/<hash>} for {@code REPLICATE}. Names are decoded strings; headers
 * stay in wire form (latin-1 chars, as Netty decodes them).
 *
 * <p>Immutable after parsing (the headers object is the request's own; nobody changes it).
 */
public final class ContainerRequest {
    private final HttpMethod method;
    private final String device;
    private final String partition;
    private final String account;
    private final String container;
    private final @Nullable String object;
    private final HttpHeaders headers;
    private final @Nullable String rawQuery;
    private final byte[] body;
    private final boolean keepAlive;

    private ContainerRequest(
            HttpMethod method,
            List<String> segments,
            HttpHeaders headers,
            @Nullable String rawQuery,
            byte[] body,
            boolean keepAlive) {
        this.method = method;
        this.device = segments.get(0);
        this.partition = segments.get(1);
        this.account = segments.get(2);
        this.container = segments.size() > 3 ? segments.get(3) : "";
        this.object = segments.size() > 4 ? segments.get(4) : null;
        this.headers = headers;
        this.rawQuery = rawQuery;
        this.body = body;
        this.keepAlive = keepAlive;
    }

    /**
     * Parses {@code http}; the body is copied (container requests have tiny bodies).
     *
     * @throws SwiftHttpException 412 for a path that is not UTF-8 or holds NUL where not allowed, 400 for
     *     a malformed path or reserved-namespace misuse
     */
    static ContainerRequest parse(FullHttpRequest http, NameValidator validator) {
        String uri = http.uri();
        int q = uri.indexOf('?');
        String rawPath = q < 0 ? uri : uri.substring(0, q);
        String rawQuery = q < 0 ? null : uri.substring(q + 1);
        String wire = WirePaths.percentDecode(rawPath);
        ConstraintViolation utf8 = validator.checkPath(wire, true);
        if (utf8 != null) {
            throw new SwiftHttpException(SwiftResponse.text(utf8.status(), utf8.body()));
        }
        boolean replicate = http.method().name().equals("REPLICATE");
        List<String> wireSegments = replicate ? splitPath(wire, 3, 3, false) : splitPath(wire, 4, 5, true);
        List<String> segments = new ArrayList<>(wireSegments.size());
        for (String s : wireSegments) {
            segments.add(WirePaths.wireToStr(s));
        }
        validateDevicePartition(segments.get(0), segments.get(1));
        if (!replicate) {
            ConstraintViolation reserved = validator.checkReservedNames(
                    segments.get(2), segments.get(3), segments.size() > 4 ? segments.get(4) : null);
            if (reserved != null) {
                throw new SwiftHttpException(SwiftResponse.text(reserved.status(), reserved.body()));
            }
        }
        return new ContainerRequest(
                http.method(),
                segments,
                http.headers(),
                rawQuery,
                ByteBufUtil.getBytes(http.content()),
                HttpUtil.isKeepAlive(http));
    }

    /** Swift's {@code split_path}; trailing empty object segments are dropped (a container request). */
    static List<String> splitPath(String path, int minsegs, int maxsegs, boolean restWithLast) {
        List<String> segs = split(path, restWithLast ? maxsegs : maxsegs + 1);
        int count = segs.size();
        boolean bad;
        if (restWithLast) {
            bad = !segs.get(0).isEmpty() || count < minsegs + 1 || count > maxsegs + 1 || emptyIn(segs, minsegs + 1);
        } else {
            bad = !segs.get(0).isEmpty()
                    || count < minsegs + 1
                    || count > maxsegs + 2
                    || emptyIn(segs, minsegs + 1)
                    || (count == maxsegs + 2 && !segs.get(maxsegs + 1).isEmpty());
        }
        if (bad) {
            throw new SwiftHttpException(
                    SwiftResponse.text(400, "Invalid path: " + WirePaths.quote(WirePaths.wireToStr(path))));
        }
        List<String> out = new ArrayList<>(segs.subList(1, Math.min(count, maxsegs + 1)));
        while (out.size() > minsegs && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** Python's {@code str.split('/', maxsplit)}. */
    private static List<String> split(String path, int maxsplit) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (out.size() < maxsplit) {
            int slash = path.indexOf('/', start);
            if (slash < 0) {
                break;
            }
            out.add(path.substring(start, slash));
            start = slash + 1;
        }
        out.add(path.substring(start));
        return out;
    }

    private static boolean emptyIn(List<String> segs, int end) {
        for (int i = 1; i < Math.min(end, segs.size()); i++) {
            if (segs.get(i).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static void validateDevicePartition(String device, String partition) {
        if (device.isEmpty() || device.contains("/") || device.equals(".") || device.equals("..")) {
            throw new SwiftHttpException(SwiftResponse.text(400, "Invalid device: " + WirePaths.quote(device)));
        }
        if (partition.isEmpty() || partition.contains("/") || partition.equals(".") || partition.equals("..")) {
            throw new SwiftHttpException(SwiftResponse.text(400, "Invalid partition: " + WirePaths.quote(partition)));
        }
    }

    public HttpMethod method() {
        return method;
    }

    public String device() {
        return device;
    }

    public String partition() {
        return partition;
    }

    public String account() {
        return account;
    }

    /** The container, or for {@code REPLICATE} the empty string. */
    public String container() {
        return container;
    }

    /** The object name of a row update, or null for a container request. */
    public @Nullable String object() {
        return object;
    }

    /** The DB hash of a {@code REPLICATE} request (its third segment). */
    public String replicateHash() {
        return account;
    }

    /** Headers in wire form. */
    public HttpHeaders headers() {
        return headers;
    }

    public @Nullable String rawQuery() {
        return rawQuery;
    }

    /** The body; not copied. */
    public byte[] body() {
        return body;
    }

    public boolean keepAlive() {
        return keepAlive;
    }

    /** A header decoded from wire form to a string ({@code wsgi_to_str}), or null. */
    public @Nullable String header(String name) {
        String v = headers.get(name);
        return v == null ? null : WirePaths.wireToStr(v);
    }
}
