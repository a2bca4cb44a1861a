package io.cairn.common.server;

import io.cairn.common.config.ConfigValues;
import io.cairn.common.config.ServerSettings;
import io.cairn.common.config.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a {@link StorageServer} needs from its server's config: the settings every storage server has, with the
 * same meaning in each ({@code io.cairn.common.config.ServerSettings} defines their keys). Immutable.
 *
 * @param name the server's short name ({@code object}, {@code container}, {@code account}): the prefix of its
 *     threads' names, its access logger {@code io.cairn.<name>.access}; {@link #serverName()} is Swift's name
 * @param bindIp {@code bind_ip}
 * @param bindPort {@code bind_port} (0 picks a free port)
 * @param workers event-loop threads (from {@code workers}; at least one)
 * @param deviceThreads {@code device_threads}: threads of each device's executor
 * @param deviceQueue {@code device_queue}: operations queued per device before the server answers 503
 * @param devices {@code devices}: the devices directory (recon's disk documents)
 * @param clientTimeout {@code client_timeout}: no traffic either way for this long closes the connection
 * @param maxHeaderSize {@code max_header_size}: the longest request header line read
 * @param logRequests {@code log_requests}: one access-log line per request
 * @param unknownKeys keys of the server's section it does not know (warned about at start)
 */
public record StorageServerSettings(
        String name,
        String bindIp,
        int bindPort,
        int workers,
        int deviceThreads,
        int deviceQueue,
        Path devices,
        Duration clientTimeout,
        int maxHeaderSize,
        boolean logRequests,
        List<String> unknownKeys) {
    public StorageServerSettings {
        unknownKeys = List.copyOf(unknownKeys);
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        if (clientTimeout.isNegative() || clientTimeout.isZero()) {
            throw new IllegalArgumentException("client_timeout must be > 0, got " + clientTimeout);
        }
    }

    /**
     * The shared settings of a server's parsed section ({@link ServerSettings}' keys), with the server's own
     * definitions of the keys whose default or aliases differ between servers.
     *
     * @param unknownKeys the keys the server reports as unknown (its section's, and {@code [DEFAULT]}'s if it
     *     checks those too)
     */
    public static StorageServerSettings from(
            String name,
            ConfigValues v,
            Setting<Integer> bindPort,
            Setting<Integer> deviceThreads,
            Setting<Integer> deviceQueue,
            List<String> unknownKeys) {
        return new StorageServerSettings(
                name,
                v.get(ServerSettings.BIND_IP),
                v.get(bindPort),
                ServerSettings.eventLoops(v.get(ServerSettings.WORKERS)),
                v.get(deviceThreads),
                v.get(deviceQueue),
                v.get(ServerSettings.DEVICES),
                v.get(ServerSettings.CLIENT_TIMEOUT),
                v.get(ServerSettings.MAX_HEADER_SIZE),
                v.get(ServerSettings.LOG_REQUESTS),
                unknownKeys);
    }

    /** The server's name as Swift logs it ({@code object-server}, …): access-log lines, log messages. */
    public String serverName() {
        return name + "-server";
    }

    /** The logger the access log writes to: {@code io.cairn.<name>.access}. */
    public String accessLogger() {
        return "io.cairn." + name + ".access";
    }
}
