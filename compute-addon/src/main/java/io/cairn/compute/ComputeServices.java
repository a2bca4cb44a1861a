package io.cairn.compute;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starting and stopping the identity and image APIs from plain Java ({@code cairn cloud}, tests), so callers never
 * see Spring. Settings are the {@code cairn.*} keys of the {@code config} records plus {@code server.port},
 * {@code server.address} and {@code cairn.database.url} (a JDBC URL: {@code jdbc:sqlite:FILE} or {@code
 * jdbc:postgresql://...}, with {@code cairn.database.username}/{@code password}).
 */
public final class ComputeServices implements AutoCloseable {
    private final ConfigurableApplicationContext context;

    private ComputeServices(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts the application with its HTTP server.
     *
     * @throws InvalidSettings when a setting has the wrong type or value (its key and the reason in the message)
     */
    public static ComputeServices start(Map<String, String> settings) {
        return start(settings, List.of());
    }

    /**
     * Starts the application without an HTTP server: a process that only runs the scheduler or compute agents of
     * {@code cairn.compute.*} ({@code cairn scheduler}, {@code cairn compute-agent}), as nova-scheduler and
     * nova-compute serve no API. It issues and checks no tokens, so the signing key the shared application context
     * still reads may be absent (a random one is put in its place).
     * {@link #port()} is not available.
     *
     * @throws InvalidSettings when a setting has the wrong type or value
     */
    public static ComputeServices startHeadless(Map<String, String> settings) {
        Map<String, String> s = new LinkedHashMap<>(settings);
        byte[] unusedKey = new byte[32];
        new SecureRandom().nextBytes(unusedKey);
        s.putIfAbsent("cairn.identity.signing-key", Base64.getEncoder().encodeToString(unusedKey));
        return start(s, List.of(), WebApplicationType.NONE);
    }

    /** As {@link #start(Map)}, with initializers run before the beans are made (tests register twins). */
    static ComputeServices start(
            Map<String, String> settings, List<ApplicationContextInitializer<ConfigurableApplicationContext>> init) {
        return start(settings, init, WebApplicationType.REACTIVE);
    }

    private static ComputeServices start(
            Map<String, String> settings,
            List<ApplicationContextInitializer<ConfigurableApplicationContext>> init,
            WebApplicationType web) {
        // Spring Boot would reconfigure java.util.logging for the whole JVM (the storage servers' logs too when
        // embedded in cairn cloud); the JVM's own logging setup stays in charge
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        Map<String, Object> props = new LinkedHashMap<>(settings);
        Object url = props.get("cairn.database.url");
        if (url == null) {
            throw new IllegalArgumentException("cairn.database.url is required");
        }
        props.put("spring.datasource.url", sqliteTuned(url.toString()));
        copy(props, "cairn.database.username", "spring.datasource.username");
        copy(props, "cairn.database.password", "spring.datasource.password");
        try {
            ConfigurableApplicationContext ctx = new SpringApplicationBuilder(ComputeApplication.class)
                    .web(web)
                    .properties(props)
                    .registerShutdownHook(false)
                    .initializers(init.toArray(ApplicationContextInitializer[]::new))
                    .run();
            return new ComputeServices(ctx);
        } catch (RuntimeException e) {
            InvalidSettings invalid = InvalidSettings.of(e, settings);
            if (invalid != null) {
                throw invalid;
            }
            throw e;
        }
    }

    /**
     * A setting the application could not take: a value of the wrong type (Spring's binding failure, found in the
     * start failure's causes) or one the add-on's wiring refused ({@code IllegalArgumentException} naming the key).
     * The message names the key and the reason.
     */
    public static final class InvalidSettings extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidSettings(String message, Throwable cause) {
            super(message, cause);
        }

        static @Nullable InvalidSettings of(Throwable failure, Map<String, String> settings) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof BindException b) {
                    String key = b.getName().toString();
                    Throwable root = b;
                    while (root.getCause() != null) {
                        root = root.getCause();
                    }
                    String value = settings.get(key);
                    return new InvalidSettings(
                            key + (value == null ? "" : " = \"" + value + "\"") + ": " + root.getMessage(), failure);
                }
                if (t instanceof IllegalArgumentException
                        && t.getMessage() != null
                        && t.getMessage().startsWith("cairn.")) {
                    return new InvalidSettings(t.getMessage(), failure);
                }
            }
            return null;
        }
    }

    /**
     * SQLite as several API threads need it: WAL (readers do not block the writer), a busy timeout instead of
     * immediate SQLITE_BUSY, write locks taken at BEGIN (no deadlocking lock upgrades), foreign keys on.
     */
    static String sqliteTuned(String url) {
        if (!url.startsWith("jdbc:sqlite:") || url.contains("?")) {
            return url;
        }
        return url + "?journal_mode=WAL&busy_timeout=10000&transaction_mode=IMMEDIATE&foreign_keys=true";
    }

    private static void copy(Map<String, Object> props, String from, String to) {
        Object v = props.get(from);
        if (v != null) {
            props.put(to, v);
        }
    }

    /** The port the API listens on. */
    public int port() {
        var server = ((WebServerApplicationContext) context).getWebServer();
        if (server == null) {
            throw new IllegalStateException("the web server is not running");
        }
        return server.getPort();
    }

    /** A bean of the running application (tests reach the repository and the store this way). */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The hypervisor type this process's compute agents run ({@code QEMU}, {@code fake}); "none" without agents. */
    public String computeDriver() {
        var agents = context.getBean(io.cairn.compute.compute.agent.ComputeRuntime.class)
                .agents();
        return agents.isEmpty() ? "none" : agents.get(0).hypervisorType();
    }

    @Override
    public void close() {
        context.close();
    }
}
