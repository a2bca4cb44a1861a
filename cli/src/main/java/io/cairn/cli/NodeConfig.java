package io.cairn.cli;

import io.cairn.account.server.AccountServerConfig;
import io.cairn.common.config.ConfigException;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.config.Dialect;
import io.cairn.common.config.IniFile;
import io.cairn.container.server.ContainerServerConfig;
import io.cairn.object.server.ObjectServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configuration of one storage host ({@code cairn node}, and the {@code --once} commands), from either
 *
 * <ul>
 *   <li>one {@code node.conf} ({@code etc/node.conf-sample}): {@code [DEFAULT]} with the host's {@link
 *       #NODE_DEFAULT_KEYS}; {@code [object-server]}, {@code [container-server]}, {@code [account-server]} with
 *       the keys of Swift's {@code *-server.conf} ({@code [DEFAULT]} and {@code [app:*]} alike), each read by
 *       its server's own config class as if it were that server's file; and the daemon sections ({@link
 *       NodeDaemons.Section}) read as Swift's {@code readconf} reads them (section over {@code [DEFAULT]});
 *   <li>or a Swift-style directory holding {@code object-server.conf}, {@code container-server.conf} and
 *       {@code account-server.conf}, each with its server's sections and its daemons' sections (the SAIO's
 *       {@code etc/*-server-N.conf} are read the same way).
 * </ul>
 *
 * <p>Immutable.
 */
final class NodeConfig {
    /** Keys node.conf's {@code [DEFAULT]} passes to all three servers (and the daemons). */
    static final Set<String> NODE_DEFAULT_KEYS = Set.of("devices", "mount_check", "swift_dir", "bind_ip");

    private final String source;
    private final ObjectServerConfig object;
    private final ContainerServerConfig container;
    private final AccountServerConfig account;
    private final Map<NodeDaemons.Section, ConfigSection> daemonSections;
    private final List<String> warnings;

    private NodeConfig(
            String source,
            ObjectServerConfig object,
            ContainerServerConfig container,
            AccountServerConfig account,
            Map<NodeDaemons.Section, ConfigSection> daemonSections,
            List<String> warnings) {
        this.source = source;
        this.object = object;
        this.container = container;
        this.account = account;
        this.daemonSections = Map.copyOf(daemonSections);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * A node.conf file, or a directory of Swift's three server configs.
     *
     * @throws ConfigException for a missing file or section, or a bad value
     */
    static NodeConfig load(Path path) {
        if (Files.isDirectory(path)) {
            return fromServerConfs(
                    path.resolve("object-server.conf"),
                    path.resolve("container-server.conf"),
                    path.resolve("account-server.conf"));
        }
        return fromNodeConf(IniFile.load(path));
    }

    /** Swift's three files of one host. */
    static NodeConfig fromServerConfs(Path objectConf, Path containerConf, Path accountConf) {
        List<String> warnings = new ArrayList<>();
        Map<NodeDaemons.Section, ConfigSection> daemons = new EnumMap<>(NodeDaemons.Section.class);
        Map<ServerType, IniFile> files = new EnumMap<>(ServerType.class);
        files.put(ServerType.OBJECT, IniFile.load(existing(objectConf)));
        files.put(ServerType.CONTAINER, IniFile.load(existing(containerConf)));
        files.put(ServerType.ACCOUNT, IniFile.load(existing(accountConf)));
        for (NodeDaemons.Section s : NodeDaemons.Section.values()) {
            IniFile ini = files.get(s.server());
            if (ini != null && ini.hasSection(s.sectionName())) {
                daemons.put(s, ini.section(s.sectionName()));
            }
        }
        ObjectServerConfig object = ObjectServerConfig.from(file(files, ServerType.OBJECT));
        ContainerServerConfig container = ContainerServerConfig.from(file(files, ServerType.CONTAINER));
        AccountServerConfig account = AccountServerConfig.from(file(files, ServerType.ACCOUNT));
        return build(
                objectConf.getParent() == null
                        ? objectConf.toString()
                        : objectConf.getParent().toString(),
                new Servers(object, container, account),
                daemons,
                warnings);
    }

    /** The three servers' configs of one host. */
    private record Servers(ObjectServerConfig object, ContainerServerConfig container, AccountServerConfig account) {}

    /** One node.conf. */
    static NodeConfig fromNodeConf(IniFile ini) {
        List<String> warnings = new ArrayList<>();
        for (String name : ini.sectionNames()) {
            if (NodeDaemons.Section.byName(name) == null && !isServerSection(name)) {
                warnings.add("unknown section [" + name + "] (ignored)");
            }
        }
        List<String> foreignDefaults = ini.defaults().unknownKeys(NODE_DEFAULT_KEYS);
        if (!foreignDefaults.isEmpty()) {
            warnings.add("[DEFAULT] keys for no server: " + String.join(", ", foreignDefaults)
                    + " (the servers read only "
                    + String.join(", ", NODE_DEFAULT_KEYS.stream().sorted().toList())
                    + " from [DEFAULT]; set the others in a server section)");
        }
        Map<NodeDaemons.Section, ConfigSection> daemons = new EnumMap<>(NodeDaemons.Section.class);
        for (NodeDaemons.Section s : NodeDaemons.Section.values()) {
            if (ini.hasSection(s.sectionName())) {
                daemons.put(s, ini.section(s.sectionName()));
            }
        }
        Servers servers = new Servers(
                ObjectServerConfig.from(serverSection(ini, ServerType.OBJECT)),
                ContainerServerConfig.from(serverSection(ini, ServerType.CONTAINER)),
                AccountServerConfig.from(serverSection(ini, ServerType.ACCOUNT)));
        return build(ini.source(), servers, daemons, warnings);
    }

    private static boolean isServerSection(String name) {
        for (ServerType type : ServerType.values()) {
            if (type.serverName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static NodeConfig build(
            String source, Servers servers, Map<NodeDaemons.Section, ConfigSection> daemons, List<String> warnings) {
        unknown(warnings, ServerType.OBJECT, servers.object().unknownKeys());
        unknown(warnings, ServerType.CONTAINER, servers.container().unknownKeys());
        unknown(warnings, ServerType.ACCOUNT, servers.account().unknownKeys());
        return new NodeConfig(source, servers.object(), servers.container(), servers.account(), daemons, warnings);
    }

    private static IniFile file(Map<ServerType, IniFile> files, ServerType type) {
        IniFile f = files.get(type);
        if (f == null) {
            throw new IllegalStateException("no config for " + type.serverName());
        }
        return f;
    }

    private static void unknown(List<String> warnings, ServerType type, List<String> keys) {
        if (!keys.isEmpty()) {
            warnings.add("unknown keys for " + type.serverName() + " (ignored): " + String.join(", ", keys));
        }
    }

    private static Path existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file.toString(), "no such file");
        }
        return file;
    }

    /**
     * The server's section of node.conf as the server reads its own file's app section: the section's own keys,
     * over node.conf's {@link #NODE_DEFAULT_KEYS} from {@code [DEFAULT]} (inherited, so never reported unknown).
     */
    private static ConfigSection serverSection(IniFile ini, ServerType type) {
        ConfigSection defaults = ini.defaults();
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : defaults.keys()) {
            String value = defaults.get(key);
            if (NODE_DEFAULT_KEYS.contains(key) && value != null) {
                values.put(key, value);
            }
        }
        Set<String> own = new LinkedHashSet<>();
        if (ini.hasSection(type.serverName())) {
            ConfigSection section = ini.section(type.serverName());
            for (String key : section.unknownKeys(Set.of())) { // the section's own keys
                String value = section.get(key);
                if (value != null) {
                    values.put(key, value);
                    own.add(key);
                }
            }
        }
        return ConfigSection.of(
                ini.source() + " [" + type.serverName() + "]", type.serverName(), Dialect.PASTE_DEPLOY, values, own);
    }

    /** The file or directory read. */
    String source() {
        return source;
    }

    ObjectServerConfig object() {
        return object;
    }

    ContainerServerConfig container() {
        return container;
    }

    AccountServerConfig account() {
        return account;
    }

    /** The daemon sections present. */
    Map<NodeDaemons.Section, ConfigSection> daemonSections() {
        return daemonSections;
    }

    /** What to report at start: unknown sections and keys. */
    List<String> warnings() {
        return warnings;
    }
}
