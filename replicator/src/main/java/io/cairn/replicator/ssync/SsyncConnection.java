package io.cairn.replicator.ssync;

import io.cairn.common.concurrent.NamedThreadFactory;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One SSYNC HTTP/1.1 connection, blocking: the request head, the request body as chunks (each {@link
 * #sendChunk} is one HTTP chunk, as Swift's {@code connection.send(b'%x\r\n%s\r\n')}), the response head,
 * and response lines out of the chunked response body (Swift's {@code SsyncBufferedHTTPResponse.readline}).
 * Reads time out by {@code SO_TIMEOUT}; a write that does not finish within {@code node_timeout} is
 * aborted by closing the socket from a watchdog thread, since blocking writes have no timeout of their own.
 *
 * <p>Not thread-safe: one sender thread (plus the watchdog, which only closes the socket).
 */
final class SsyncConnection implements AutoCloseable {
    private static final ScheduledExecutorService WATCHDOG = watchdog();

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final Duration nodeTimeout;
    private volatile boolean writeTimedOut;
    private long bytesSent;
    /** Bytes left in the current response chunk; -1 after the last chunk. */
    private long chunkLeft;

    private SsyncConnection(Socket socket, Duration nodeTimeout) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream(), 65536);
        this.nodeTimeout = nodeTimeout;
    }

    private static ScheduledExecutorService watchdog() {
        ScheduledThreadPoolExecutor e =
                new ScheduledThreadPoolExecutor(1, NamedThreadFactory.single("ssync-write-watchdog"));
        e.setRemoveOnCancelPolicy(true);
        return e;
    }

    /** Connects within {@code connTimeout}. */
    static SsyncConnection open(String host, int port, Duration connTimeout, Duration nodeTimeout) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), (int) Math.max(1, connTimeout.toMillis()));
            return new SsyncConnection(s, nodeTimeout);
        } catch (SocketTimeoutException e) {
            s.close();
            throw new SsyncFailure(seconds(connTimeout) + ": connect send");
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    long bytesSent() {
        return bytesSent;
    }

    /** Writes {@code bytes} within node_timeout (else closes the socket and fails naming {@code context}). */
    void send(byte[] bytes, int off, int len, String context) throws IOException {
        ScheduledFuture<?> abort = WATCHDOG.schedule(this::abortWrite, nodeTimeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            out.write(bytes, off, len);
            out.flush();
            bytesSent += len;
        } catch (IOException e) {
            if (writeTimedOut) {
                throw new SsyncFailure(seconds(nodeTimeout) + ": " + context);
            }
            throw e;
        } finally {
            abort.cancel(false);
        }
    }

    private void abortWrite() {
        writeTimedOut = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
    }

    /** One HTTP chunk: {@code <hex len>\r\n<bytes>\r\n}. */
    void sendChunk(byte[] bytes, int off, int len, String context) throws IOException {
        byte[] head = (Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[head.length + len + 2];
        System.arraycopy(head, 0, frame, 0, head.length);
        System.arraycopy(bytes, off, frame, head.length, len);
        frame[frame.length - 2] = '\r';
        frame[frame.length - 1] = '\n';
        send(frame, 0, frame.length, context);
    }

    void sendChunk(String latin1, String context) throws IOException {
        byte[] b = latin1.getBytes(StandardCharsets.ISO_8859_1);
        sendChunk(b, 0, b.length, context);
    }

    /** Reads the response status line and headers within node_timeout; returns the status and the body text if not 200. */
    int readResponseHead(StringBuilder transferEncoding) throws IOException {
        socket.setSoTimeout(millis(nodeTimeout));
        try {
            String status = rawLine();
            String[] parts = status.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new SsyncFailure("Bad status line " + status);
            }
            int code;
            try {
                code = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new SsyncFailure("Bad status line " + status);
            }
            while (true) {
                String h = rawLine();
                if (h.isEmpty()) {
                    break;
                }
                int colon = h.indexOf(':');
                if (colon > 0 && h.substring(0, colon).strip().equalsIgnoreCase("transfer-encoding")) {
                    transferEncoding.append(h.substring(colon + 1).strip().toLowerCase(Locale.ROOT));
                }
            }
            return code;
        } catch (SocketTimeoutException e) {
            throw new SsyncFailure(seconds(nodeTimeout) + ": connect receive");
        }
    }

    /** Up to 1024 bytes of whatever follows (a non-200 answer's body), best effort. */
    String readSome() {
        try {
            byte[] b = new byte[1024];
            int n = in.read(b);
            return n <= 0 ? "" : new String(b, 0, n, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * One line of the chunked response body (with its {@code \n}, at most {@code max} bytes), waiting at
     * most {@code timeout} per read; an empty array at the end of the body.
     */
    byte[] readLine(int max, Duration timeout, String context) throws IOException {
        socket.setSoTimeout(millis(timeout));
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        try {
            while (line.size() < max) {
                if (chunkLeft == -1) {
                    break;
                }
                if (chunkLeft == 0) {
                    String size = rawLine();
                    int semi = size.indexOf(';');
                    if (semi >= 0) {
                        size = size.substring(0, semi);
                    }
                    try {
                        chunkLeft = Long.parseLong(size.strip(), 16);
                    } catch (NumberFormatException e) {
                        throw new SsyncFailure("Early disconnect");
                    }
                    if (chunkLeft == 0) {
                        chunkLeft = -1;
                        break;
                    }
                }
                int c = in.read();
                if (c < 0) {
                    throw new SsyncFailure("Early disconnect");
                }
                chunkLeft--;
                if (chunkLeft == 0) {
                    rawLine(); // the CRLF after the chunk
                }
                line.write(c);
                if (c == '\n') {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            throw new SsyncFailure(seconds(timeout) + ": " + context);
        }
        return line.toByteArray();
    }

    /** A CRLF-terminated line of the raw stream, without the CRLF. */
    private String rawLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (sb.length() == 0) {
                    throw new SsyncFailure("Early disconnect");
                }
                break;
            }
            if (c == '\n') {
                break;
            }
            if (sb.length() > 65536) {
                throw new SsyncFailure("Line too long from peer");
            }
            sb.append((char) c);
        }
        int n = sb.length();
        if (n > 0 && sb.charAt(n - 1) == '\r') {
            sb.setLength(n - 1);
        }
        return sb.toString();
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    /** eventlet's {@code Timeout.__str__}: {@code "10.0 seconds"}. */
    static String seconds(Duration d) {
        double s = d.toNanos() / 1e9;
        String n = s == Math.rint(s) ? (long) s + ".0" : Double.toString(s);
        return n + (s == 1.0 ? " second" : " seconds");
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }

    /** A replication failure with Swift's message ({@code ReplicationException}, {@code MessageTimeout}). */
    static final class SsyncFailure extends IOException {
        private static final long serialVersionUID = 1L;

        SsyncFailure(String message) {
            super(message);
        }
    }
}
