package io.cairn.cli.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One request of a scenario, written as the bytes to send: the method and request target exactly as given
 * (percent-encoding included; {@link #wire} turns UTF-8 text into the raw bytes of a line), the headers in order.
 * At send time the harness adds {@code Host} first (unless {@link #noHost}), the user's {@code X-Auth-Token}
 * (unless {@link User#ANON}), and {@code Content-Length} for a body or for PUT/POST/COPY unless the request has
 * a {@code Content-Length} or {@code Transfer-Encoding} of its own (or {@link #noLength}). In header values
 * {@code {token:USER}} is replaced with that user's token on the cluster it is sent to.
 *
 * <p>Not thread-safe: built once with the fluent setters while the catalog is built, then only read.
 */
final class Req {
    private static final Set<String> LENGTH_METHODS = Set.of("PUT", "POST", "COPY");

    private final String method;
    private final String target;
    private final List<String[]> headers = new ArrayList<>();
    private final List<String> volatileHeaders = new ArrayList<>();
    private User user = User.OWNER;
    private byte[] body = new byte[0];
    private boolean autoLength = true;
    private boolean halfClose;
    private boolean host = true;
    private String version = "HTTP/1.1";

    private Req(String method, String target) {
        this.method = method;
        this.target = target;
    }

    static Req of(String method, String target) {
        return new Req(method, target);
    }

    static Req get(String target) {
        return new Req("GET", target);
    }

    static Req head(String target) {
        return new Req("HEAD", target);
    }

    static Req put(String target) {
        return new Req("PUT", target);
    }

    static Req post(String target) {
        return new Req("POST", target);
    }

    static Req delete(String target) {
        return new Req("DELETE", target);
    }

    static Req copy(String target, String destination) {
        return new Req("COPY", target).h("Destination", destination);
    }

    static Req options(String target) {
        return new Req("OPTIONS", target);
    }

    /** UTF-8 text as the ISO-8859-1 string that puts its bytes on the wire unchanged. */
    static String wire(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** Sent as {@code user} ({@link User#OWNER} unless said). */
    Req as(User who) {
        this.user = who;
        return this;
    }

    /** Adds a header line {@code name: value} (value as wire characters; see {@link #wire}). */
    Req h(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    /** The body, UTF-8. */
    Req body(String text) {
        this.body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** The body, raw. */
    Req body(byte[] bytes) {
        this.body = bytes.clone();
        return this;
    }

    /** No {@code Content-Length} added: the request's framing is exactly its own headers. */
    Req noLength() {
        this.autoLength = false;
        return this;
    }

    /** Shuts the client's side down after the request, so a server waiting for more body sees its end. */
    Req halfClose() {
        this.halfClose = true;
        return this;
    }

    /** No {@code Host} header. */
    Req noHost() {
        this.host = false;
        return this;
    }

    /** The request line's protocol version instead of {@code HTTP/1.1}. */
    Req version(String protocol) {
        this.version = protocol;
        return this;
    }

    /**
     * The response header {@code name}'s value is time-dependent here (e.g. {@code X-Delete-At} after {@code
     * X-Delete-After}): compared only for presence.
     */
    Req volatileHeader(String name) {
        volatileHeaders.add(name.toLowerCase(Locale.ROOT));
        return this;
    }

    String method() {
        return method;
    }

    String target() {
        return target;
    }

    User user() {
        return user;
    }

    boolean halfClosed() {
        return halfClose;
    }

    List<String> volatileHeaders() {
        return volatileHeaders;
    }

    /** The request line, for reports (non-ASCII bytes escaped). */
    String label() {
        String who = user == User.OWNER ? "" : " (as " + user.id() + ")";
        return Texts.escape(method + " " + target + (version.equals("HTTP/1.1") ? "" : " " + version)) + who;
    }

    /** The header lines as sent (before token substitution), for reports. */
    List<String[]> headers() {
        return headers;
    }

    /** The bytes to send to {@code hostPort} with {@code tokens} resolving {@code {token:USER}} and the user's token. */
    byte[] bytes(String hostPort, java.util.function.Function<User, String> tokens) {
        return bytes(hostPort, tokens, java.util.function.Function.identity());
    }

    /**
     * As {@link #bytes(String, java.util.function.Function)}, with {@code expand} applied to the target and the
     * header values (a target's {@code {version:N}}: a version id an earlier answer named).
     */
    byte[] bytes(
            String hostPort,
            java.util.function.Function<User, String> tokens,
            java.util.function.Function<String, String> expand) {
        StringBuilder head = new StringBuilder();
        head.append(method)
                .append(' ')
                .append(expand.apply(target))
                .append(' ')
                .append(version)
                .append("\r\n");
        if (host) {
            head.append("Host: ").append(hostPort).append("\r\n");
        }
        if (user != User.ANON) {
            head.append("X-Auth-Token: ").append(tokens.apply(user)).append("\r\n");
        }
        boolean framed = false;
        for (String[] h : headers) {
            String name = h[0].toLowerCase(Locale.ROOT);
            framed |= name.equals("content-length") || name.equals("transfer-encoding");
            head.append(h[0])
                    .append(": ")
                    .append(expand.apply(substitute(h[1], tokens)))
                    .append("\r\n");
        }
        if (autoLength && !framed && (body.length > 0 || LENGTH_METHODS.contains(method))) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    private static String substitute(String value, java.util.function.Function<User, String> tokens) {
        String out = value;
        for (User u : User.values()) {
            String placeholder = "{token:" + u.name() + "}";
            if (out.contains(placeholder)) {
                out = out.replace(placeholder, tokens.apply(u));
            }
        }
        return out;
    }
}
