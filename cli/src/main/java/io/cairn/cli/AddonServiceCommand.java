package io.cairn.cli;

import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.IniFile;
import io.cairn.compute.ComputeServices;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One service of the compute add-on in its own process, for a multi-host deployment: {@code cairn identity-api},
 * {@code image-api} and {@code compute-api} (stateless APIs, any number behind a load balancer, all on one
 * PostgreSQL), {@code cairn scheduler} (the scheduler, consuming its queue on RabbitMQ) and {@code cairn
 * compute-agent} (one compute host's agent). Each takes {@code --config FILE}: INI with one section named as the
 * command, holding the add-on's {@code cairn.*} and {@code server.*} settings (compute-addon/README.md; samples in
 * {@code compute-addon/etc/}). The command switches off every part of the add-on the service is not (the other APIs
 * answer 404, no scheduler or agent runs where it is not the service); a missing required key, a key the command
 * sets itself given another value, or a value of the wrong type is a usage error (exit 2) naming the key.
 *
 * <p>Not thread-safe; one instance per invocation.
 */
final class AddonServiceCommand {
    private static final String DATABASE = "cairn.database.url";
    private static final String SIGNING_KEY = "cairn.identity.signing-key";
    private static final String AMQP = "cairn.compute.amqp-uri";
    private static final String IMAGE_URL = "cairn.endpoints.image-public-url";
    private static final Map<String, String> NO_COMPUTE =
            Map.of("cairn.compute.enabled", "false", "cairn.compute.agents", "0", "cairn.compute.scheduler", "false");

    /** Which service. Its list and map are {@code List.of}/{@code Map.copyOf}: unmodifiable. */
    @SuppressWarnings("ImmutableEnumChecker")
    enum Service {
        IDENTITY("identity-api", "/identity/v3", List.of(DATABASE, SIGNING_KEY), with(NO_COMPUTE, "cairn.api.image")),
        IMAGE("image-api", "/image", List.of(DATABASE, SIGNING_KEY), with(NO_COMPUTE, "cairn.api.identity")),
        COMPUTE(
                "compute-api",
                "/compute/v2.1",
                List.of(DATABASE, SIGNING_KEY, AMQP, IMAGE_URL),
                Map.of(
                        "cairn.api.identity", "false",
                        "cairn.api.image", "false",
                        "cairn.compute.enabled", "true",
                        "cairn.compute.agents", "0",
                        "cairn.compute.scheduler", "false",
                        "cairn.compute.transport", "amqp")),
        SCHEDULER(
                "scheduler",
                null,
                List.of(DATABASE, AMQP),
                Map.of(
                        "cairn.compute.agents", "0",
                        "cairn.compute.scheduler", "true",
                        "cairn.compute.transport", "amqp")),
        AGENT(
                "compute-agent",
                null,
                List.of(DATABASE, AMQP, IMAGE_URL, "cairn.compute.host", "cairn.compute.driver"),
                Map.of(
                        "cairn.compute.agents", "1",
                        "cairn.compute.scheduler", "false",
                        "cairn.compute.transport", "amqp"));

        final String command;
        /** The API's path for the banner; null: no HTTP server (scheduler, agent). */
        final @Nullable String path;

        final List<String> required;
        /** What the command sets: a file may repeat these values, not change them. */
        final Map<String, String> fixed;

        Service(String command, @Nullable String path, List<String> required, Map<String, String> fixed) {
            this.command = command;
            this.path = path;
            this.required = required;
            this.fixed = fixed;
        }

        String usage() {
            return "usage: cairn " + command + " --config FILE   (INI, section [" + command + "]: cairn.* settings)";
        }

        private static Map<String, String> with(Map<String, String> fixed, String offSwitch) {
            Map<String, String> m = new LinkedHashMap<>(fixed);
            m.put(offSwitch, "false");
            return Map.copyOf(m);
        }
    }

    private final Service service;
    private final PrintStream out;

    AddonServiceCommand(Service service, PrintStream out) {
        this.service = service;
        this.out = out;
    }

