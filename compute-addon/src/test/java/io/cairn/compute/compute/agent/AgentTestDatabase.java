package io.cairn.compute.compute.agent;

import io.cairn.compute.compute.ActionRepository;
import io.cairn.compute.compute.HostRepository;
import io.cairn.compute.compute.ImageClient;
import io.cairn.compute.compute.Server;
import io.cairn.compute.compute.ServerRepository;
import io.cairn.compute.compute.VmState;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** A migrated SQLite database, the repositories over it and an agent context on a fresh in-process bus. */
final class AgentTestDatabase implements AutoCloseable {
    private final Path dir;
    private final SimpleDriverDataSource ds;
    private final ServerRepository servers;
    private final AgentContext context;

    private AgentTestDatabase(Path dir) {
        this.dir = dir;
        // a connection per use, as the application's pool gives: the agent's threads and the test's run transactions
        // at once, and on one shared connection they interleaved ("cannot commit - no transaction is active")
        ds = new SimpleDriverDataSource(
                new org.sqlite.JDBC(),
                "jdbc:sqlite:" + dir.resolve("t.db")
                        + "?journal_mode=WAL&busy_timeout=10000&transaction_mode=IMMEDIATE");
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(ds);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        servers = new ServerRepository(jdbc, tx, ds);
        context = new AgentContext(
                servers,
                new HostRepository(jdbc, tx),
                new ActionRepository(jdbc),
                new ImageClient(
                        HttpClient.newHttpClient(),
                        () -> "http://127.0.0.1:9/image",
                        JsonMapper.builder().build()),
                new LocalMessageBus(),
                Clock.systemUTC(),
                AgentFailureTest.properties());
    }

    static AgentTestDatabase start() throws Exception {
        return new AgentTestDatabase(Files.createTempDirectory("agent-test"));
    }

    AgentContext context() {
        return context;
    }

    Clock clock() {
        return context.clock();
    }

    Server newServer(String name) {
        Server s = new Server();
        s.id = UUID.randomUUID().toString();
        s.name = name;
        s.projectId = "p";
        s.userId = "u";
        s.imageId = "i";
        s.flavorId = "1";
        s.flavorRam = 512;
        s.flavorVcpus = 1;
        s.flavorDisk = 1;
        s.taskState = VmState.SCHEDULING;
        s.reservationId = "r-1";
        s.createdAt = clock().millis();
        s.updatedAt = s.createdAt;
        servers.insert(java.util.List.of(s));
        return s;
    }

    Server awaitState(String id, String vmState, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Server s = servers.find(id).orElseThrow();
            if (s.vmState.equals(vmState)) {
                return s;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(id + " still " + s.vmState + "/" + s.taskState + " after " + timeout);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
        }
    }

    @Override
    public void close() throws java.io.IOException {
        context.bus().close();
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
