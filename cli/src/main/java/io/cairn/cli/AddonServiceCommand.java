package io.cairn.cli;

import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.IniFile;
import io.cairn.compute.ComputeServices;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cairn identity-api --config FILE} and {@code cairn image-api --config FILE}: one stateless API process of a
 * multi-host deployment (any number behind a load balancer, all on one PostgreSQL). {@code FILE} is INI with one
 * section, {@code [identity-api]} or {@code [image-api]}, holding the compute add-on's {@code cairn.*} and {@code
 * server.*} settings (compute-addon/README.md; samples in {@code compute-addon/etc/}). The other APIs of the add-on
 * are not served (404), no compute agent or scheduler runs.
 *
 * <p>Not thread-safe; one instance per invocation.
 */
final class ApiServiceCommand {
    /** Which API. */
    enum Api {
        IDENTITY("identity-api", "cairn.api.image", "/identity/v3"),
        IMAGE("image-api", "cairn.api.identity", "/image");

        final String command;
        final String otherSwitch;
        final String path;

        Api(String command, String otherSwitch, String path) {
            this.command = command;
            this.otherSwitch = otherSwitch;
            this.path = path;
        }

        String usage() {
            return "usage: cairn " + command + " --config FILE   (INI, section [" + command + "]: cairn.* settings)";
        }
    }

    private static final List<String> REQUIRED = List.of("cairn.database.url", "cairn.identity.signing-key");

    private final Api api;
    private final PrintStream out;

    ApiServiceCommand(Api api, PrintStream out) {
        this.api = api;
        this.out = out;
    }

    int run(List<String> args, ServerLauncher launcher) {
        return launcher.launch(api.command, () -> start(args));
    }

    ServerLauncher.Running start(List<String> args) {
        Path file = ServerLauncher.configFile(args, api.usage());
        Map<String, String> settings = settings(IniFile.load(file), api);
        ComputeServices services = ComputeServices.start(settings);
        out.println("cairn " + api.command + ": listening on " + settings.getOrDefault("server.address", "0.0.0.0")
                + ":" + services.port() + api.path + " (config " + file + ")");
        out.flush();
        return ServerLauncher.Running.of(services::port, services::close);
    }

    /**
     * The add-on's settings from {@code ini}'s {@code [<command>]} section: only {@code cairn.*} and {@code server.*}
     * keys, the database and signing key required; the other API and the compute tier switched off.
     */
    static Map<String, String> settings(IniFile ini, Api api) {
        String name = api.command;
        if (!ini.hasSection(name)) {
            throw new ServerLauncher.UsageException(ini.source() + ": no [" + name + "] section\n" + api.usage());
        }
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
            throw new ServerLauncher.UsageException(ini.source() + " [" + name + "]: " + String.join(", ", foreign)
                    + ": not settings of the compute add-on (cairn.* or server.*)");
        }
        for (String key : REQUIRED) {
            if (settings.getOrDefault(key, "").isBlank()) {
                throw new ServerLauncher.UsageException(ini.source() + " [" + name + "]: " + key + " is required");
            }
        }
        settings.put(api.otherSwitch, "false");
        settings.put("cairn.compute.enabled", "false");
        settings.put("cairn.compute.agents", "0");
        settings.put("cairn.compute.scheduler", "false");
        return settings;
    }
}
