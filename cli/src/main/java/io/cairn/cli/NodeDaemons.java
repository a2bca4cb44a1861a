package io.cairn.cli;

import io.cairn.common.config.ConfigSection;
import io.cairn.common.daemon.Daemon;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The daemons a storage node can run, by Swift's section name: {@code [object-replicator]},
 * {@code [object-auditor]}, {@code [object-updater]}, {@code [object-expirer]}, {@code [container-replicator]}, {@code [container-updater]},
 * {@code [container-auditor]}, {@code [account-replicator]}, {@code [account-auditor]}, {@code [account-reaper]}. A node runs every
 * daemon that has a factory here and whose section is in its config, every {@code interval} seconds (Swift's
 * defaults: see {@link Section}); the {@code --once} commands run one pass of the daemons of one {@link Kind}.
 *
 * <p>Not thread-safe while registering; read-only afterwards.
 */
final class NodeDaemons {
    /** Which {@code --once} command runs a daemon. */
    enum Kind {
        REPLICATOR,
        AUDITOR,
        UPDATER,
        EXPIRER,
        REAPER;

        /** {@code replicator}, {@code auditor}, {@code updater}, {@code expirer}, {@code reaper}: the command name. */
        String command() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A daemon section Cairn knows, with Swift 2.30.1's default {@code interval} ({@code obj/replicator.py},
     * {@code obj/auditor.py}, {@code obj/updater.py}, {@code obj/expirer.py}, {@code common/db_replicator.py},
     * {@code common/db_auditor.py}, {@code container/updater.py}, {@code account/reaper.py}).
     */
    enum Section {
        OBJECT_REPLICATOR(ServerType.OBJECT, Kind.REPLICATOR, 30),
        OBJECT_AUDITOR(ServerType.OBJECT, Kind.AUDITOR, 30),
        OBJECT_UPDATER(ServerType.OBJECT, Kind.UPDATER, 300),
        OBJECT_EXPIRER(ServerType.OBJECT, Kind.EXPIRER, 300),
        CONTAINER_REPLICATOR(ServerType.CONTAINER, Kind.REPLICATOR, 30),
        CONTAINER_AUDITOR(ServerType.CONTAINER, Kind.AUDITOR, 1800),
        CONTAINER_UPDATER(ServerType.CONTAINER, Kind.UPDATER, 300),
        ACCOUNT_REPLICATOR(ServerType.ACCOUNT, Kind.REPLICATOR, 30),
        ACCOUNT_AUDITOR(ServerType.ACCOUNT, Kind.AUDITOR, 1800),
        ACCOUNT_REAPER(ServerType.ACCOUNT, Kind.REAPER, 3600);

        private final ServerType server;
        private final Kind kind;
        private final int defaultIntervalSeconds;

        Section(ServerType server, Kind kind, int defaultIntervalSeconds) {
            this.server = server;
            this.kind = kind;
            this.defaultIntervalSeconds = defaultIntervalSeconds;
        }

        /** {@code object-replicator}: the config section and the recon key. */
        String sectionName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        ServerType server() {
            return server;
        }

        Kind kind() {
            return kind;
        }

        /**
         * {@code interval} in seconds (replicators also take the older {@code run_pause}, as Swift does), or
         * Swift's default.
         */
        Duration interval(ConfigSection section) {
            String key = section.get("interval") == null && kind == Kind.REPLICATOR && section.get("run_pause") != null
                    ? "run_pause"
                    : "interval";
            double seconds = section.getDouble(key, defaultIntervalSeconds, 0.001, 365 * 86_400.0);
            return Duration.ofMillis(Math.round(seconds * 1000));
        }

        /** The section of this name, or null. */
        static @Nullable Section byName(String name) {
            for (Section s : values()) {
                if (s.sectionName().equals(name)) {
                    return s;
                }
            }
            return null;
        }
    }

    /** A daemon built for a node, with the section it came from. */
    record Built(Section section, Daemon daemon, Duration interval) {}

    private final Map<Section, DaemonFactory> factories = new LinkedHashMap<>();

    /** A registry with no daemons; tests register fakes. */
    NodeDaemons() {}

    /**
     * The daemons this build of Cairn has ({@link StandardDaemons}).
     */
    static NodeDaemons standard() {
        return StandardDaemons.registerAll(new NodeDaemons());
    }

    /** A registry with no daemons: servers only. */
    static NodeDaemons none() {
        return new NodeDaemons();
    }

    /** Closes the built daemons that own resources (clients, storage handles), newest first. */
    static void closeAll(List<Built> built) {
        for (int i = built.size() - 1; i >= 0; i--) {
            if (built.get(i).daemon() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    System.getLogger(NodeDaemons.class.getName())
                            .log(
                                    System.Logger.Level.WARNING,
                                    "closing " + built.get(i).daemon().name() + " failed",
                                    e);
                }
            }
        }
    }

    /** Registers (or replaces) the factory of {@code section}; returns this. */
    NodeDaemons register(Section section, DaemonFactory factory) {
        factories.put(section, factory);
        return this;
    }

    boolean has(Section section) {
        return factories.containsKey(section);
    }

    /**
     * Builds the daemons of {@code kind} (all kinds when null) whose sections are in {@code sections} and
     * that have a factory, in {@link Section} order.
     *
     * @throws io.cairn.common.config.ConfigException for a bad value in a section
     */
    List<Built> create(NodeContext ctx, Map<Section, ConfigSection> sections, @Nullable Kind kind) {
        List<Built> built = new ArrayList<>();
        for (Section s : Section.values()) {
            ConfigSection section = sections.get(s);
            DaemonFactory factory = factories.get(s);
            if (section == null || factory == null || (kind != null && s.kind() != kind)) {
                continue;
            }
            built.add(new Built(s, factory.create(ctx, section), s.interval(section)));
        }
        return built;
    }
}
