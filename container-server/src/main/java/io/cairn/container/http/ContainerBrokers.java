package io.cairn.container.http;

import io.cairn.common.db.DbPaths;
import io.cairn.container.db.ContainerBroker;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link ContainerBroker} per DB file for the whole process, so that all work on a DB serialises on
 * one broker and the group-commit writer keys its single writer by broker. Brokers keep their SQLite
 * connection open; beyond {@code maxOpen} DBs one idle broker is closed (it reopens its connection
 * lazily if still referenced).
 *
 * <p>Thread-safe (concurrent map).
 */
public final class ContainerBrokers implements AutoCloseable {
    private final Map<Path, ContainerBroker> brokers = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxOpen;

    public ContainerBrokers(Clock clock, int maxOpen) {
        this.clock = clock;
        this.maxOpen = maxOpen;
    }

    /** The broker of {@code <devicePath>/containers/<part>/<suffix>/<hash>/<hash>.db}. */
    public ContainerBroker broker(Path devicePath, String partition, String hash, String account, String container) {
        Path db = DbPaths.dbFile(devicePath, DbPaths.CONTAINERS, partition, hash);
        ContainerBroker b = brokers.get(db);
        if (b != null) {
            return b;
        }
        if (brokers.size() >= maxOpen) {
            evictOne();
        }
        return brokers.computeIfAbsent(db, p -> new ContainerBroker(p, account, container, clock));
    }

    private void evictOne() {
        Iterator<Map.Entry<Path, ContainerBroker>> it = brokers.entrySet().iterator();
        if (it.hasNext()) {
            Map.Entry<Path, ContainerBroker> e = it.next();
            it.remove();
            e.getValue().close();
        }
    }

    @Override
    public void close() {
        for (ContainerBroker b : brokers.values()) {
            b.close();
        }
        brokers.clear();
    }
}
