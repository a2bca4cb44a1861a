package io.cairn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/** Entry point of {@code ./cairn}: dispatches to one command class per sub-command. */
public final class CairnMain {
    private CairnMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs a command and returns the process exit code; never exits itself (tests call this). */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(usage());
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "version" -> {
                out.println("cairn " + version());
                yield 0;
            }
            case "ring" -> ring(rest, in, out, err);
            case "object-server" -> new ObjectServerCommand(out, err).run(List.of(rest));
            case "container-server" ->
                server("container-server", () -> new ContainerServerCommand(out).run(List.of(rest)), err);
            case "account-server" ->
                server("account-server", () -> new AccountServerCommand(out).run(List.of(rest)), err);
            case "saio" -> new SaioCommand(out, err).run(List.of(rest));
            case "help", "--help", "-h" -> {
                out.println(usage());
                yield 0;
            }
            default -> {
                err.println("unknown command: " + args[0] + " " + String.join(" ", rest));
                err.println(usage());
                yield 2;
            }
        };
    }

    private static int ring(String[] args, InputStream in, PrintStream out, PrintStream err) {
        try {
            return new RingCommand(out, in, Clock.systemUTC()).run(List.of(args));
        } catch (RingCommand.UsageException e) {
            err.println("cairn ring: " + e.getMessage());
            err.println(RingCommand.USAGE);
            return 2;
        } catch (RingCommand.CommandException e) {
            err.println("cairn ring: " + e.getMessage());
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println("cairn ring: " + e);
            return 1;
        }
    }

    /** One storage server run in the foreground until SIGTERM. */
    private interface ServerRun {
        int run() throws InterruptedException;
    }

    private static int server(String name, ServerRun server, PrintStream err) {
        try {
            return server.run();
        } catch (ServerLauncher.UsageException e) {
            err.println("cairn " + name + ": " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            // ConfigException, PolicyException, UncheckedIOException: a message the operator can act on
            err.println("cairn " + name + ": " + e.getMessage());
            return 1;
        }
    }

    static String version() {
        String v = CairnMain.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static String usage() {
        return String.join(
                "\n",
                "usage: cairn <command> [args]",
                "  ring ...     build and inspect rings (like swift-ring-builder)",
                "  object-server --config FILE      run an object server (Swift's object-server.conf)",
                "  container-server --config FILE   run a container server (Swift's container-server.conf)",
                "  account-server --config FILE     run an account server (Swift's account-server.conf)",
                "  saio [--data DIR] [--port 8080] [--bind 127.0.0.1]",
                "               run a Swift-all-in-one cluster (1 proxy, 4 storage nodes) in one JVM",
                "  version      print the version");
    }
}
