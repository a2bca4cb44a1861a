package io.cairn.object.http;

import io.cairn.common.codec.Utf8;
import io.cairn.common.path.PercentCoding;

/**
 * The path of a backend object request, {@code /<device>/<partition>/<account>/<container>/<object>}
 * (the object part may hold {@code /}), or of a REPLICATE, {@code /<device>/<partition>[/<suffixes>]}:
 * percent-decoded as the WSGI server does, checked as strict UTF-8 ({@code check_utf8(internal=True)}:
 * NUL is allowed, it marks Swift's reserved namespace) and split as {@code split_path} splits it.
 *
 * <p>Immutable.
 */
public final class ObjectRequestPath {
    private final String device;
    private final String partition;
    private final String account;
    private final String container;
    private final String object;

    private ObjectRequestPath(String device, String partition, String account, String container, String object) {
        this.device = device;
        this.partition = partition;
        this.account = account;
        this.container = container;
        this.object = object;
    }

    /**
     * Parses an object path.
     *
     * @param uri the request URI as received (quoted, possibly with a query string)
     * @throws RequestRejectedException 412 for invalid UTF-8 (as Swift's {@code __call__}), 400 for a
     *     malformed path or a partition that is not a number
     */
    public static ObjectRequestPath parseObject(String uri) throws RequestRejectedException {
        String path = decode(uri);
        String[] segs = splitPath(path, 5);
        return new ObjectRequestPath(segs[0], checkPartition(segs[1]), segs[2], segs[3], segs[4]);
    }

    /**
     * Parses a REPLICATE path, {@code /<device>/<partition>[/<suffix>-<suffix>…]}; the suffix part is
     * returned as {@link #account()} (empty when absent).
     *
     * @throws RequestRejectedException as {@link #parseObject}
     */
    public static ObjectRequestPath parseReplicate(String uri) throws RequestRejectedException {
        String path = decode(uri);
        String[] parts = path.split("/", 4);
        if (!parts[0].isEmpty() || parts.length < 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw invalidPath(path);
        }
        String suffixes = parts.length == 4 ? parts[3] : "";
        return new ObjectRequestPath(parts[1], checkPartition(parts[2]), suffixes, "", "");
    }

    /** The raw decoded path (for messages), without query string. */
    static String decode(String uri) throws RequestRejectedException {
        int q = uri.indexOf('?');
        String raw = q >= 0 ? uri.substring(0, q) : uri;
        byte[] bytes = PercentCoding.unquoteToBytes(raw);
        String path = Utf8.decodeOrNull(bytes);
        if (path == null || path.isEmpty()) {
            throw new RequestRejectedException(SwiftStatus.PRECONDITION_FAILED, "Invalid UTF8 or contains NULL");
        }
        return path;
    }

    /** {@code split_path(path, n, n, rest_with_last=True)}. */
    private static String[] splitPath(String path, int segments) throws RequestRejectedException {
        String[] parts = path.split("/", segments + 1);
        if (parts.length != segments + 1 || !parts[0].isEmpty()) {
            throw invalidPath(path);
        }
        String[] out = new String[segments];
        for (int i = 0; i < segments; i++) {
            if (parts[i + 1].isEmpty()) {
                throw invalidPath(path);
            }
            out[i] = parts[i + 1];
        }
        if (out[0].equals(".") || out[0].equals("..")) {
            throw new RequestRejectedException(SwiftStatus.BAD_REQUEST, "Invalid device: " + out[0]);
        }
        return out;
    }

    private static String checkPartition(String partition) throws RequestRejectedException {
        boolean digits = !partition.isEmpty() && partition.length() <= 10;
        for (int i = 0; digits && i < partition.length(); i++) {
            char c = partition.charAt(i);
            digits = c >= '0' && c <= '9';
        }
        if (!digits) {
            throw new RequestRejectedException(SwiftStatus.BAD_REQUEST, "Invalid partition: " + partition);
        }
        return partition;
    }

    private static RequestRejectedException invalidPath(String path) {
        return new RequestRejectedException(SwiftStatus.BAD_REQUEST, "Invalid path: " + path);
    }

    public String device() {
        return device;
    }

    /** The partition as sent: ASCII digits only. */
    public String partition() {
        return partition;
    }

    /** The account; for a REPLICATE path, the suffix list ({@code abc-def}), possibly empty. */
    public String account() {
        return account;
    }

    public String container() {
        return container;
    }

    public String object() {
        return object;
    }

    /** {@code /a/c/o}: the {@code name} metadata key. */
    public String name() {
        return "/" + account + "/" + container + "/" + object;
    }

    @Override
    public String toString() {
        return "/" + device + "/" + partition + name();
    }
}
