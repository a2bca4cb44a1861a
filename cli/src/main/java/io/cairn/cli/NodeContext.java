package io.cairn.cli;

import io.cairn.common.config.SwiftConf;
import io.cairn.common.daemon.ReconRegistry;
import io.cairn.common.http.Transport;
import io.cairn.object.diskfile.DiskFileConfig;
import io.cairn.object.diskfile.DiskFileManager;
import io.cairn.ring.policy.StoragePolicies;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a storage node gives its daemons: where the devices are, the cluster's {@code swift.conf} and rings,
 * this node's own addresses (so a replicator knows which ring devices are local), the clock, the recon
 * registry and a transport for backend connections.
 *
 * <p>Immutable (the components it names are thread-safe).
 *
 * @param devices {@code devices} of the node ({@code [DEFAULT]} of node.conf, or object-server.conf's)
 * @param mountCheck {@code mount_check}
 * @param swiftDir {@code swift_dir}
 * @param swiftConf the cluster's {@code swift.conf}
 * @param policies its storage policies
 * @param rings account, container and per-policy object rings, loaded on first use
 * @param local this node's address per server type: the bound ports when the servers run in this JVM, the
 *     configured {@code bind_ip}/{@code bind_port} otherwise
 * @param clock time for passes and reclaim ages
 * @param recon where passes and gauges are reported
 * @param diskFiles the object server's storage when it runs in this JVM ({@code cairn node}, {@code cairn
 *     saio}); null for the {@code --once} commands, whose daemons open the devices themselves
 * @param diskFileConfig reclaim age and layout settings of the object storage ({@code [object-server]})
 * @param transport epoll or NIO, for backend clients
 */
record NodeContext(
        Path devices,
        boolean mountCheck,
        Path swiftDir,
        SwiftConf swiftConf,
        StoragePolicies policies,
        NodeRings rings,
        Map<ServerType, HostPort> local,
        Clock clock,
        ReconRegistry recon,
        @Nullable DiskFileManager diskFiles,
        DiskFileConfig diskFileConfig,
        Transport transport) {

    NodeContext {
        local = Map.copyOf(local);
    }

    /** An address a server listens on. */
    record HostPort(String ip, int port) {
        @Override
        public String toString() {
            return ip + ":" + port;
        }
    }

    /** This node's address for {@code type}. */
    HostPort local(ServerType type) {
        HostPort hp = local.get(type);
        if (hp == null) {
            throw new IllegalStateException("no local " + type.serverName() + " address");
        }
        return hp;
    }
}
