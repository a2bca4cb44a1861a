package io.cairn.account.server;

import io.cairn.account.commit.ContainerReportCommitter;
import io.cairn.account.db.AccountBrokers;
import io.cairn.account.http.AccountOperations;
import io.cairn.account.http.AccountRequestHandler;
import io.cairn.common.concurrent.NamedThreadFactory;
import io.cairn.common.daemon.ReconDocuments;
import io.cairn.common.daemon.ReconRegistry;
import io.cairn.common.http.HttpServerHost;
import io.cairn.common.http.Transport;
import io.cairn.common.io.DeviceExecutors;
import io.cairn.common.io.DeviceRoot;
import io.cairn.common.path.Constraints;
import io.cairn.common.path.HashPath;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * Cairn's account server: owns the device executors, the broker cache, the group-commit ring and the
 * listening socket. {@link #start} binds, {@link #close} stops everything.
 *
 * <p>Thread-safety: start and close from the owner thread; {@link #port} after start.
 */
public final class AccountServer implements AutoCloseable {
    private final AccountServerConfig config;
    private final DeviceExecutors executors;
    private final AccountBrokers brokers;
    private final ContainerReportCommitter committer;
    private final HttpServerHost host;
    private final AccountRequestHandler handler;
    private final DeviceRoot root;
    private final @Nullable ReconDocuments recon;
    private final @Nullable ExecutorService reconExecutor;

    /**
     * @param config settings
     * @param hashPath the cluster's hash path prefix/suffix (from swift.conf)
     * @param constraints the cluster's limits (from swift.conf)
     * @param policyNames storage policy index → name, for per-policy headers
     * @param clock time source
     */
    public AccountServer(
            AccountServerConfig config,
            HashPath hashPath,
            Constraints constraints,
            Map<Integer, String> policyNames,
            Clock clock) {
        this(config, hashPath, constraints, policyNames, clock, null);
    }

    /** As above, also serving {@code /recon/*} from {@code recon} (null: no recon). */
    public AccountServer(
            AccountServerConfig config,
            HashPath hashPath,
            Constraints constraints,
            Map<Integer, String> policyNames,
            Clock clock,
            @Nullable ReconRegistry recon) {
        this.config = config;
        this.recon = recon == null ? null : new ReconDocuments(recon, config.devices());
        this.reconExecutor = recon == null
                ? null
                : Executors.newSingleThreadExecutor(NamedThreadFactory.single("account-server-recon"));
        this.executors = new DeviceExecutors(config.deviceThreads(), config.deviceQueue(), "account");
        this.brokers = new AccountBrokers(clock);
        this.committer = new ContainerReportCommitter(
                executors, config.groupCommitRingSize(), config.groupCommitMaxBatch(), config.pendingFoldDelay());
        this.root = new DeviceRoot(config.devices(), config.mountCheck());
        AccountOperations ops =
                new AccountOperations(root, hashPath, brokers, committer, constraints, policyNames, clock);
        this.handler = new AccountRequestHandler(ops, executors, constraints.accountListingLimit());
        this.host = HttpServerHost.withOwnGroups(Transport.select(true), config.workers(), "account");
    }

    /** Binds {@code bind_ip:bind_port}. */
    public void start() throws InterruptedException {
        host.start(
                config.bindIp(),
                config.bindPort(),
                new AccountServerInitializer(handler, root, executors, recon, reconExecutor));
    }

    /** The bound port. */
    public int port() {
        return host.port();
    }

    /** The container-report writer (its counters show the batching and the folds at work). */
    public ContainerReportCommitter committer() {
        return committer;
    }

    @Override
    public void close() {
        host.close();
        committer.close();
        executors.close();
        brokers.close();
        if (reconExecutor != null) {
            reconExecutor.shutdownNow();
        }
    }
}
