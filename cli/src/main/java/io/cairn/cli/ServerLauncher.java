package io.cairn.cli;

import io.cairn.common.concurrent.NamedThreadFactory;
import io.cairn.common.config.ConfigException;
import io.cairn.ring.policy.PolicyException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntSupplier;

/**
 * How every long-running command ({@code object-server}, {@code container-server}, {@code account-server},
 * {@code node}, {@code proxy}, {@code saio}) starts its servers, serves until it is told to stop, and maps
 * failures to exit codes — one style for all of them:
 *
 * <ul>
 *   <li>{@value #EXIT_OK}: started, then stopped cleanly (SIGTERM, Ctrl-C);
 *   <li>{@value #EXIT_USAGE}: a usage or configuration error — bad arguments, no config file, an unparsable or
 *       out-of-range value, an invalid {@code swift.conf}; nothing was started;
 *   <li>{@value #EXIT_FAILURE}: a runtime failure — a port already taken, a device that cannot be read.
 * </ul>
 *
 * <p>Thread-safety: confined to the command's thread; the {@link StopSignal} calls back from its own.
 */
final class ServerLauncher {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final StopSignal stopSignal;

    /** A launcher that serves until the JVM shuts down (SIGTERM/SIGINT run the shutdown hook). */
    ServerLauncher(PrintStream out, PrintStream err) {
        this(out, err, StopSignal.JVM_SHUTDOWN);
    }

    ServerLauncher(PrintStream out, PrintStream err, StopSignal stopSignal) {
        this.out = out;
        this.err = err;
        this.stopSignal = stopSignal;
    }

    /** A started set of servers. */
    interface Running extends AutoCloseable {
        /** The main bound port (the proxy's, or the first server's). */
        int port();

        /** Stops everything started; idempotent. */
        @Override
        void close();

        /** One server: its port and how it stops. */
        static Running of(IntSupplier port, Runnable close) {
            return new Running() {
                @Override
                public int port() {
                    return port.getAsInt();
                }

                @Override
                public void close() {
                    close.run();
                }
            };
        }
    }

    /** Starts servers; may throw {@link UsageException}, {@link ConfigException} and the like. */
    interface Starter {
        Running start() throws IOException, InterruptedException;
    }

    /** Blocks until the process is asked to stop, then runs {@code onStop} (which closes the servers). */
    interface StopSignal {
        StopSignal JVM_SHUTDOWN = (name, onStop) -> {
            CountDownLatch stopped = new CountDownLatch(1);
            Thread hook = NamedThreadFactory.single(name + "-shutdown")
                    .nonDaemon()
                    .newThread(() -> {
                        onStop.run();
                        stopped.countDown();
                    });
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                stopped.await();
            } catch (InterruptedException e) {
                if (Runtime.getRuntime().removeShutdownHook(hook)) {
                    onStop.run();
                }
                throw e;
            }
        };

        void awaitStop(String name, Runnable onStop) throws InterruptedException;
    }

    /** A bad command line or a missing config file: exit code {@value #EXIT_USAGE}. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /**
     * Starts with {@code starter}, serves until stopped and returns the exit code; every failure is printed as
     * one line {@code cairn NAME: message} on stderr.
     */
    int launch(String name, Starter starter) {
        Running running;
        try {
            running = starter.start();
        } catch (UsageException e) {
            err.println("cairn " + name + ": " + e.getMessage());
            return EXIT_USAGE;
        } catch (ConfigException | PolicyException e) {
            err.println("cairn " + name + ": " + message(e));
            return EXIT_USAGE;
        } catch (IOException | UncheckedIOException e) {
            err.println("cairn " + name + ": " + message(e));
            return EXIT_FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_FAILURE;
        } catch (RuntimeException e) {
            // a bind failure surfaces as a Netty/IllegalState exception: runtime, not configuration
            err.println("cairn " + name + ": " + message(e));
            return EXIT_FAILURE;
        }
        out.flush();
        try {
            stopSignal.awaitStop(name, () -> {
                out.println("cairn " + name + ": stopping");
                running.close();
                out.flush();
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return EXIT_OK;
    }

    static String message(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /**
     * The path named by {@code --config PATH} (or {@code --config=PATH}), the only argument accepted; it must
     * exist (a file, or a directory when {@code directoryAllowed}).
     */
    static Path configPath(List<String> args, String usage, boolean directoryAllowed) {
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
        if (!Files.isRegularFile(file) && !(directoryAllowed && Files.isDirectory(file))) {
            throw new UsageException("no config file at " + file);
        }
        return file;
    }

    /** {@link #configPath} for commands that take one file. */
    static Path configFile(List<String> args, String usage) {
        return configPath(args, usage, false);
    }

    /** Prints start-up warnings for keys nobody reads (probable typos), one line each. */
    static void warnUnknown(PrintStream out, String name, String where, List<String> unknownKeys) {
        if (!unknownKeys.isEmpty()) {
            out.println("cairn " + name + ": WARNING unknown keys in " + where + " (ignored): "
                    + String.join(", ", unknownKeys));
        }
    }
}
