package io.cairn.auditor.db;

import io.cairn.account.db.AccountBroker;
import io.cairn.common.concurrent.RateLimiter;
import io.cairn.common.concurrent.Sleeper;
import io.cairn.common.daemon.Daemon;
import io.cairn.common.daemon.PassReport;
import io.cairn.common.db.DatabaseBroker;
import io.cairn.common.db.DatabaseQuarantinedException;
import io.cairn.common.db.DbPaths;
import io.cairn.common.io.DeviceRoot;
import io.cairn.container.db.ContainerBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Swift's container and account auditors ({@code swift/common/db_auditor.py: DatabaseAuditor.audit},
 * {@code container/auditor.py}, {@code account/auditor.py}), one pass per {@link #runOnce()}: every
 * {@code <dev>/{containers|accounts}/<part>/<suffix>/<hash>/*.db} of every usable device is opened with its
 * broker; unless deleted, {@code get_info} runs (the account auditor also checks that the per-policy
 * counts add up to the totals); then SQLite's {@code PRAGMA quick_check} reads every page of the file.
 * A file SQLite calls malformed or not a database is quarantined to {@code <dev>/quarantined/<type>s/<hash>}
 * by the broker ({@code possibly_quarantine}); a failed {@code quick_check} is quarantined the same way.
 * Rate: {@code containers_per_second} / {@code accounts_per_second}.
 *
 * <p>Counters: {@code passes}, {@code failures} (Swift's audits passed/failed), {@code quarantined}.
 *
 * <p>Not re-entrant: one pass at a time on the scheduler's thread, which blocks on SQLite and the rate
 * limiter. A broker here is the auditor's own (a separate SQLite connection beside the server's).
 */
public final class DbAuditor implements Daemon {
    /** Counter names of the pass report. */
    public static final String PASSES = "passes";

    public static final String FAILURES = "failures";
    public static final String QUARANTINED = "quarantined";

    private static final System.Logger LOG = System.getLogger(DbAuditor.class.getName());
    private static final Pattern PARTITION = Pattern.compile("[0-9]{1,9}");

    /** Which databases: Swift's {@code server_type}. */
    public enum Kind {
        CONTAINER("container", DbPaths.CONTAINERS),
        ACCOUNT("account", DbPaths.ACCOUNTS);

        private final String type;
        private final String datadir;

        Kind(String type, String datadir) {
            this.type = type;
            this.datadir = datadir;
        }

        /** {@code container} or {@code account}. */
        public String type() {
            return type;
        }

        /** {@code containers} or {@code accounts}. */
        public String datadir() {
            return datadir;
        }
    }

    private final DbAuditorConfig config;
    private final DeviceRoot devices;
    private final Clock clock;
    private final Sleeper sleeper;

    /**
     * @param devices the devices root whose devices are walked
     * @param clock time of the pass report and the rate limiter
     * @param sleeper how the rate limiter waits ({@link Sleeper#system()} outside tests)
     */
    public DbAuditor(DbAuditorConfig config, DeviceRoot devices, Clock clock, Sleeper sleeper) {
        this.config = config;
        this.devices = devices;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** {@code container-auditor} or {@code account-auditor}. */
    @Override
    public String name() {
        return DbAuditorConfig.section(config.kind());
    }

    @Override
    public PassReport runOnce() throws InterruptedException {
        PassReport.Builder report = new PassReport.Builder(name(), clock.instant());
        report.zero(PASSES, FAILURES, QUARANTINED);
        RateLimiter limiter = new RateLimiter(config.dbsPerSecond(), clock, sleeper);
        for (String device : listNames(devices.devicesDir(), report)) {
            Path dev = devices.resolve(device);
            if (dev == null) {
                continue;
            }
            Path datadir = dev.resolve(config.kind().datadir());
            for (String part : listNames(datadir, report)) {
                if (!PARTITION.matcher(part).matches()) {
                    continue;
                }
                for (String suffix : listNames(datadir.resolve(part), report)) {
                    Path suffixDir = datadir.resolve(part).resolve(suffix);
                    for (String hash : listNames(suffixDir, report)) {
                        for (String file : listNames(suffixDir.resolve(hash), report)) {
                            if (file.endsWith(".db")) {
                                audit(suffixDir.resolve(hash).resolve(file), report);
                                limiter.waitFor(1);
                            }
                        }
                    }
                }
            }
        }
        return report.build(clock.instant());
    }

    /** Swift's {@code DatabaseAuditor.audit}: never throws; counts a pass or a failure. */
    private void audit(Path dbFile, PassReport.Builder report) {
        try (DatabaseBroker<?> broker = broker(dbFile)) {
            if (!broker.isDeleted()) {
                Map<String, @Nullable Object> info = broker.info();
                String invalid = broker instanceof AccountBroker account ? checkPolicyTotals(account, info) : null;
                if (invalid != null) {
                    report.add(FAILURES, 1);
                    LOG.log(Level.ERROR, "Audit Failed for " + dbFile + ": " + invalid);
                    return;
                }
            }
            String problem = quickCheck(broker);
            if (problem != null) {
                throw broker.quarantine("PRAGMA quick_check: " + problem, null);
            }
            report.add(PASSES, 1);
        } catch (DatabaseQuarantinedException e) {
            report.add(FAILURES, 1).add(QUARANTINED, 1);
            LOG.log(Level.ERROR, "Audit Failed for " + dbFile + ": " + e.getMessage());
        } catch (SQLException | RuntimeException e) {
            report.add(FAILURES, 1);
            LOG.log(Level.ERROR, "ERROR Could not get " + config.kind().type() + " info " + dbFile, e);
        }
    }

    private DatabaseBroker<?> broker(Path dbFile) {
        return config.kind() == Kind.CONTAINER
                ? new ContainerBroker(dbFile, "", "", clock)
                : new AccountBroker(dbFile, "", clock);
    }

    /**
     * Swift's {@code AccountAuditor._audit}: container, object and byte counts summed over {@code policy_stat}
     * must equal the totals of {@code get_info}. Returns why not, or null. A DB without per-policy rows
     * (pre-policy schema) passes: Swift migrates it first, which makes the sums equal by construction.
     */
    static @Nullable String checkPolicyTotals(AccountBroker broker, Map<String, @Nullable Object> info)
            throws SQLException {
        Map<Integer, long[]> stats = broker.policyStats();
        if (stats.isEmpty()) {
            return null;
        }
        String[] keys = {"container_count", "object_count", "bytes_used"};
        for (int i = 0; i < keys.length; i++) {
            long sum = 0;
            for (long[] s : stats.values()) {
                sum += s[i];
            }
            Object total = info.get(keys[i]);
            long expected = total instanceof Number n ? n.longValue() : Long.MIN_VALUE;
            if (sum != expected) {
                return "The total " + keys[i] + " for the container (" + total + ") does not match the sum of "
                        + keys[i] + " across policies (" + sum + ")";
            }
        }
        return null;
    }

    /** {@code PRAGMA quick_check}: null when SQLite answers {@code ok}, else its first complaints. */
    private static @Nullable String quickCheck(DatabaseBroker<?> broker) throws SQLException {
        String complaints = broker.read(c -> {
            List<String> rows = new ArrayList<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("PRAGMA quick_check(10)")) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            if (rows.equals(List.of("ok"))) {
                return "";
            }
            return rows.isEmpty() ? "no answer" : String.join("; ", rows);
        });
        return complaints.isEmpty() ? null : complaints;
    }

    private static List<String> listNames(Path dir, PassReport.Builder report) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                names.add(p.getFileName().toString());
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of();
        } catch (IOException | UncheckedIOException e) {
            report.error("ERROR listing " + dir + ": " + e);
            return List.of();
        }
        Collections.sort(names);
        return names;
    }
}
