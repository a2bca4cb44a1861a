package io.cairn.object.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.IniFile;
import io.cairn.common.config.SwiftConf;
import io.cairn.common.http.Transport;
import io.cairn.common.io.DeviceRoot;
import io.cairn.object.diskfile.DiskFileConfig;
import io.cairn.object.diskfile.DiskFileManager;
import io.cairn.object.diskfile.LocalDiskFileManager;
import io.cairn.ring.policy.StoragePolicies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A devices dir with devices {@code sda}, {@code sdb} and a swift.conf with policies 0 and 1, under a temp dir. */
final class DiskFixture {
    static final String SWIFT_CONF =
            "[swift-hash]\nswift_hash_path_prefix = cairnpre\nswift_hash_path_suffix = cairnsuf\n"
                    + "[storage-policy:0]\nname = gold\ndefault = yes\n[storage-policy:1]\nname = silver\n";

    final Path devices;
    final Path swiftDir;

    DiskFixture(Path root) throws IOException {
        devices = Files.createDirectories(root.resolve("node"));
        Files.createDirectories(devices.resolve("sda"));
        Files.createDirectories(devices.resolve("sdb"));
        swiftDir = Files.createDirectories(root.resolve("etc"));
        Files.writeString(swiftDir.resolve("swift.conf"), SWIFT_CONF);
    }

    /** An object-server.conf body ({@code [app:object-server]}) on a free loopback port, plus {@code extra} lines. */
    String config(String extra) {
        return "[DEFAULT]\ndevices = " + devices + "\nmount_check = false\nswift_dir = " + swiftDir
                + "\nbind_ip = 127.0.0.1\nbind_port = 0\n[app:object-server]\nlog_requests = false\n" + extra;
    }

    ObjectServerConfig objectServerConfig(String extra) {
        return ObjectServerConfig.from(IniFile.parse(config(extra), "test"));
    }

    SwiftConf swiftConf() {
        return SwiftConf.load(swiftDir);
    }

    /**
     * A local disk-file manager over these devices with its suffix-hash stores already open, as
     * ObjectServerNode does (creating a device's store on its first PUT takes seconds on a loaded machine,
     * longer than some tests' read timeouts).
     */
    LocalDiskFileManager openLocalManager() throws IOException {
        LocalDiskFileManager local = new LocalDiskFileManager(
                new DeviceRoot(devices, false), swiftConf().hashPath(), DiskFileConfig.defaults(), Clock.systemUTC());
        local.openSuffixHashStores();
        return local;
    }

    /** Starts an object server with {@code config} over {@code storage} (native transport when available). */
    ObjectServer startServer(ObjectServerConfig config, DiskFileManager storage) throws Exception {
        SwiftConf swiftConf = swiftConf();
        ObjectServer s = new ObjectServer(
                config,
                storage,
                Transport.select(true),
                StoragePolicies.fromSwiftConf(swiftConf.ini()),
                swiftConf.constraints(),
                Clock.systemUTC());
        s.start();
        return s;
    }

    /**
     * The bodies being written on {@code device}: named temp files in its {@code tmp} dir, and the unnamed ({@code
     * O_TMPFILE}) files there that this process (the server under test runs in it) holds open, which
     * {@code /proc/self/fd} shows as {@code <tmp>/#<inode> (deleted)}.
     */
    List<String> bodiesInProgress(String device) throws IOException {
        List<String> out = new ArrayList<>(files(device, "tmp"));
        String tmpPrefix = devices.resolve(device).resolve("tmp").toAbsolutePath() + "/";
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    continue; // closed since the listing
                }
                if (target.startsWith(tmpPrefix)) {
                    out.add(target.substring(tmpPrefix.length()));
                }
            }
        }
        return out;
    }

    /** Every regular file under {@code devices/<device>/<dir>}, relative to that dir, sorted. */
    List<String> files(String device, String dir) throws IOException {
        Path base = devices.resolve(device).resolve(dir);
        // the server may delete a temp file while we walk: a vanished file means "list again"
        for (int attempt = 0; ; attempt++) {
            try {
                return walk(base);
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof NoSuchFileException) || attempt >= 100) {
                    throw e;
                }
            } catch (NoSuchFileException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /** The one {@code .data} file under {@code devices/<device>/objects} (fails the test unless exactly one). */
    Path onlyDataFile(String device) throws IOException {
        List<String> data = files(device, "objects").stream()
                .filter(f -> f.endsWith(".data"))
                .toList();
        assertThat(data).hasSize(1);
        return devices.resolve(device).resolve("objects").resolve(data.get(0));
    }

    private static List<String> walk(Path base) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(base)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(base)) {
            walk.filter(Files::isRegularFile)
                    .forEach(p -> out.add(base.relativize(p).toString()));
        }
        out.sort(null);
        return out;
    }
}
