package io.cairn.cli;

import io.cairn.common.config.IniFile;
import io.cairn.proxy.server.ProxyConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Cairn started in this JVM for tests outside {@code io.cairn.cli} (the conformance harness): a {@code cairn saio}
 * cluster on a directory, or one {@code cairn proxy} from a {@code proxy-server.conf}, each as a handle with its
 * port and a close.
 *
 * <p>Thread-safety: one owner starts and closes each handle.
 */
public final class InProcessCairn implements AutoCloseable {
    /** The SAIO's tempauth users as {account, user, key, groups}, as {@code cairn saio} configures them. */
    public static final List<List<String>> SAIO_USERS =
            SaioCluster.USERS.stream().map(List::of).toList();

    private final ServerLauncher.Running running;
    private final Path swiftDir;

    private InProcessCairn(ServerLauncher.Running running, Path swiftDir) {
        this.running = running;
        this.swiftDir = swiftDir;
    }

    /**
     * A {@code cairn saio} cluster (1 proxy, 4 storage nodes, 3 replicas, no daemons) on {@code data}, its proxy
     * on a free loopback port, with extra settings by config section name for the storage servers ({@code
     * app:object-server}, ...), as {@link SaioCluster#start(Path, java.util.function.Consumer, Map, Map,
     * NodeDaemons, Map)} takes them.
     */
    public static InProcessCairn saio(Path data, Map<String, Map<String, String>> serverSettings)
            throws IOException, InterruptedException {
        SaioCluster cluster =
                SaioCluster.start(data, line -> {}, Map.of(), Map.of(), NodeDaemons.none(), serverSettings);
        return new InProcessCairn(ServerLauncher.Running.of(cluster::proxyPort, cluster::close), cluster.etc());
    }

    /**
     * One proxy as {@code cairn proxy --config conf} starts it ({@code swift_dir}, rings and {@code swift.conf}
     * as the file says); the access log and the start-up lines are dropped.
     */
    public static InProcessCairn proxy(Path conf) throws IOException, InterruptedException {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        IniFile ini = IniFile.load(conf);
        ServerLauncher.Running running = new ProxyCommand(quiet, quiet).start(ini, line -> {});
        return new InProcessCairn(running, ProxyConfig.fromIni(ini).swiftDir());
    }

    /** The proxy's port. */
    public int port() {
        return running.port();
    }

    /** The directory of {@code swift.conf} and the rings. */
    public Path swiftDir() {
        return swiftDir;
    }

    @Override
    public void close() {
        running.close();
    }
}