    int run(List<String> args, ServerLauncher launcher) {
        return launcher.launch(service.command, () -> start(args));
    }

    ServerLauncher.Running start(List<String> args) {
        Path file = ServerLauncher.configFile(args, service.usage());
        Map<String, String> settings = settings(IniFile.load(file), service);
        ComputeServices services;
        try {
            services = service.path != null ? ComputeServices.start(settings) : ComputeServices.startHeadless(settings);
        } catch (ComputeServices.InvalidSettings e) {
            throw new ServerLauncher.UsageException(file + " [" + service.command + "]: " + e.getMessage());
        } catch (RuntimeException e) {
            // Spring's chain of bean creation failures: the first cause says what went wrong (a refused broker)
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new IllegalStateException("cannot start: " + root, e);
        }
        String name = "cairn " + service.command + ": ";
        if (service.path != null) {
            out.println(name + "listening on " + settings.getOrDefault("server.address", "0.0.0.0") + ":"
                    + services.port() + service.path + " (config " + file + ")");
        } else {
            String broker = broker(settings.getOrDefault(AMQP, ""));
            out.println(name
                    + (service == Service.AGENT
                            ? "host " + settings.get("cairn.compute.host") + ", driver " + services.computeDriver()
                            : "scheduling")
                    + ", broker " + broker + " (config " + file + ")");
        }
        out.flush();
        return ServerLauncher.Running.of(() -> service.path != null ? services.port() : 0, services::close);
    }

    /** {@code host:port} of an AMQP URI (never its credentials). */
    private static String broker(String uri) {
        URI u = URI.create(uri);
        return u.getHost() + ":" + (u.getPort() < 0 ? 5672 : u.getPort());
    }

    /**
     * The add-on's settings from {@code ini}'s {@code [<command>]} section: only {@code cairn.*} and {@code server.*}
     * keys, the service's required ones present, and the parts it is not switched off.
     */
    static Map<String, String> settings(IniFile ini, Service service) {
        String name = service.command;
        if (!ini.hasSection(name)) {
            throw new ServerLauncher.UsageException(ini.source() + ": no [" + name + "] section\n" + service.usage());
        }
        String where = ini.source() + " [" + name + "]: ";
        ConfigSection section = ini.section(name);
        Map<String, String> settings = new LinkedHashMap<>();
        List<String> foreign = new ArrayList<>();
        for (String key : section.keys()) {
            if (key.startsWith("cairn.") || key.startsWith("server.")) {
                settings.put(key, section.getString(key, ""));
            } else {
                foreign.add(key);
            }
        }
        if (!foreign.isEmpty()) {
            throw new ServerLauncher.UsageException(
                    where + String.join(", ", foreign) + ": not settings of the compute add-on (cairn.* or server.*)");
        }
        for (String key : service.required) {
            if (settings.getOrDefault(key, "").isBlank()) {
                throw new ServerLauncher.UsageException(where + key + " is required");
            }
        }
        for (Map.Entry<String, String> e : service.fixed.entrySet()) {
            String given = settings.put(e.getKey(), e.getValue());
            if (given != null && !given.strip().equalsIgnoreCase(e.getValue())) {
                throw new ServerLauncher.UsageException(
                        where + e.getKey() + " = \"" + given + "\": cairn " + name + " sets it to " + e.getValue());
            }
        }
        if (service == Service.AGENT) {
            checkAgent(settings, where);
        }
        return settings;
    }

    private static void checkAgent(Map<String, String> settings, String where) {
        String driver = settings.getOrDefault("cairn.compute.driver", "");
        if (!driver.equals("fake") && !driver.equals("qemu")) {
            throw new ServerLauncher.UsageException(
                    where + "cairn.compute.driver = \"" + driver + "\": must be fake or qemu");
        }
        if (driver.equals("qemu")
                && settings.getOrDefault("cairn.compute.instances-path", "").isBlank()) {
            throw new ServerLauncher.UsageException(where + "cairn.compute.instances-path is required with the qemu"
                    + " driver (base images and guest disks live there)");
        }
    }
}
