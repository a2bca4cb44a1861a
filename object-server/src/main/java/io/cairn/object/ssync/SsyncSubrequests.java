package io.cairn.object.ssync;

import io.cairn.common.codec.Utf8;
import io.cairn.common.io.DeviceBusyException;
import io.cairn.common.path.PercentCoding;
import io.cairn.common.time.Timestamp;
import io.cairn.object.diskfile.DiskFile;
import io.cairn.object.diskfile.DiskFileDeleted;
import io.cairn.object.diskfile.DiskFileDeviceUnavailable;
import io.cairn.object.diskfile.DiskFileEtagMismatch;
import io.cairn.object.diskfile.DiskFileManager;
import io.cairn.object.diskfile.DiskFileNoSpace;
import io.cairn.object.diskfile.DiskFileNotExist;
import io.cairn.object.diskfile.DiskFileQuarantined;
import io.cairn.object.diskfile.DiskFileReader;
import io.cairn.object.diskfile.DiskFileSizeMismatch;
import io.cairn.object.diskfile.DiskFileWriter;
import io.cairn.object.diskfile.DiskFileXattrTooLarge;
import io.cairn.object.metadata.ObjectMetadata;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Applies the PUT/POST/DELETE subrequests of SSYNC's updates phase as Swift's object server handles them
 * with {@code X-Backend-Replication: True} ({@code ObjectController.PUT/POST/DELETE}): same 409 rules, the
 * same metadata (request metadata plus every header named in {@code X-Backend-Replication-Headers},
 * Title-Cased), no container or expirer updates. Returns the HTTP status the subrequest would have had.
 * Storage calls run on the device's executor; body bytes stream straight to the {@link DiskFileWriter}.
 *
 * <p>Not thread-safe: one per SSYNC session.
 */
final class SsyncSubrequests {
    private static final System.Logger LOG = System.getLogger(SsyncSubrequests.class.getName());
    /** {@code open(ZERO)}: judges expiry at the epoch, i.e. Swift's {@code open_expired=True}. */
    private static final Timestamp EPOCH = Timestamp.ofRaw(0, 0);

    private final DiskFileManager diskFiles;
    private final DeviceCalls io;
    private final String device;
    private final int partition;
    private final int policyIndex;
    private final SsyncReceiverSettings settings;

    SsyncSubrequests(
            DiskFileManager diskFiles,
            DeviceCalls io,
            String device,
            int partition,
            int policyIndex,
            SsyncReceiverSettings settings) {
        this.diskFiles = diskFiles;
        this.io = io;
        this.device = device;
        this.partition = partition;
        this.policyIndex = policyIndex;
        this.settings = settings;
    }

    /** A parsed subrequest head: lowercase header names in arrival order (the last value of a repeat wins). */
    record Head(String method, String path, Map<String, String> headers, List<String> replicationHeaders) {}

