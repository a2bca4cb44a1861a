package io.cairn.account.server;

import io.cairn.account.commit.ContainerReportCommitter;
import io.cairn.account.db.AccountBrokers;
import io.cairn.account.http.AccountContext;
import io.cairn.account.http.AccountRequestHandler;
import io.cairn.common.daemon.ReconRegistry;
import io.cairn.common.http.Transport;
import io.cairn.common.io.DeviceRoot;
import io.cairn.common.path.Constraints;
import io.cairn.common.path.HashPath;
import io.cairn.common.server.StorageServer;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Cairn's account server. Built on the storage-server scaffold ({@link StorageServer}: event loops, device
 * executors, access log, {@code client_timeout}, recon, graceful stop), it supplies the broker cache, the
 * group-commit ring, the request handler and its own pipeline stages ({@link AccountServerStages}). {@link
 * #start} binds, {@link #close} stops everything.
 *
 * <p>Thread-safety: start and close from the owner thread; {@link #port} after start.
 */
public final class AccountServer implements AutoCloseable {
    private final AccountServerConfig config;
    private final StorageServer server;
    private final ContainerReportCommitter committer;
    private final AccountRequestHandler handler;
    private final DeviceRoot root;

    /**
     * A server on the native transport where there is one, serving no recon (tools, tests).
     *
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
        this(config, hashPath, constraints, policyNames, Transport.select(true), clock, null);
    }

    /**
     * As above, on {@code transport}, also serving {@code /recon/*} from {@code recon} (null: no recon).
     *
     * @param policyNames storage policy index → name ({@code StoragePolicies.namesByIndex()})
     */
    public AccountServer(
            AccountServerConfig config,
            HashPath hashPath,
            Constraints constraints,
            Map<Integer, String> policyNames,
            Transport transport,
            Clock clock,
            @Nullable ReconRegistry recon) {
        this.config = config;
        this.server = new StorageServer(config.serverSettings(), transport, recon);
        this.committer = server.closeBeforeExecutors(new ContainerReportCommitter(
                server.executors(),
                config.groupCommitRingSize(),
                config.groupCommitMaxBatch(),
                config.pendingFoldDelay()));
        AccountBrokers brokers = server.closeAfterExecutors(new AccountBrokers(clock));
        this.root = new DeviceRoot(config.devices(), config.mountCheck());
        AccountContext context =
                new AccountContext(root, hashPath, brokers, committer, constraints, policyNames, clock);
        this.handler = new AccountRequestHandler(context, server.executors(), constraints.accountListingLimit());
    }

    /** Binds {@code bind_ip:bind_port}; reports unknown config keys. */
    public void start() throws InterruptedException {
        server.start(true, new AccountServerStages(handler, root, server.executors(), config.maxRequestBytes()));
    }

    /** The bound port. */
    public int port() {
        return server.port();
    }

    /** The container-report writer (its counters show the batching and the folds at work). */
    public ContainerReportCommitter committer() {
        return committer;
    }

    /** Stops accepting, drains the group-commit ring, stops the device executors, then closes the DBs. */
    @Override
    public void close() {
        server.close();
    }
}
