package io.cairn.account.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.IniFile;
import io.cairn.common.http.Transport;
import io.cairn.common.path.Constraints;
import io.cairn.common.path.HashPath;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the account server gets from the storage-server scaffold, as the object and container servers have it:
 * {@code client_timeout}, the access log and configurable request limits ({@code max_header_size} reaching the
 * decoder is {@code StorageServerInitializerTest}'s and {@code AccountServerConfigTest}'s).
 */
@Timeout(60)
class AccountServerLimitsIT {
    @TempDir
    Path devices;

    private final List<String> accessLines = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            synchronized (accessLines) {
                accessLines.add(r.getMessage());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final Logger accessLogger = Logger.getLogger("io.cairn.account.access");
    private @Nullable AccountServer server;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(devices.resolve("sda"));
        accessLogger.setUseParentHandlers(false);
        accessLogger.addHandler(capture);
        AccountServerConfig config = AccountServerConfig.from(IniFile.parse(
                "[app:account-server]\nbind_ip = 127.0.0.1\nbind_port = 0\nmount_check = false\nworkers = 1\n"
                        + "devices = " + devices + "\nclient_timeout = 0.3\nmax_request_bytes = 2048\n"
                        + "max_header_size = 1024\n",
                "limits.conf"));
        AccountServer started = new AccountServer(
                config,
                HashPath.of("", "cairn-test"),
                Constraints.DEFAULTS,
                Map.of(0, "gold"),
                Transport.select(false),
                Clock.systemUTC(),
                null);
        server = started;
        started.start();
    }

    @AfterEach
    void stop() {
        AccountServer s = server;
        server = null;
        if (s != null) {
            s.close();
        }
        accessLogger.removeHandler(capture);
        accessLogger.setUseParentHandlers(true);
    }

    private Socket connect() throws Exception {
        AccountServer running = server;
        if (running == null) {
            throw new IllegalStateException("not running");
        }
        Socket s = new Socket(InetAddress.getLoopbackAddress(), running.port());
        s.setSoTimeout(20_000);
        return s;
    }

    private static String readAll(InputStream in) throws Exception {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void shouldCloseAnIdleConnectionWhenClientTimeoutRunsOut() throws Exception {
        try (Socket s = connect()) {
            long start = System.nanoTime();
            // nothing sent: the server closes (read sees end of stream) after client_timeout = 0.3 s
            assertThat(s.getInputStream().read()).isEqualTo(-1);
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(250);
        }
    }

    @Test
    void shouldAnswer413WhenABodyIsOverMaxRequestBytes() throws Exception {
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            out.write(("REPLICATE /sda/1/0123456789abcdef0123456789abcdef HTTP/1.1\r\nHost: x\r\n"
                            + "Content-Length: 4096\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[4096]);
            out.flush();
            assertThat(readAll(s.getInputStream())).startsWith("HTTP/1.1 413 ");
        }
    }

    @Test
    void shouldWriteOneAccessLogLinePerRequestWhenServing() throws Exception {
        try (Socket s = connect()) {
            s.getOutputStream()
                    .write("HEAD /sda/1/AUTH_a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            assertThat(readAll(s.getInputStream())).startsWith("HTTP/1.1 404 ");
        }
        stop(); // closing the server writes every line of the requests served
        synchronized (accessLines) {
            assertThat(accessLines)
                    .anyMatch(l -> l.startsWith("account-server ") && l.contains("\"HEAD /sda/1/AUTH_a\" 404 "));
        }
    }
}
