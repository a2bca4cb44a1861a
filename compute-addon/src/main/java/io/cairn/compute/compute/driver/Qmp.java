package io.cairn.compute.compute.driver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * QEMU's monitor protocol over its UNIX socket, one connection per command (QEMU serves one client at a time; the
 * agent serialises a guest's commands anyway): greeting, {@code qmp_capabilities}, the command, its {@code return}
 * (asynchronous events in between are skipped).
 */
final class Qmp {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Qmp() {}

    /** Runs one command; returns its {@code return} value; IOException on {@code error} or a closed socket. */
    static JsonNode execute(Path socket, String command) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
            Writer out = Channels.newWriter(ch, StandardCharsets.UTF_8);
            if (in.readLine() == null) {
                throw new IOException("QMP closed before its greeting: " + socket);
            }
            send(out, in, "qmp_capabilities");
            return send(out, in, command);
        }
    }

    private static JsonNode send(Writer out, BufferedReader in, String command) throws IOException {
        out.write("{\"execute\": \"" + command + "\"}\n");
        out.flush();
        while (true) {
            String line = in.readLine();
            if (line == null) {
                if (command.equals("quit")) {
                    return JSON.createObjectNode();
                }
                throw new IOException("QMP closed during " + command);
            }
            JsonNode reply = JSON.readTree(line);
            if (reply.has("return")) {
                return reply.get("return");
            }
            if (reply.has("error")) {
                throw new IOException("QMP " + command + ": "
                        + reply.get("error").path("desc").asString(""));
            }
        }
    }

    /** {@code query-status}'s status: running, paused, shutdown, prelaunch, ... */
    static String status(Path socket) throws IOException {
        return execute(socket, "query-status").path("status").asString("unknown");
    }
}
