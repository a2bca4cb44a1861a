package io.cairn.cli;

import io.cairn.auditor.db.DbAuditor;
import io.cairn.auditor.db.DbAuditorConfig;
import io.cairn.auditor.object.ObjectAuditor;
import io.cairn.auditor.object.ObjectAuditorConfig;
import io.cairn.common.concurrent.Sleeper;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.daemon.Daemon;
import io.cairn.common.daemon.PassReport;
import io.cairn.common.http.BackendClient;
import io.cairn.common.io.DeviceRoot;
import io.cairn.object.diskfile.DiskFileManager;
import io.cairn.object.diskfile.LocalDiskFileManager;
import io.cairn.object.update.ObjectUpdater;
import io.cairn.object.update.ObjectUpdaterConfig;
import io.cairn.replicator.db.DbKind;
import io.cairn.replicator.db.DbReplicator;
import io.cairn.replicator.db.DbReplicatorConfig;
import io.cairn.replicator.object.LocalNode;
import io.cairn.replicator.object.ObjectReplicator;
import io.cairn.replicator.object.ObjectReplicatorConfig;
import io.cairn.replicator.object.ReplicateClient;
import io.cairn.replicator.object.SsyncSuffixSyncer;
import io.cairn.replicator.ssync.SsyncSender;
import io.cairn.replicator.ssync.SsyncTimeouts;
import io.cairn.ring.Ring;
import io.cairn.ring.policy.StoragePolicy;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The daemons of this build, one factory per Swift section: how each is assembled from a {@link NodeContext}
 * and its config section. Daemons that own resources (clients, event loops, a storage handle opened for a
 * {@code --once} run) come back {@link AutoCloseable}; their owner closes them after the scheduler stops.
 *
 * <p>Stateless.
 */
final class StandardDaemons {
    private static final int MAX_REPLICATE_RESPONSE_BYTES = 16 << 20;

    private StandardDaemons() {}

    /** Registers every daemon of this build into {@code daemons}; returns it. */
    static NodeDaemons registerAll(NodeDaemons daemons) {
        return daemons.register(NodeDaemons.Section.OBJECT_REPLICATOR, StandardDaemons::objectReplicator)
                .register(NodeDaemons.Section.OBJECT_AUDITOR, StandardDaemons::objectAuditor)
                .register(NodeDaemons.Section.OBJECT_UPDATER, StandardDaemons::objectUpdater)
                .register(NodeDaemons.Section.OBJECT_EXPIRER, CleanupDaemons::objectExpirer)
                .register(NodeDaemons.Section.CONTAINER_UPDATER, CleanupDaemons::containerUpdater)
                .register(NodeDaemons.Section.ACCOUNT_REAPER, CleanupDaemons::accountReaper)
                .register(
                        NodeDaemons.Section.CONTAINER_REPLICATOR,
                        (ctx, section) -> dbReplicator(ctx, section, ServerType.CONTAINER))
                .register(
                        NodeDaemons.Section.ACCOUNT_REPLICATOR,
                        (ctx, section) -> dbReplicator(ctx, section, ServerType.ACCOUNT))
                .register(
                        NodeDaemons.Section.CONTAINER_AUDITOR,
                        (ctx, section) -> dbAuditor(ctx, section, DbAuditor.Kind.CONTAINER))
                .register(
                        NodeDaemons.Section.ACCOUNT_AUDITOR,
                        (ctx, section) -> dbAuditor(ctx, section, DbAuditor.Kind.ACCOUNT));
    }

