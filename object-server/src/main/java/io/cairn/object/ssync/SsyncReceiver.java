package io.cairn.object.ssync;

import io.cairn.common.io.DeviceExecutors;
import io.cairn.common.time.Timestamp;
import io.cairn.object.diskfile.DiskFile;
import io.cairn.object.diskfile.DiskFileDeleted;
import io.cairn.object.diskfile.DiskFileException;
import io.cairn.object.diskfile.DiskFileManager;
import io.cairn.object.diskfile.DiskFileNotExist;
import io.cairn.object.diskfile.DiskFileReader;
import io.cairn.object.diskfile.DiskLayout;
import io.cairn.object.diskfile.ObjectTimestamps;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The receiving end of SSYNC: Swift 2.30.1's {@code ssync_receiver.Receiver}, line for line. One instance
 * per object server holds the {@code replication_concurrency} semaphore and the per-partition replication
 * locks; {@link #receive} runs one session: {@code \r\n}, then missing_check (offered hashes compared with
 * what this device has; the wanted ones answered with {@code d}/{@code m}), then updates (PUT/POST/DELETE
 * subrequests applied by {@link SsyncSubrequests}). Failures are answered as Swift answers them: {@code
 * :ERROR: <code> <repr(message)>\n} and a hang-up; a timeout is 408, the semaphore 503, a lock timeout
 * or a protocol error 0, failed subrequests 500.
 *
 * <p>Thread-safety: thread-safe; {@link #receive} blocks and must run on a replication thread (never an
 * event loop); its storage calls go to the device's executor.
 */
public final class SsyncReceiver {
    private static final System.Logger LOG = System.getLogger(SsyncReceiver.class.getName());
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{3,64}");
    private static final Timestamp EPOCH = Timestamp.ofRaw(0, 0);
    static final byte[] SERVICE_UNAVAILABLE_BODY = ("<html><h1>Service Unavailable</h1><p>The server is currently"
                    + " unavailable. Please try again at a later time.</p></html>")
            .getBytes(StandardCharsets.US_ASCII);

    private final DiskFileManager diskFiles;
    private final DeviceExecutors executors;
    private final SsyncReceiverSettings settings;
    private final @Nullable Semaphore semaphore;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** @param concurrency {@code replication_concurrency}: sessions at once (0 = unlimited) */
    public SsyncReceiver(
            DiskFileManager diskFiles, DeviceExecutors executors, SsyncReceiverSettings settings, int concurrency) {
        this.diskFiles = diskFiles;
        this.executors = executors;
        this.settings = settings;
        this.semaphore = concurrency > 0 ? new Semaphore(concurrency) : null;
    }

    public SsyncReceiverSettings settings() {
        return settings;
    }

