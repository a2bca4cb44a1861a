package io.cairn.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * HTTP/1.1 over a plain socket, for requests {@link java.net.http.HttpClient} refuses to send (raw bytes in
 * headers, any Content-Length, half a body): writes the bytes given, reads the answer until the proxy
 * closes.
 *
 * <p>Thread-safety: stateless.
 */
final class RawHttp {
    private RawHttp() {}

    /** A parsed response. */
    record Response(int status, String head, String body) {
        /** A header's value (case-insensitive name), or null. */
        @Nullable
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    /** Sends {@code head} (request line and headers, ISO-8859-1, without the blank line) and {@code body}. */
    static Response exchange(int port, String head, byte[] body) throws IOException {
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
        String[] statusLine = head.substring(0, head.indexOf("\r\n") < 0 ? head.length() : head.indexOf("\r\n"))
                .split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].toUpperCase(Locale.ROOT).startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response: " + head);
        }
        return new Response(Integer.parseInt(statusLine[1]), head, text.substring(end + 4));
    }
}
