package io.cairn.account.db;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link AccountBroker} per DB file per process, so each DB has one long-lived connection and one
 * monitor serialising its work. Brokers for temporary files (rsync arrivals) are not cached.
 *
 * <p>Thread-safe.
 */
public final class AccountBrokers implements AutoCloseable {
    private final ConcurrentHashMap<Path, AccountBroker> brokers = new ConcurrentHashMap<>();
    private final Clock clock;

    public AccountBrokers(Clock clock) {
        this.clock = clock;
    }

    /** The broker of {@code dbFile} for {@code account} (the name matters only when creating it). */
    public AccountBroker get(Path dbFile, String account) {
        AccountBroker b = brokers.computeIfAbsent(dbFile.toAbsolutePath(), p -> new AccountBroker(p, account, clock));
        if (b.account().isEmpty() && !account.isEmpty()) {
            // first opened by replication, which does not know the name; creation needs it
            AccountBroker named = new AccountBroker(b.dbFile(), account, clock);
            if (brokers.replace(b.dbFile(), b, named)) {
                b.close();
            }
            return brokers.getOrDefault(b.dbFile(), named);
        }
        return b;
    }

    /** The broker for a DB file whose account is unknown (replication); temp files get a fresh one. */
    public AccountBroker forReplication(Path dbFile) {
        if (!dbFile.getFileName().toString().endsWith(".db")) {
            return new AccountBroker(dbFile, "", clock);
        }
        return get(dbFile, "");
    }

    @Override
    public void close() {
        brokers.values().forEach(AccountBroker::close);
        brokers.clear();
    }
}