    /**
     * Runs one SSYNC session. Returns true when it ended normally (the response may end with its last
     * chunk), false when the connection must be dropped (Swift's {@code disconnect}).
     *
     * @throws IOException only when writing to {@code out} fails
     */
    public boolean receive(String device, int partition, int policyIndex, SsyncInput in, SsyncOutput out)
            throws IOException {
        out.write(new byte[] {'\r', '\n'});
        String where = device + "/" + partition;
        try {
            if (semaphore != null && !semaphore.tryAcquire()) {
                throw new HttpError(503, SERVICE_UNAVAILABLE_BODY);
            }
            try {
                session(device, partition, policyIndex, in, out);
                return true;
            } finally {
                if (semaphore != null) {
                    semaphore.release();
                }
            }
        } catch (ClientDisconnected e) {
            LOG.log(Level.ERROR, "ssync client disconnected");
        } catch (LockTimeout e) {
            LOG.log(Level.DEBUG, where + " SSYNC LOCK TIMEOUT: " + e.getMessage());
            error(out, 0, PythonRepr.ofStr(String.valueOf(e.getMessage())));
        } catch (SsyncTimeoutException e) {
            LOG.log(Level.ERROR, where + " TIMEOUT in ssync.Receiver: " + e.getMessage());
            error(out, 408, PythonRepr.ofStr(String.valueOf(e.getMessage())));
        } catch (SsyncReadException e) {
            LOG.log(Level.ERROR, where + " read failed in ssync.Receiver: " + e.getMessage());
        } catch (HttpError e) {
            error(out, e.status, PythonRepr.ofBytes(e.body));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.ERROR, where + " EXCEPTION in ssync.Receiver", e);
            error(out, 0, PythonRepr.ofStr(String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(out, 0, PythonRepr.ofStr("interrupted"));
        }
        return false;
    }

    private static void error(SsyncOutput out, int status, String repr) {
        try {
            out.write((":ERROR: " + status + " " + repr + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "ssync: could not send the error line: " + e);
        }
    }

    private void session(String device, int partition, int policyIndex, SsyncInput in, SsyncOutput out)
            throws IOException, InterruptedException {
        String key = device + "/" + policyIndex + "/" + partition;
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        if (!lock.tryLock(settings.lockTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
            throw new LockTimeout(SsyncTimeoutException.pythonSeconds(
                            settings.lockTimeout().toNanos() / 1e9)
                    + ": " + device + "/" + DiskLayout.policyDir(DiskLayout.OBJECTS, policyIndex) + "/" + partition
                    + "/.lock-replication");
        }
        try {
            DeviceCalls io = new DeviceCalls(executors, device);
            missingCheck(io, device, partition, policyIndex, in, out);
            updates(new SsyncSubrequests(diskFiles, io, device, partition, policyIndex, settings), in, out);
        } finally {
            lock.unlock();
        }
    }

    private void missingCheck(
            DeviceCalls io, String device, int partition, int policyIndex, SsyncInput in, SsyncOutput out)
            throws IOException {
        byte[] line = in.readLine(settings.networkChunkSize(), "missing_check start");
        if (line.length == 0) {
            throw new ClientDisconnected();
        }
        if (!strip(line).equals(SsyncMessages.MISSING_CHECK_START)) {
            throw new IOException("Looking for :MISSING_CHECK: START got " + PythonRepr.ofBytes(head(line)));
        }
        List<String> wanted = new ArrayList<>();
        while (true) {
            line = in.readLine(settings.networkChunkSize(), "missing_check line");
            if (line.length == 0 || strip(line).equals(SsyncMessages.MISSING_CHECK_END)) {
                break;
            }
            ObjectTimestamps remote = SsyncMessages.decodeMissing(ascii(line));
            ObjectTimestamps local = io.call(() -> checkLocal(device, partition, policyIndex, remote.nameHash()));
            String want = SsyncMessages.encodeWanted(remote, local);
            if (want != null) {
                wanted.add(want);
            }
        }
        out.write(bytes(SsyncMessages.MISSING_CHECK_START + "\r\n"));
        if (!wanted.isEmpty()) {
            out.write(bytes(String.join("\r\n", wanted)));
        }
        out.write(bytes("\r\n"));
        out.write(bytes(SsyncMessages.MISSING_CHECK_END + "\r\n"));
    }

    /**
     * Device executor: Swift's {@code _check_local} (replicated): null when nothing is here, only {@code
     * tsData} for a tombstone, data/meta/content-type times for an object (expired ones too).
     */
    private @Nullable ObjectTimestamps checkLocal(String device, int partition, int policyIndex, String hash)
            throws IOException {
        if (!HASH.matcher(hash).matches()) {
            return null; // not a hash this device could hold; never a path to walk
        }
        DiskFile df;
        try {
            df = diskFiles.diskFileFromHash(device, partition, hash, policyIndex);
        } catch (DiskFileNotExist e) {
            return null;
        }
        try (DiskFileReader reader = df.open(EPOCH)) {
            return new ObjectTimestamps(
                    hash, reader.dataTimestamp(), reader.timestamp(), reader.contentTypeTimestamp(), true);
        } catch (DiskFileDeleted e) {
            return new ObjectTimestamps(hash, e.timestamp(), null, null, true);
        } catch (DiskFileException e) {
            return null;
        }
    }

    private void updates(SsyncSubrequests subrequests, SsyncInput in, SsyncOutput out) throws IOException {
        byte[] line = in.readLine(settings.networkChunkSize(), "updates start");
        if (line.length == 0) {
            throw new ClientDisconnected();
        }
        if (!strip(line).equals(SsyncMessages.UPDATES_START)) {
            throw new IOException("Looking for :UPDATES: START got " + PythonRepr.ofBytes(head(line)));
        }
        int successes = 0;
        int failures = 0;
        while (true) {
            line = in.readLine(settings.networkChunkSize(), "updates line");
            if (line.length == 0 || strip(line).equals(SsyncMessages.UPDATES_END)) {
                break;
            }
            int status = subrequest(subrequests, strip(line), in);
            if ((status >= 200 && status < 300) || status == 404) {
                successes++;
            } else {
                failures++;
            }
            if (failures >= settings.failureThreshold()
                    && (successes == 0 || (double) failures / successes > settings.failureRatio())) {
                throw new IOException("Too many " + failures + " failures to " + successes + " successes");
            }
        }
        if (failures > 0) {
            throw new HttpError(
                    500, bytes("ERROR: With :UPDATES: " + failures + " failures to " + successes + " successes"));
        }
        out.write(bytes(SsyncMessages.UPDATES_START + "\r\n"));
        out.write(bytes(SsyncMessages.UPDATES_END + "\r\n"));
    }

    /** Reads one subrequest's head (and, for a PUT, its body) and applies it. */
    private int subrequest(SsyncSubrequests subrequests, String requestLine, SsyncInput in) throws IOException {
        int sp = requestLine.indexOf(' ');
        if (sp < 0) {
            throw new IOException("not enough values to unpack (expected 2, got 1)");
        }
        String method = requestLine.substring(0, sp);
        String path = requestLine.substring(sp + 1);
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> replicationHeaders = new ArrayList<>();
        Long contentLength = null;
        while (true) {
            byte[] raw = in.readLine(settings.networkChunkSize(), "updates line");
            if (raw.length == 0) {
                throw new IOException("Got no headers for " + method + " " + path);
            }
            String h = strip(raw);
            if (h.isEmpty()) {
                break;
            }
            int colon = h.indexOf(':');
            if (colon < 0) {
                throw new IOException("not enough values to unpack (expected 2, got 1)");
            }
            String name = h.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
            String value = h.substring(colon + 1).strip();
            headers.put(name, value);
            if (!name.equals("etag") && !name.equals("x-backend-no-commit")) {
                replicationHeaders.add(name);
            }
            if (name.equals("content-length")) {
                contentLength = pythonInt(value);
            }
        }
        SsyncSubrequests.Head head = new SsyncSubrequests.Head(method, path, headers, replicationHeaders);
        switch (method) {
            case "DELETE", "POST" -> {
                if (contentLength != null && contentLength != 0) {
                    throw new IOException(method + " subrequest with content-length " + path);
                }
                return method.equals("POST") ? subrequests.post(head) : subrequests.delete(head);
            }
            case "PUT" -> {
                if (contentLength == null) {
                    throw new IOException("No content-length sent for " + method + " " + path);
                }
                return subrequests.put(head, contentLength, in);
            }
            default -> throw new IOException("Invalid subrequest method " + method);
        }
    }

    private static long pythonInt(String value) throws IOException {
        try {
            long n = Long.parseLong(value.strip().replace("_", ""));
            if (n < 0) {
                throw new IOException("Invalid Content-Length " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IOException("invalid literal for int() with base 10: " + PythonRepr.ofStr(value), e);
        }
    }

    /** Python's {@code bytes.strip()}, as a latin-1 (WSGI) string. */
    static String strip(byte[] line) {
        int start = 0;
        int end = line.length;
        while (start < end && isSpace(line[start])) {
            start++;
        }
        while (end > start && isSpace(line[end - 1])) {
            end--;
        }
        return new String(line, start, end - start, StandardCharsets.ISO_8859_1);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0b || b == 0x0c;
    }

    private static String ascii(byte[] line) throws IOException {
        try {
            return StandardCharsets.US_ASCII
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IOException("'ascii' codec can't decode the missing_check line: ordinal not in range(128)", e);
        }
    }

    private static byte[] head(byte[] line) {
        return line.length > 1024 ? Arrays.copyOf(line, 1024) : line;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The sender hung up before a phase began: no error line, just the hang-up. */
    private static final class ClientDisconnected extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Swift's {@code LockTimeout}: answered {@code :ERROR: 0 '<message>'}. */
    private static final class LockTimeout extends IOException {
        private static final long serialVersionUID = 1L;

        LockTimeout(String message) {
            super(message);
        }
    }

    /** Swift's {@code swob.HTTPException} raised inside the session: {@code :ERROR: <status> <repr(body)>}. */
    private static final class HttpError extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final transient byte[] body;

        HttpError(int status, byte[] body) {
            super(status + " " + new String(body, StandardCharsets.ISO_8859_1));
            this.status = status;
            this.body = body.clone();
        }
    }
}
