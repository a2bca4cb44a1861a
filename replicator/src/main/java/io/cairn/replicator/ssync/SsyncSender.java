package io.cairn.replicator.ssync;

import io.cairn.common.path.PercentCoding;
import io.cairn.common.time.Timestamp;
import io.cairn.object.diskfile.DiskFile;
import io.cairn.object.diskfile.DiskFileDeleted;
import io.cairn.object.diskfile.DiskFileException;
import io.cairn.object.diskfile.DiskFileManager;
import io.cairn.object.diskfile.DiskFileNotExist;
import io.cairn.object.diskfile.DiskFileReader;
import io.cairn.object.diskfile.ObjectTimestamps;
import io.cairn.object.metadata.ObjectMetadata;
import io.cairn.object.ssync.SsyncMessages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Swift 2.30.1's {@code ssync_sender.Sender} for replicated policies: connects to the target's object
 * server, sends {@code SSYNC /<dev>/<part>} with a chunked body, offers every object of the given suffixes
 * (missing_check: {@code <hash> <ts_data>[ m:…,t:…]}), then sends what the receiver wants (updates: PUT
 * with the whole {@code .data} and its metadata, POST with the {@code .meta} metadata, DELETE for
 * tombstones), each protocol line and each body piece one HTTP chunk, as Swift's sender writes them.
 * Connect, every write and every response line are bounded by {@link SsyncTimeouts}, so a dead or
 * silent peer fails the call instead of hanging it.
 *
 * <p>Thread-safety: thread-safe (no mutable state); each {@link #send} blocks its calling thread and
 * reads the local disk directly, so call it from a replicator thread, never an event loop.
 */
public final class SsyncSender {
    private static final System.Logger LOG = System.getLogger(SsyncSender.class.getName());
    private static final int NETWORK_CHUNK_SIZE = 65536;
    /** {@code open(EPOCH)}: expiry judged at the epoch, i.e. Swift's {@code open_expired=True}. */
    private static final Timestamp EPOCH = Timestamp.ofRaw(0, 0);

    private final DiskFileManager local;
    private final SsyncTimeouts timeouts;
    private final Clock clock;

    public SsyncSender(DiskFileManager local, SsyncTimeouts timeouts, Clock clock) {
        this.local = local;
        this.timeouts = timeouts;
        this.clock = clock;
    }

    /**
     * Syncs {@code suffixes} of {@code partition} on {@code localDevice} to {@code target}. Never throws
     * for a peer or disk failure: the result says what went wrong. No suffixes: success at once, nothing
     * sent (as Swift).
     *
     * @throws InterruptedException the calling thread was interrupted (the connection is closed)
     */
    public SsyncResult send(
            SsyncTarget target, String localDevice, int partition, int policyIndex, Collection<String> suffixes)
            throws InterruptedException {
        if (suffixes.isEmpty()) {
            return new SsyncResult(true, Map.of(), 0, 0, null);
        }
        long started = clock.millis();
        SsyncConnection connection = null;
        Session session = new Session(localDevice, partition, policyIndex);
        try {
            connection = connect(target, partition, policyIndex);
            Map<String, Wanted> sendMap = missingCheck(connection, session, suffixes);
            updates(connection, session, sendMap);
            Map<String, String> inSync = new LinkedHashMap<>();
            for (Map.Entry<String, ObjectTimestamps> e : session.available.entrySet()) {
                inSync.put(e.getKey(), e.getValue().tsData().internal());
            }
            LOG.log(
                    Level.DEBUG,
                    "ssync completed ok: dev: " + localDevice + ", part: " + partition + ", policy: " + policyIndex
                            + ", num suffixes: " + suffixes.size() + ", available: " + session.available.size()
                            + ", sent: " + sendMap.size() + ", " + (clock.millis() - started) + " ms");
            return new SsyncResult(true, inSync, session.objectsSent, connection.bytesSent(), null);
        } catch (IOException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("ssync to " + target + " interrupted");
            }
            String message = target.host() + ":" + target.port() + "/" + target.device() + "/" + partition + " "
                    + e.getMessage();
            LOG.log(e instanceof SsyncConnection.SsyncFailure ? Level.ERROR : Level.WARNING, message, e);
            long bytes = connection == null ? 0 : connection.bytesSent();
            return new SsyncResult(false, Map.of(), session.objectsSent, bytes, message);
        } finally {
            if (connection != null) {
                disconnect(connection);
            }
        }
    }

    /** What one sync is working on. Confined to the calling thread. */
    private static final class Session {
        final String device;
        final int partition;
        final int policyIndex;
        final Map<String, ObjectTimestamps> available = new LinkedHashMap<>();
        long objectsSent;

        Session(String device, int partition, int policyIndex) {
            this.device = device;
            this.partition = partition;
            this.policyIndex = policyIndex;
        }
    }

    private record Wanted(boolean data, boolean meta) {}

    private SsyncConnection connect(SsyncTarget target, int partition, int policyIndex) throws IOException {
        SsyncConnection c =
                SsyncConnection.open(target.host(), target.port(), timeouts.connTimeout(), timeouts.nodeTimeout());
        try {
            String hostHeader = target.host().contains(":") ? "[" + target.host() + "]" : target.host();
            String head = "SSYNC /" + PercentCoding.quote(target.device()) + "/" + partition + " HTTP/1.1\r\n"
                    + "Host: " + hostHeader + ":" + target.port() + "\r\n"
                    + "Accept-Encoding: identity\r\n"
                    + "Transfer-Encoding: chunked\r\n"
                    + "X-Backend-Storage-Policy-Index: " + policyIndex + "\r\n\r\n";
            byte[] b = head.getBytes(StandardCharsets.UTF_8);
            c.send(b, 0, b.length, "connect send");
            StringBuilder te = new StringBuilder();
            int status = c.readResponseHead(te);
            if (status != 200) {
                throw new SsyncConnection.SsyncFailure(
                        "Expected status 200; got " + status + " (" + c.readSome() + ")");
            }
            return c;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private Map<String, Wanted> missingCheck(SsyncConnection c, Session s, Collection<String> suffixes)
            throws IOException {
        c.sendChunk(SsyncMessages.MISSING_CHECK_START + "\r\n", "missing_check start");
        List<ObjectTimestamps> hashes = local.yieldHashes(s.device, s.partition, s.policyIndex, suffixes);
        int nlines = 0;
        for (ObjectTimestamps t : hashes) {
            s.available.put(t.nameHash(), t);
            c.sendChunk(SsyncMessages.encodeMissing(t) + "\r\n", "missing_check send line: " + nlines + " lines");
            nlines++;
        }
        c.sendChunk(SsyncMessages.MISSING_CHECK_END + "\r\n", "missing_check end");
        awaitLine(c, SsyncMessages.MISSING_CHECK_START, "missing_check start wait");
        Map<String, Wanted> sendMap = new LinkedHashMap<>();
        while (true) {
            String line = responseLine(c, "missing_check line wait");
            if (line.equals(SsyncMessages.MISSING_CHECK_END)) {
                break;
            }
            String[] parts = line.isEmpty() ? new String[0] : line.split("\\s+");
            if (parts.length > 0) {
                String[] rest = new String[parts.length - 1];
                System.arraycopy(parts, 1, rest, 0, rest.length);
                SsyncMessages.Wanted w = SsyncMessages.decodeWanted(rest);
                sendMap.put(parts[0], new Wanted(w.data(), w.meta()));
            }
        }
        return sendMap;
    }

    private void updates(SsyncConnection c, Session s, Map<String, Wanted> sendMap) throws IOException {
        c.sendChunk(SsyncMessages.UPDATES_START + "\r\n", "updates start");
        for (Map.Entry<String, Wanted> e : sendMap.entrySet()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IOException("interrupted");
            }
            String hash = PercentCoding.unquote(e.getKey());
            sendObject(c, s, hash, e.getValue());
        }
        c.sendChunk(SsyncMessages.UPDATES_END + "\r\n", "updates end");
        awaitLine(c, SsyncMessages.UPDATES_START, "updates start wait");
        while (true) {
            String line = responseLine(c, "updates line wait");
            if (line.equals(SsyncMessages.UPDATES_END)) {
                break;
            }
            if (!line.isEmpty()) {
                throw unexpected(line);
            }
        }
    }

    private void sendObject(SsyncConnection c, Session s, String hash, Wanted want) throws IOException {
        DiskFile df;
        try {
            df = local.diskFileFromHash(s.device, s.partition, hash, s.policyIndex);
        } catch (DiskFileNotExist e) {
            return;
        }
        String urlPath = PercentCoding.quote(df.name());
        try (DiskFileReader reader = df.open(EPOCH)) {
            if (want.data()) {
                sendPut(c, urlPath, reader);
                s.objectsSent++;
            }
            ObjectMetadata meta = reader.metaMetadata();
            if (want.meta() && !reader.dataTimestamp().equals(reader.timestamp()) && meta != null) {
                // Swift's get_metafile_metadata(): the .meta's own metadata without name
                Map<String, String> headers = new TreeMap<>(meta.asMap());
                headers.remove(ObjectMetadata.NAME);
                sendSubrequest(c, "POST", urlPath, headers);
                s.objectsSent++;
            }
        } catch (DiskFileDeleted e) {
            if (want.data()) {
                Map<String, String> headers = new TreeMap<>();
                headers.put(ObjectMetadata.X_TIMESTAMP, e.timestamp().internal());
                sendSubrequest(c, "DELETE", urlPath, headers);
                s.objectsSent++;
            }
        } catch (DiskFileException e) {
            // nothing was sent for it yet, so the receiver holds no partial state: skip it, as Swift does
            LOG.log(Level.DEBUG, "ssync: skipping " + hash + ": " + e.getMessage());
        }
    }

    private static void sendPut(SsyncConnection c, String urlPath, DiskFileReader reader) throws IOException {
        long length = reader.contentLength();
        Map<String, String> headers = new TreeMap<>();
        headers.put(ObjectMetadata.CONTENT_LENGTH, Long.toString(length));
        for (Map.Entry<String, String> m : reader.dataMetadata().asMap().entrySet()) {
            if (!m.getKey().equals(ObjectMetadata.NAME) && !m.getKey().equals(ObjectMetadata.CONTENT_LENGTH)) {
                headers.put(m.getKey(), m.getValue());
            }
        }
        sendSubrequest(c, "PUT", urlPath, headers);
        byte[] buf = new byte[NETWORK_CHUNK_SIZE];
        long sent = 0;
        while (true) {
            ByteBuffer dst = ByteBuffer.wrap(buf);
            int n = reader.read(dst, sent);
            if (n < 0) {
                break;
            }
            if (n == 0) {
                continue;
            }
            c.sendChunk(buf, 0, n, "send_put chunk");
            sent += n;
        }
        if (sent != length) {
            // the receiver may hold a partial object now: only hanging up keeps it from committing
            throw new SsyncConnection.SsyncFailure("Sent data length does not match content-length");
        }
    }

    /** {@code METHOD path\r\n} + sorted {@code Key: value\r\n} + {@code \r\n}, keys and values UTF-8. */
    private static void sendSubrequest(SsyncConnection c, String method, String urlPath, Map<String, String> sorted)
            throws IOException {
        ByteArrayOutputStream msg = new ByteArrayOutputStream(256);
        write(msg, method + " " + urlPath);
        for (Map.Entry<String, String> h : sorted.entrySet()) {
            write(msg, "\r\n");
            write(msg, h.getKey());
            write(msg, ": ");
            write(msg, h.getValue());
        }
        write(msg, "\r\n\r\n");
        byte[] b = msg.toByteArray();
        c.sendChunk(b, 0, b.length, "send_" + method.toLowerCase(java.util.Locale.ROOT));
    }

    /** Python's {@code s.encode('utf8', 'surrogateescape')}: lone U+DC80..U+DCFF become their byte again. */
    private static void write(ByteArrayOutputStream out, String s) {
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 0xDC80 && ch <= 0xDCFF && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
                out.writeBytes(s.substring(start, i).getBytes(StandardCharsets.UTF_8));
                out.write(ch - 0xDC00);
                start = i + 1;
            }
        }
        out.writeBytes(s.substring(start).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads response lines until {@code expected}; blank lines are skipped, anything else fails. */
    private void awaitLine(SsyncConnection c, String expected, String context) throws IOException {
        while (true) {
            String line = responseLine(c, context);
            if (line.equals(expected)) {
                return;
            }
            if (!line.isEmpty()) {
                throw unexpected(line);
            }
        }
    }

    /** One stripped response line; the end of the response is an early disconnect. */
    private String responseLine(SsyncConnection c, String context) throws IOException {
        byte[] raw = c.readLine(NETWORK_CHUNK_SIZE, timeouts.httpTimeout(), context);
        if (raw.length == 0) {
            throw new SsyncConnection.SsyncFailure("Early disconnect");
        }
        return new String(raw, StandardCharsets.ISO_8859_1).strip();
    }

    private static IOException unexpected(String line) {
        String l = line.length() > 1024 ? line.substring(0, 1024) : line;
        return new SsyncConnection.SsyncFailure("Unexpected response: '" + l + "'");
    }

    /** Ends the chunked body (best effort) and closes, as Swift's {@code disconnect}. */
    private static void disconnect(SsyncConnection c) {
        try {
            byte[] end = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            c.send(end, 0, end.length, "disconnect");
        } catch (IOException e) {
            // the peer may be gone already: fine
        }
        c.close();
    }
}
