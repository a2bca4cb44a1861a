package io.cairn.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * What {@code ./cairn container-server} and {@code ./cairn account-server} share: the
 * {@code --config FILE} argument, and serving until the JVM is told to stop (SIGTERM/SIGINT run the
 * shutdown hook, which closes the server).
 *
 * <p>Stateless; thread-safe.
 */
final class ServerLauncher {
    private ServerLauncher() {}

    /** A started server. */
    interface Running extends AutoCloseable {
        /** The bound port. */
        int port();

        @Override
        void close();
    }

    /** A bad command line. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** The file named by {@code --config FILE} (or {@code --config=FILE}); it must exist. */
    static Path configFile(List<String> args, String usage) {
        Path file = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--config") && i + 1 < args.size()) {
                file = Path.of(args.get(++i));
            } else if (a.startsWith("--config=")) {
                file = Path.of(a.substring("--config=".length()));
            } else {
                throw new UsageException("unexpected argument '" + a + "'\n" + usage);
            }
        }
        if (file == null) {
            throw new UsageException("--config FILE is required\n" + usage);
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no config file at " + file);
        }
        return file;
    }

    /** Blocks until the JVM shuts down; the shutdown hook closes {@code server}. */
    static void serveUntilStopped(Running server, String name, PrintStream out) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            out.println(name + ": stopping");
                            server.close();
                            stopped.countDown();
                        },
                        name + "-shutdown"));
        stopped.await();
    }
}
