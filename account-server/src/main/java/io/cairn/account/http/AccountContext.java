package io.cairn.account.http;

import io.cairn.account.commit.ContainerReportCommitter;
import io.cairn.account.db.AccountBroker;
import io.cairn.account.db.AccountBrokers;
import io.cairn.common.db.DbPaths;
import io.cairn.common.db.ReplicatorRpc;
import io.cairn.common.io.DeviceRoot;
import io.cairn.common.path.Constraints;
import io.cairn.common.path.HashPath;
import java.time.Clock;
import java.util.Map;

/**
 * What every account operation works with: the devices, the brokers, the group-commit ring, swift.conf's hash path,
 * constraints and policy names, and the clock.
 *
 * <p>Thread-safe: immutable; its collaborators are thread-safe.
 */
public final class AccountContext {
    private final DeviceRoot root;
    private final HashPath hashPath;
    private final AccountBrokers brokers;
    private final ContainerReportCommitter committer;
    private final Constraints constraints;
    private final Map<Integer, String> policyNames;
    private final Clock clock;
    private final ReplicatorRpc<AccountBroker> rpc;

    /** The collaborators; {@code policyNames} maps policy index to name for per-policy headers. */
    public AccountContext(
            DeviceRoot root,
            HashPath hashPath,
            AccountBrokers brokers,
            ContainerReportCommitter committer,
            Constraints constraints,
            Map<Integer, String> policyNames,
            Clock clock) {
        this.root = root;
        this.hashPath = hashPath;
        this.brokers = brokers;
        this.committer = committer;
        this.constraints = constraints;
        this.policyNames = Map.copyOf(policyNames);
        this.clock = clock;
        this.rpc = new ReplicatorRpc<>(root, DbPaths.ACCOUNTS, brokers::forReplication, clock);
    }

    DeviceRoot root() {
        return root;
    }

    HashPath hashPath() {
        return hashPath;
    }

    AccountBrokers brokers() {
        return brokers;
    }

    ContainerReportCommitter committer() {
        return committer;
    }

    Constraints constraints() {
        return constraints;
    }

    Map<Integer, String> policyNames() {
        return policyNames;
    }

    Clock clock() {
        return clock;
    }

    /** The DB REPLICATE verbs over the account DBs. */
    ReplicatorRpc<AccountBroker> rpc() {
        return rpc;
    }
}
