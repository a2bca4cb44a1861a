package io.cairn.object.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** A tiny blocking HTTP/1.1 client that sends exactly the bytes a test wants (methods, broken bodies). */
final class RawHttp {
    /** A received response. Immutable by convention. */
    static final class Response {
        private final int status;
        private final Map<String, String> headers;
        private final byte[] body;

        Response(int status, Map<String, String> headers, byte[] body) {
            this.status = status;
            this.headers = headers;
            this.body = body;
        }

        int status() {
            return status;
        }

        byte[] body() {
            return body;
        }

        /** Every header, names lower-cased (sorted). */
        Map<String, String> headers() {
            return headers;
        }

        @org.jspecify.annotations.Nullable
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    private RawHttp() {}

    /** Sends {@code head} (with {@code Connection: close} added) and {@code body}; reads one final response. */
    static Response exchange(int port, String head, byte[] body) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 5000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(s.getInputStream(), head.startsWith("HEAD "));
        }
    }

    /** PUTs {@code body} as an octet-stream object at {@code timestamp}; returns the response. */
    static Response putObject(int port, String path, String timestamp, byte[] body) throws IOException {
        return exchange(
                port,
                "PUT " + path + " HTTP/1.1\r\nHost: x\r\nX-Timestamp: " + timestamp
                        + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + body.length + "\r\n",
                body);
    }

    /** What a PUT with {@code Expect: 100-continue} heard: the {@code 100 Continue}'s headers, then the answer. */
    record ContinuedPut(Map<String, String> continueHeaders, Response response) {}

    /**
     * A PUT as Cairn's proxy sends a large body: {@code head} (which should carry {@code Transfer-Encoding: chunked}
     * and {@code Expect: 100-continue}; {@code Connection: close} is added), then, only after {@code 100 Continue},
     * {@code body} in chunks of {@code chunkSize} and the last chunk with {@code trailers} (raw header lines, each
     * ending in CRLF; empty for none). {@code trailers} is computed from the {@code 100 Continue}'s headers (lower
     * case), as the proxy decides what to send from them.
     */
    static ContinuedPut chunkedPut(
            int port,
            String head,
            byte[] body,
            int chunkSize,
            java.util.function.Function<Map<String, String>, String> trailers)
            throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 5000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String statusLine = line(in);
            Map<String, String> headers = new TreeMap<>();
            for (String l = line(in); !l.isEmpty(); l = line(in)) {
                int colon = l.indexOf(':');
                headers.put(
                        l.substring(0, colon).toLowerCase(Locale.ROOT),
                        l.substring(colon + 1).strip());
            }
            if (Integer.parseInt(statusLine.split(" ")[1]) != 100) {
                String cl = headers.get("content-length");
                byte[] answer = cl == null ? new byte[0] : in.readNBytes(Integer.parseInt(cl));
                return new ContinuedPut(
                        Map.of(), new Response(Integer.parseInt(statusLine.split(" ")[1]), headers, answer));
            }
            for (int off = 0; off < body.length; off += chunkSize) {
                int n = Math.min(chunkSize, body.length - off);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, off, n);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write(("0\r\n" + trailers.apply(headers) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new ContinuedPut(headers, read(in, false));
        }
    }

    /** {@code n} reproducible random bytes. */
    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static Response read(InputStream in, boolean head) throws IOException {
        while (true) {
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new TreeMap<>();
            for (String l = line(in); !l.isEmpty(); l = line(in)) {
                int colon = l.indexOf(':');
                headers.put(
                        l.substring(0, colon).toLowerCase(Locale.ROOT),
                        l.substring(colon + 1).strip());
            }
            if (status == 100) {
                continue;
            }
            String cl = headers.get("content-length");
            byte[] body = head || cl == null ? new byte[0] : in.readNBytes(Integer.parseInt(cl));
            return new Response(status, headers, body);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
