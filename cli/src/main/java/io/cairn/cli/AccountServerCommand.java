package io.cairn.cli;

import io.cairn.account.server.AccountServer;
import io.cairn.account.server.AccountServerConfig;
import io.cairn.common.config.IniFile;
import io.cairn.common.config.SwiftConf;
import io.cairn.ring.policy.StoragePolicies;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * {@code ./cairn account-server --config FILE}: runs Swift's account server alone from an
 * {@code account-server.conf}; {@code swift.conf} (in its {@code swift_dir}) gives the hash path salt, the
 * constraints and the storage policy names the per-policy stats headers carry. Prints where it listens
 * and serves until SIGTERM.
 *
 * <p>Not thread-safe; one per invocation.
 */
public final class AccountServerCommand {
    static final String USAGE = "usage: cairn account-server --config FILE";

    private final PrintStream out;

    public AccountServerCommand(PrintStream out) {
        this.out = out;
    }

    /** Starts the server from {@code args} and prints its address; the caller closes it. */
    ServerLauncher.Running start(List<String> args) throws InterruptedException {
        Path file = ServerLauncher.configFile(args, USAGE);
        AccountServerConfig config = AccountServerConfig.from(IniFile.load(file));
        ServerLauncher.warnUnknown(out, "account-server", file.toString(), config.unknownKeys());
        SwiftConf swiftConf = SwiftConf.load(config.swiftDir());
        AccountServer server = new AccountServer(
                config,
                swiftConf.hashPath(),
                swiftConf.constraints(),
                StoragePolicies.fromSwiftConf(swiftConf.ini()).namesByIndex(),
                Clock.systemUTC());
        try {
            server.start();
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        out.println("account-server listening on " + config.bindIp() + ":" + server.port() + " (config " + file
                + ", devices " + config.devices() + ")");
        return ServerLauncher.Running.of(server::port, server::close);
    }

    /** Starts and serves until {@code launcher} is told to stop; returns the exit code. */
    int run(List<String> args, ServerLauncher launcher) {
        return launcher.launch("account-server", () -> start(args));
    }
}