    private static Daemon objectReplicator(NodeContext ctx, ConfigSection section) {
        ObjectReplicatorConfig config = ObjectReplicatorConfig.from(section);
        Resources resources = new Resources();
        try {
            LocalDiskFileManager files = localDiskFiles(ctx, resources);
            EventLoopGroup group = ctx.transport().newEventLoopGroup(1, "object-replicator-client");
            resources.add(
                    () -> group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS));
            BackendClient client =
                    new BackendClient(ctx.transport(), group, MAX_REPLICATE_RESPONSE_BYTES, config.connTimeout());
            resources.add(client);
            SsyncSender sender = new SsyncSender(
                    files,
                    new SsyncTimeouts(config.connTimeout(), config.nodeTimeout(), config.httpTimeout()),
                    ctx.clock());
            NodeContext.HostPort local = ctx.local(ServerType.OBJECT);
            ObjectReplicator replicator = ObjectReplicator.builder()
                    .localNode(new LocalNode(localIps(local.ip()), local.port()))
                    .deviceRoot(new DeviceRoot(ctx.devices(), ctx.mountCheck()))
                    .policies(ctx.policies())
                    .rings(() -> objectRings(ctx))
                    .diskFiles(files)
                    .replicateClient(new ReplicateClient(client, config.httpTimeout()))
                    .syncer(new SsyncSuffixSyncer(sender))
                    .config(config)
                    .clock(ctx.clock())
                    .build();
            return resources.wrap(replicator);
        } catch (RuntimeException e) {
            resources.close();
            throw e;
        }
    }

    /** ZBF and ALL passes as one schedule: the ZBF pass first (cheap), each reported under its own name. */
    private static Daemon objectAuditor(NodeContext ctx, ConfigSection section) {
        ObjectAuditorConfig config = ObjectAuditorConfig.from(section);
        Resources resources = new Resources();
        try {
            LocalDiskFileManager files = localDiskFiles(ctx, resources);
            DeviceRoot root = new DeviceRoot(ctx.devices(), ctx.mountCheck());
            ObjectAuditor zbf =
                    new ObjectAuditor(ObjectAuditor.Mode.ZBF, config, files, root, ctx.clock(), Sleeper.system());
            ObjectAuditor all =
                    new ObjectAuditor(ObjectAuditor.Mode.ALL, config, files, root, ctx.clock(), Sleeper.system());
            Daemon both = new Daemon() {
                @Override
                public String name() {
                    return all.name();
                }

                @Override
                public PassReport runOnce() throws InterruptedException {
                    ctx.recon().passStarted(zbf.name(), ctx.clock().instant());
                    PassReport zbfReport = zbf.runOnce();
                    ctx.recon().passFinished(zbfReport);
                    PassReport allReport = all.runOnce();
                    if (zbfReport.completed()) {
                        return allReport;
                    }
                    List<String> errors = new ArrayList<>(zbfReport.errors());
                    errors.addAll(allReport.errors());
                    return new PassReport(
                            allReport.daemon(),
                            allReport.start(),
                            allReport.end(),
                            allReport.counters(),
                            false,
                            errors);
                }
            };
            return resources.wrap(both);
        } catch (RuntimeException e) {
            resources.close();
            throw e;
        }
    }

    private static Daemon objectUpdater(NodeContext ctx, ConfigSection section) {
        ObjectUpdater updater = new ObjectUpdater(
                ObjectUpdaterConfig.from(section),
                () -> ctx.rings().container(),
                ctx.swiftConf().hashPath(),
                ctx.transport(),
                ctx.clock());
        updater.publishTo(ctx.recon());
        return updater;
    }

    private static Daemon dbReplicator(NodeContext ctx, ConfigSection section, ServerType type) {
        NodeContext.HostPort local = ctx.local(type);
        Set<DbReplicator.Endpoint> endpoints = new HashSet<>();
        for (String ip : localIps(local.ip())) {
            endpoints.add(new DbReplicator.Endpoint(ip, local.port()));
        }
        DbKind kind = type == ServerType.CONTAINER
                ? DbKind.container(ctx.policies().all().size())
                : DbKind.account();
        return new DbReplicator(
                kind,
                DbReplicatorConfig.from(section),
                new DeviceRoot(ctx.devices(), ctx.mountCheck()),
                () -> ctx.rings().ring(type),
                ctx.swiftConf().hashPath(),
                endpoints,
                ctx.clock());
    }

    private static Daemon dbAuditor(NodeContext ctx, ConfigSection section, DbAuditor.Kind kind) {
        return new DbAuditor(
                DbAuditorConfig.from(kind, section),
                new DeviceRoot(ctx.devices(), ctx.mountCheck()),
                ctx.clock(),
                Sleeper.system());
    }

    /**
     * The object server's storage when it runs in this JVM; otherwise ({@code --once}) the devices opened
     * here, closed with the daemon.
     */
    private static LocalDiskFileManager localDiskFiles(NodeContext ctx, Resources resources) {
        DiskFileManager running = ctx.diskFiles();
        if (running instanceof LocalDiskFileManager local) {
            return local;
        }
        LocalDiskFileManager opened = new LocalDiskFileManager(
                new DeviceRoot(ctx.devices(), ctx.mountCheck()),
                ctx.swiftConf().hashPath(),
                ctx.diskFileConfig(),
                ctx.clock());
        resources.add(opened);
        try {
            opened.openSuffixHashStores();
        } catch (IOException e) {
            throw new UncheckedIOException("opening the suffix hash stores of " + ctx.devices(), e);
        }
        return opened;
    }

    private static Map<Integer, Ring> objectRings(NodeContext ctx) {
        Map<Integer, Ring> rings = new HashMap<>();
        for (StoragePolicy policy : ctx.policies().all()) {
            Ring ring = ctx.rings().object(policy.index());
            if (ring != null) {
                rings.put(policy.index(), ring);
            }
        }
        return rings;
    }

    /**
     * The addresses that are "me" for a server bound to {@code bindIp}: that address, or every address of
     * every interface for a wildcard bind, as Swift's {@code whataremyips}.
     */
    static Set<String> localIps(String bindIp) {
        if (!bindIp.equals("0.0.0.0") && !bindIp.equals("::") && !bindIp.isEmpty()) {
            return Set.of(bindIp);
        }
        Set<String> ips = new HashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    String ip = address.getHostAddress();
                    int zone = ip.indexOf('%');
                    ips.add(zone >= 0 ? ip.substring(0, zone) : ip);
                }
            }
        } catch (SocketException e) {
            throw new UncheckedIOException("listing this host's addresses", e);
        }
        return ips;
    }

    /** What a daemon owns besides itself, closed newest first. */
    private static final class Resources {
        private final List<AutoCloseable> owned = new ArrayList<>();

        void add(AutoCloseable resource) {
            owned.add(resource);
        }

        void close() {
            for (int i = owned.size() - 1; i >= 0; i--) {
                try {
                    owned.get(i).close();
                } catch (Exception e) {
                    System.getLogger(StandardDaemons.class.getName())
                            .log(System.Logger.Level.WARNING, "closing a daemon resource failed", e);
                }
            }
            owned.clear();
        }

        /** {@code daemon}, closing these resources when it is closed. */
        Daemon wrap(Daemon daemon) {
            return new ClosingDaemon(daemon, this);
        }
    }

    /** A daemon with the resources it was built on. */
    private static final class ClosingDaemon implements Daemon, AutoCloseable {
        private final Daemon daemon;
        private final Resources resources;

        ClosingDaemon(Daemon daemon, Resources resources) {
            this.daemon = daemon;
            this.resources = resources;
        }

        @Override
        public String name() {
            return daemon.name();
        }

        @Override
        public PassReport runOnce() throws InterruptedException {
            return daemon.runOnce();
        }

        @Override
        public void close() {
            resources.close();
        }
    }
}