    int put(Head head, long contentLength, SsyncInput in) throws IOException {
        Body body = new Body(contentLength, in, settings.networkChunkSize());
        Timestamp ts = timestamp(head);
        String[] aco = splitPath(head.path());
        if (ts == null || aco == null || !head.headers().containsKey("content-type")) {
            body.drain();
            return 400;
        }
        DiskFileWriter writer;
        try {
            writer = io.call(() -> prepare(aco, ts, contentLength));
        } catch (IOException | RuntimeException e) {
            body.drain();
            return status(e, head);
        }
        if (writer == null) {
            body.drain();
            return 409;
        }
        try {
            while (true) {
                ByteBuf chunk = body.next();
                if (chunk == null) {
                    break;
                }
                io.call(() -> {
                    try {
                        writer.write(chunk);
                    } finally {
                        chunk.release();
                    }
                    return Boolean.TRUE;
                });
            }
            if (body.truncated()) {
                return 499; // the object server's answer to ChunkReadError: nothing is committed
            }
            String etag = head.headers().get("etag");
            if (etag != null && !normalizeEtag(etag).equals(writer.etag())) {
                return 422;
            }
            ObjectMetadata metadata = putMetadata(head, ts, contentLength, writer.etag());
            io.call(() -> writer.put(metadata));
            return 201;
        } catch (SsyncTimeoutException | SsyncReadException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            body.drain();
            return status(e, head);
        } finally {
            try {
                io.call(() -> {
                    writer.close();
                    return Boolean.TRUE;
                });
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "ssync: could not remove an aborted PUT's temp file: " + e);
            }
        }
    }

    /** Device executor: Swift's {@code _pre_create_checks} 409 rule; null means 409. */
    private @Nullable DiskFileWriter prepare(String[] aco, Timestamp ts, long contentLength) throws IOException {
        DiskFile df = diskFiles.diskFile(device, partition, aco[0], aco[1], aco[2], policyIndex);
        Timestamp orig = null;
        try (DiskFileReader reader = df.open(ts)) {
            orig = reader.dataTimestamp();
        } catch (DiskFileDeleted e) {
            orig = e.timestamp();
        } catch (DiskFileNotExist | DiskFileQuarantined e) {
            // nothing there
        }
        if (orig != null && orig.compareTo(ts) >= 0) {
            return null;
        }
        return df.writer(contentLength);
    }

    /** Swift's {@code _get_request_metadata} with the replication headers. */
    private ObjectMetadata putMetadata(Head head, Timestamp ts, long size, String etag) {
        Map<String, String> h = head.headers();
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ObjectMetadata.X_TIMESTAMP, ts.internal());
        m.put(ObjectMetadata.CONTENT_TYPE, h.getOrDefault("content-type", ""));
        m.put(ObjectMetadata.CONTENT_LENGTH, Long.toString(size));
        m.put(ObjectMetadata.ETAG, etag);
        for (Map.Entry<String, String> e : h.entrySet()) {
            String k = e.getKey();
            if (isUserMeta(k) || k.startsWith("x-object-sysmeta-") || isTransientSysmeta(k)) {
                m.put(pythonTitle(k), e.getValue());
            }
        }
        copyNamed(h, head.replicationHeaders(), m);
        copyNamed(h, settings.allowedHeaders(), m);
        return ObjectMetadata.of(m);
    }

    int post(Head head) throws IOException {
        Timestamp ts = timestamp(head);
        String[] aco = splitPath(head.path());
        if (ts == null || aco == null) {
            return 400;
        }
        String deleteAt = head.headers().get("x-delete-at");
        if (deleteAt != null && !deleteAt.isEmpty()) {
            long at;
            try {
                at = Long.parseLong(deleteAt.strip());
            } catch (NumberFormatException e) {
                return 400;
            }
            if (at != 0 && at * Timestamp.UNITS_PER_SECOND < ts.raw()) {
                return 400;
            }
        }
        try {
            return io.call(() -> applyPost(head, aco, ts));
        } catch (IOException | RuntimeException e) {
            return status(e, head);
        }
    }

    /** Device executor: Swift's {@code ObjectController.POST} with {@code open_expired}. */
    private int applyPost(Head head, String[] aco, Timestamp ts) throws IOException {
        DiskFile df = diskFiles.diskFile(device, partition, aco[0], aco[1], aco[2], policyIndex);
        Map<String, String> h = head.headers();
        Map<String, String> m = new LinkedHashMap<>();
        try (DiskFileReader reader = df.open(EPOCH)) {
            Timestamp origTs = reader.timestamp();
            Timestamp origCtypeTs = reader.contentTypeTimestamp();
            String reqCtype = h.get("content-type");
            Timestamp reqCtypeTs = EPOCH;
            if (reqCtype != null && !reqCtype.isEmpty()) {
                String t = h.get("content-type-timestamp");
                reqCtypeTs = t == null ? ts : Timestamp.parse(t);
            }
            if (origTs.compareTo(ts) >= 0 && origCtypeTs.compareTo(reqCtypeTs) >= 0) {
                return 409;
            }
            if (ts.compareTo(origTs) > 0) {
                m.put(ObjectMetadata.X_TIMESTAMP, ts.internal());
                for (Map.Entry<String, String> e : h.entrySet()) {
                    if (isUserMeta(e.getKey()) || isTransientSysmeta(e.getKey())) {
                        m.put(pythonTitle(e.getKey()), e.getValue());
                    }
                }
                copyNamed(h, head.replicationHeaders(), m);
                copyNamed(h, settings.allowedHeaders(), m);
            } else {
                ObjectMetadata meta = reader.metaMetadata();
                if (meta != null) {
                    m.putAll(meta.asMap());
                }
            }
            if (reqCtype != null && reqCtypeTs.compareTo(origCtypeTs) > 0) {
                m.put(ObjectMetadata.CONTENT_TYPE, reqCtype);
                m.put(ObjectMetadata.CONTENT_TYPE_TIMESTAMP, reqCtypeTs.internal());
            } else if (!origCtypeTs.equals(reader.dataTimestamp())) {
                m.put(ObjectMetadata.CONTENT_TYPE, reader.metadata().contentType());
                m.put(ObjectMetadata.CONTENT_TYPE_TIMESTAMP, origCtypeTs.internal());
            }
        } catch (DiskFileNotExist | DiskFileQuarantined e) {
            return 404;
        }
        m.remove(ObjectMetadata.NAME);
        df.writeMetadata(ObjectMetadata.of(m));
        return 202;
    }

    int delete(Head head) throws IOException {
        Timestamp ts = timestamp(head);
        String[] aco = splitPath(head.path());
        if (ts == null || aco == null) {
            return 400;
        }
        try {
            return io.call(() -> applyDelete(aco, ts));
        } catch (IOException | RuntimeException e) {
            return status(e, head);
        }
    }

    /** Device executor: Swift's {@code ObjectController.DELETE}. */
    private int applyDelete(String[] aco, Timestamp ts) throws IOException {
        DiskFile df = diskFiles.diskFile(device, partition, aco[0], aco[1], aco[2], policyIndex);
        Timestamp orig;
        int status;
        try (DiskFileReader reader = df.open(ts)) {
            orig = reader.dataTimestamp();
            status = orig.compareTo(ts) < 0 ? 204 : 409;
        } catch (DiskFileDeleted e) {
            orig = e.timestamp();
            status = 404;
        } catch (DiskFileNotExist | DiskFileQuarantined e) {
            orig = EPOCH;
            status = 404;
        }
        if (orig.compareTo(ts) < 0) {
            df.delete(ts);
        }
        return status;
    }

    private static @Nullable Timestamp timestamp(Head head) {
        String raw = head.headers().get("x-timestamp");
        if (raw == null) {
            return null;
        }
        try {
            return Timestamp.parse(raw.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code /a/c/o} (quoted UTF-8) into its three parts, or null when it is not an object path. */
    static String @Nullable [] splitPath(String quotedPath) {
        byte[] raw = PercentCoding.unquoteToBytes(quotedPath);
        String path = Utf8.decodeOrNull(raw);
        if (path == null || !path.startsWith("/")) {
            return null;
        }
        String[] parts = path.substring(1).split("/", 3);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            return null;
        }
        for (String p : parts) {
            if (p.equals(".") || p.equals("..")) {
                return null;
            }
        }
        return parts;
    }

    private static void copyNamed(Map<String, String> headers, Iterable<String> names, Map<String, String> out) {
        for (String name : names) {
            String v = headers.get(name.toLowerCase(Locale.ROOT));
            if (v != null) {
                out.put(pythonTitle(name), v);
            }
        }
    }

    private static boolean isUserMeta(String lower) {
        return lower.length() > "x-object-meta-".length() && lower.startsWith("x-object-meta-");
    }

    private static boolean isTransientSysmeta(String lower) {
        return lower.startsWith("x-object-transient-sysmeta-");
    }

    /** Python's {@code str.title()} on a header name. */
    static String pythonTitle(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean previousCased = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean cased = Character.isLetter(c);
            sb.append(cased ? (previousCased ? Character.toLowerCase(c) : Character.toUpperCase(c)) : c);
            previousCased = cased;
        }
        return sb.toString();
    }

    private static String normalizeEtag(String etag) {
        String e = etag.strip();
        if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
            e = e.substring(1, e.length() - 1);
        }
        return e.toLowerCase(Locale.ROOT);
    }

    /** The status Swift's object server answers for a storage failure. */
    private int status(Throwable e, Head head) {
        int status;
        if (e instanceof DiskFileNoSpace || e instanceof DiskFileDeviceUnavailable) {
            status = 507;
        } else if (e instanceof DiskFileXattrTooLarge) {
            status = 400;
        } else if (e instanceof DiskFileSizeMismatch) {
            status = 499;
        } else if (e instanceof DiskFileEtagMismatch) {
            status = 422;
        } else if (e instanceof DeviceBusyException) {
            status = 503;
        } else {
            status = 500;
        }
        LOG.log(Level.WARNING, "ssync subrequest " + head.method() + " " + head.path() + " failed: " + e);
        return status;
    }

    /**
     * The body of one PUT subrequest, read from the SSYNC stream: exactly {@code Content-Length} bytes in
     * chunks of at most {@code network_chunk_size}.
     */
    private static final class Body {
        private final SsyncInput in;
        private final int chunkSize;
        private long left;
        private boolean truncated;

        Body(long contentLength, SsyncInput in, int chunkSize) {
            this.left = contentLength;
            this.in = in;
            this.chunkSize = chunkSize;
        }

        @Nullable
        ByteBuf next() throws IOException {
            if (left <= 0 || truncated) {
                return null;
            }
            ByteBuf b = in.read((int) Math.min(left, chunkSize), "updates content");
            if (b == null) {
                truncated = true;
                return null;
            }
            left -= b.readableBytes();
            return b;
        }

        boolean truncated() {
            return truncated;
        }

        /** Reads and discards the rest, so the next subrequest starts where it should. */
        void drain() throws IOException {
            ByteBuf b;
            while ((b = next()) != null) {
                b.release();
            }
        }
    }
}
