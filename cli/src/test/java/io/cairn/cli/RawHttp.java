package io.cairn.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * HTTP/1.1 over a plain socket, for requests {@link java.net.http.HttpClient} refuses to send (raw bytes in
 * headers, any Content-Length, half a body, {@code Connection} headers, bodies on any method): writes the bytes
 * given, and reads the answer either until the server closes ({@link #exchange}) or as its head frames it
 * ({@link #send}).
 *
 * <p>Thread-safety: stateless.
 */
public final class RawHttp {
    private static final int MAX_HEAD_BYTES = 1 << 20;

    private RawHttp() {}

    /**
     * A parsed response: {@code head} is the status line and header lines (ISO-8859-1, CRLF-separated, without
     * the blank line), {@code body} the body bytes as ISO-8859-1 characters (de-chunked when chunked).
     */
    public record Response(int status, String head, String body) {
        /** A header's value (case-insensitive name), or null. */
        @Nullable
        public String header(String name) {
            for (Map.Entry<String, String> h : headers()) {
                if (h.getKey().equalsIgnoreCase(name)) {
                    return h.getValue();
                }
            }
            return null;
        }

        /** The status line, e.g. {@code HTTP/1.1 200 OK}. */
        public String statusLine() {
            int end = head.indexOf("\r\n");
            return end < 0 ? head : head.substring(0, end);
        }

        /** Every header line in order, name and value as sent (the value trimmed). */
        public List<Map.Entry<String, String>> headers() {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            String[] lines = head.split("\r\n");
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.add(Map.entry(
                            lines[i].substring(0, colon).trim(),
                            lines[i].substring(colon + 1).trim()));
                }
            }
            return headers;
        }

        /** The body's bytes, exactly as received (after de-chunking). */
        public byte[] bodyBytes() {
            return body.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /** Sends {@code head} (request line and headers, ISO-8859-1, without the blank line) and {@code body}. */
    public static Response exchange(int port, String head, byte[] body) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(s.getInputStream());
        }
    }

    /** Reads a response until EOF (the request said {@code Connection: close}). */
    static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete response head in: " + text);
        }
        String head = text.substring(0, end);
        return new Response(statusOf(head), head, text.substring(end + 4));
    }

    /**
     * Sends {@code request} exactly as given (request line, headers, blank line and body: nothing is added) on a
     * new connection to {@code 127.0.0.1:port}, then reads one response framed as its head says: no body for a
     * HEAD request, 1xx (skipped: the final response is returned), 204 and 304; chunked; {@code Content-Length};
     * else until the server closes. With {@code halfClose} the client's side is shut down after the request, so
     * a server waiting for more body sees its end at once. The connection is closed afterwards.
     *
     * @throws IOException when the server closes or stays silent ({@code timeout}) before a complete response
     */
    public static Response send(int port, byte[] request, boolean headRequest, boolean halfClose, Duration timeout)
            throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout((int) timeout.toMillis());
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            if (halfClose) {
                s.shutdownOutput();
            }
            InputStream in = new BufferedInputStream(s.getInputStream());
            while (true) {
                String head = readHead(in);
                int status = statusOf(head);
                if (status >= 100 && status < 200) {
                    continue;
                }
                return new Response(status, head, readBody(in, head, status, headRequest));
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed "
                        + (head.size() == 0 ? "without a response" : "in the response head: " + head));
            }
            head.write(b);
            last4 = (last4 << 8) | b;
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("response head over " + MAX_HEAD_BYTES + " bytes");
            }
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
    }

    private static String readBody(InputStream in, String head, int status, boolean headRequest) throws IOException {
        if (headRequest || status == 204 || status == 304) {
            return "";
        }
        Response framing = new Response(status, head, "");
        String te = framing.header("Transfer-Encoding");
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            return readChunked(in);
        }
        String length = framing.header("Content-Length");
        if (length != null) {
            int n = Integer.parseInt(length.trim());
            byte[] body = in.readNBytes(n);
            if (body.length < n) {
                throw new EOFException("connection closed after " + body.length + " of " + n + " body bytes");
            }
            return new String(body, StandardCharsets.ISO_8859_1);
        }
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    private static String readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!readLine(in).isEmpty()) {
                    // trailers: not kept
                }
                return body.toString(StandardCharsets.ISO_8859_1);
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size) {
                throw new EOFException("connection closed inside a chunk");
            }
            body.write(chunk);
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("connection closed in a chunked body");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static int statusOf(String head) throws IOException {
        int end = head.indexOf("\r\n");
        String[] statusLine = (end < 0 ? head : head.substring(0, end)).split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].toUpperCase(Locale.ROOT).startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response: " + head);
        }
        try {
            return Integer.parseInt(statusLine[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status: " + head, e);
        }
    }
}
