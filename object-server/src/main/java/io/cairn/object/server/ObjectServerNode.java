package io.cairn.object.server;

import io.cairn.common.config.SwiftConf;
import io.cairn.common.daemon.ReconRegistry;
import io.cairn.common.http.Transport;
import io.cairn.common.io.DeviceRoot;
import io.cairn.object.diskfile.DiskFileManager;
import io.cairn.object.diskfile.LocalDiskFileManager;
import io.cairn.ring.policy.StoragePolicies;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * One object server as {@code swift-object-server} runs it: the real {@link LocalDiskFileManager} over
 * {@code devices}, leftover temp files removed, storage policies and constraints from {@code
 * swift_dir/swift.conf}, and the {@link ObjectServer} on top. The one place where configuration becomes a
 * running node ({@code cairn object-server}, integration tests).
 *
 * <p>Thread-safety: {@link #close} is called once by the owner thread; the rest is safe after {@link
 * #start}.
 */
public final class ObjectServerNode implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ObjectServerNode.class.getName());

    private final DiskFileManager diskFiles;
    private final ObjectServer server;

    private ObjectServerNode(DiskFileManager diskFiles, ObjectServer server) {
        this.diskFiles = diskFiles;
        this.server = server;
    }

    /**
     * Builds the node and binds its port.
     *
     * @param swiftConf {@code swift.conf} (hash path prefix/suffix, constraints, storage policies)
     * @throws io.cairn.ring.policy.PolicyException if swift.conf's policies are invalid
     * @throws IOException if removing leftover temp files fails
     */
    public static ObjectServerNode start(
            ObjectServerConfig config, SwiftConf swiftConf, Transport transport, Clock clock)
            throws IOException, InterruptedException {
        return start(config, swiftConf, transport, clock, null);
    }

    /**
     * Builds the node, serving {@code /recon/*} from {@code recon}, and binds its port.
     *
     * @param recon the node's recon registry (daemons report there), or null to serve no recon
     * @see #start(ObjectServerConfig, SwiftConf, Transport, Clock)
     */
    public static ObjectServerNode start(
            ObjectServerConfig config,
            SwiftConf swiftConf,
            Transport transport,
            Clock clock,
            @Nullable ReconRegistry recon)
            throws IOException, InterruptedException {
        StoragePolicies policies = StoragePolicies.fromSwiftConf(swiftConf.ini());
        LocalDiskFileManager diskFiles = new LocalDiskFileManager(
                new DeviceRoot(config.devices(), config.mountCheck()),
                swiftConf.hashPath(),
                config.diskFileConfig(),
                clock);
        ObjectServer server = null;
        try {
            int removed = diskFiles.cleanupTempFiles();
            if (removed > 0) {
                LOG.log(Level.INFO, "object-server: removed " + removed + " leftover temp files");
            }
            diskFiles.openSuffixHashStores();
            server = new ObjectServer(config, diskFiles, transport, policies, swiftConf.constraints(), clock, recon);
            server.start();
            return new ObjectServerNode(diskFiles, server);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (server != null) {
                server.close();
            }
            diskFiles.close();
            throw e;
        }
    }

    /** The bound port. */
    public int port() {
        return server.port();
    }

    /** The HTTP server (its collaborators, for tests). */
    public ObjectServer server() {
        return server;
    }

    /** Stops the server, then closes the storage. */
    @Override
    public void close() {
        server.close();
        diskFiles.close();
    }
}
