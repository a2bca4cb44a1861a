package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.log.SharedAccessLogWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn saio} logs every server's requests through the process's one access-log writer, and stopping it
 * writes every line and stops that writer's thread.
 */
class SaioAccessLogIT {
    @TempDir
    Path data;

    private final List<Logger> loggers = new ArrayList<>();
    private final List<Handler> handlers = new ArrayList<>();

    @AfterEach
    void removeHandlers() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).removeHandler(handlers.get(i));
            loggers.get(i).setUseParentHandlers(true);
        }
    }

    /** The messages of the logger {@code name}, kept off the console for this test. */
    private List<String> captured(String name) {
        List<String> lines = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                synchronized (lines) {
                    lines.add(r.getMessage());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(name);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        loggers.add(logger);
        handlers.add(handler);
        return lines;
    }

    @Test
    void shouldWriteEveryServersLinesAndStopTheWriterWhenTheSaioStops() throws Exception {
        List<String> proxy = captured("io.cairn.proxy.access");
        List<String> object = captured("io.cairn.object.access");
        List<String> container = captured("io.cairn.container.access");
        List<String> account = captured("io.cairn.account.access");
        ByteArrayOutputStream banner = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(banner, true, StandardCharsets.UTF_8);
        SaioCommand saio = new SaioCommand(out, out, NodeFixtures.fakes(NodeFixtures.newList(), true));
        int usersBefore = SharedAccessLogWriter.users();
        try (ServerLauncher.Running running =
                saio.start(List.of("--data", data.toString(), "--port", "0", "--no-daemons"))) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<Void> auth = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.port() + "/auth/v1.0"))
                            .header("X-Auth-User", "test:tester")
                            .header("X-Auth-Key", "testing")
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            String token = auth.headers().firstValue("X-Auth-Token").orElseThrow();
            String url = auth.headers().firstValue("X-Storage-Url").orElseThrow();
            assertThat(put(http, url + "/logged", token, "")).isBetween(201, 202);
            assertThat(put(http, url + "/logged/o", token, "hello")).isEqualTo(201);
            // the proxy and the four nodes' object, container and account servers
            assertThat(SharedAccessLogWriter.users()).isEqualTo(usersBefore + 13);
            assertThat(threads()).isEqualTo(1);
        }

        // no waiting: closing the saio wrote every line its servers logged
        assertThat(proxy)
                .anyMatch(l -> l.startsWith("proxy-server ") && l.contains("\"PUT /v1/AUTH_test/logged/o\" 201 "));
        assertThat(object)
                .filteredOn(
                        l -> l.startsWith("object-server ") && l.matches(".*\"PUT /[^ ]+/AUTH_test/logged/o\" 201 .*"))
                .hasSize(3);
        assertThat(container)
                .filteredOn(l -> l.matches(".*\"PUT /[^ ]+/AUTH_test/logged\" 20[12] .*"))
                .hasSizeGreaterThanOrEqualTo(2);
        // the proxy asks an account server about the account before creating the container
        assertThat(account).anyMatch(l -> l.startsWith("account-server ") && l.contains("/AUTH_test"));
        assertThat(SharedAccessLogWriter.users()).as("every sink released").isEqualTo(usersBefore);
        if (usersBefore == 0) { // (a server another test left open would keep the shared thread, rightly)
            assertThat(threads()).as("no access-log thread after stop").isZero();
        }
    }

    private static int put(HttpClient http, String url, String token, String body) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("X-Auth-Token", token)
                                .PUT(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static long threads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(SharedAccessLogWriter.THREAD_NAME) && t.isAlive())
                .count();
    }
}
