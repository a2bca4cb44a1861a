package io.cairn.cli;

import io.cairn.common.log.ConsoleFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** Entry point of {@code ./cairn}: dispatches to one command class per sub-command. */
public final class CairnMain {
    /**
     * Chronicle Map's INFO records ("Chronicle core loaded from ...", its version) say nothing an operator acts
     * on; its warnings still print. Held here: {@code java.util.logging} keeps loggers only weakly.
     */
    private static final Logger CHRONICLE_LOGS = Logger.getLogger("net.openhft");

    private CairnMain() {}

    public static void main(String[] args) {
        // before anything logs (SimpleFormatter reads its pattern once); an operator's own pattern wins
        if (System.getProperty(ConsoleFormat.PROPERTY) == null
                && LogManager.getLogManager().getProperty(ConsoleFormat.PROPERTY) == null) {
            System.setProperty(ConsoleFormat.PROPERTY, ConsoleFormat.ONE_LINE);
        }
        CHRONICLE_LOGS.setLevel(Level.WARNING);
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs a command and returns the process exit code; never exits itself (tests call this). */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, NodeDaemons.standard(), new ServerLauncher(out, err));
    }

    /** {@link #run} with the daemons a node may run and how long-running commands wait to be stopped. */
    static int run(
            String[] args,
            InputStream in,
            PrintStream out,
            PrintStream err,
            NodeDaemons daemons,
            ServerLauncher launcher) {
        if (args.length == 0) {
            err.println(usage());
            return ServerLauncher.EXIT_USAGE;
        }
        List<String> rest = List.of(Arrays.copyOfRange(args, 1, args.length));
        return switch (args[0]) {
            case "version" -> {
                out.println("cairn " + version());
                yield ServerLauncher.EXIT_OK;
            }
            case "ring" -> ring(rest.toArray(String[]::new), in, out, err);
            case "object-server" -> new ObjectServerCommand(out, err).run(rest, launcher);
            case "container-server" -> new ContainerServerCommand(out).run(rest, launcher);
            case "account-server" -> new AccountServerCommand(out).run(rest, launcher);
            case "proxy" -> new ProxyCommand(out, err).run(rest, launcher);
            case "node" -> new NodeCommand(out, err, daemons).run(rest, launcher);
            case "saio" -> new SaioCommand(out, err, daemons).run(rest, launcher);
            case "cloud" -> new CloudCommand(out, err, daemons).run(rest, launcher);
            case "identity-api" -> addon(AddonServiceCommand.Service.IDENTITY, rest, out, launcher);
            case "image-api" -> addon(AddonServiceCommand.Service.IMAGE, rest, out, launcher);
            case "compute-api" -> addon(AddonServiceCommand.Service.COMPUTE, rest, out, launcher);
            case "scheduler" -> addon(AddonServiceCommand.Service.SCHEDULER, rest, out, launcher);
            case "compute-agent" -> addon(AddonServiceCommand.Service.AGENT, rest, out, launcher);
            case "replicator" -> once(NodeDaemons.Kind.REPLICATOR, rest, out, err, daemons);
            case "auditor" -> once(NodeDaemons.Kind.AUDITOR, rest, out, err, daemons);
            case "updater" -> once(NodeDaemons.Kind.UPDATER, rest, out, err, daemons);
            case "expirer" -> once(NodeDaemons.Kind.EXPIRER, rest, out, err, daemons);
            case "reaper" -> once(NodeDaemons.Kind.REAPER, rest, out, err, daemons);
            case "help", "--help", "-h" -> {
                out.println(usage());
                yield ServerLauncher.EXIT_OK;
            }
            default -> {
                err.println("unknown command: " + String.join(" ", args));
                err.println(usage());
                yield ServerLauncher.EXIT_USAGE;
            }
        };
    }

    private static int addon(
            AddonServiceCommand.Service service, List<String> args, PrintStream out, ServerLauncher launcher) {
        return new AddonServiceCommand(service, out).run(args, launcher);
    }

    private static int once(
            NodeDaemons.Kind kind, List<String> args, PrintStream out, PrintStream err, NodeDaemons daemons) {
        return new OnceCommand(kind, out, err, daemons, Clock.systemUTC()).run(args);
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
                "  proxy --config FILE              run a proxy (Swift's proxy-server.conf)",
                "  node --config FILE|DIR           run one storage host: object, container and account servers",
                "                                   and their daemons (node.conf, or a dir of Swift's *-server.conf)",
                "  replicator|auditor|updater|expirer|reaper --once (--config FILE|DIR | --saio DIR)",
                "                                   run one pass of those daemons (exit 0: every pass completed)",
                "  saio [--data DIR] [--port 8080] [--bind 127.0.0.1]",
                "               run a Swift-all-in-one cluster (1 proxy, 4 storage nodes) in one JVM",
                "  cloud [--data DIR] [--port 8080] [--api-port 8081] [--database-url URL]",
                "               the saio cluster plus identity (Keystone v3) and image (Glance v2) APIs; writes",
                "               DIR/etc/openrc for the openstack and glance CLIs",
                "  identity-api --config FILE       one identity (Keystone v3) API process on a shared PostgreSQL",
                "  image-api --config FILE          one image (Glance v2) API process on a shared PostgreSQL",
                "  compute-api --config FILE        one compute (Nova v2.1) API process on a shared PostgreSQL and",
                "                                   RabbitMQ",
                "  scheduler --config FILE          the compute scheduler, consuming its queue on RabbitMQ",
                "  compute-agent --config FILE      one compute host's agent (driver fake or qemu) on RabbitMQ",
                "  version      print the version");
    }
}
