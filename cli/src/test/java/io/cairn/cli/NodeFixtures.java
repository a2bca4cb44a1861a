package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.ConfigSection;
import io.cairn.common.daemon.Daemon;
import io.cairn.common.daemon.PassReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Swift dirs with rings built by {@code cairn ring}, and fake daemons, for the node/proxy/once tests. */
final class NodeFixtures {
    static final String SWIFT_CONF = "[swift-hash]\nswift_hash_path_suffix = s\nswift_hash_path_prefix = p\n"
            + "[storage-policy:0]\nname = gold\ndefault = yes\n";

    private NodeFixtures() {}

    /** {@code dir/etc} with swift.conf and account/container/object rings (one device each, 1 replica). */
    static Path swiftDir(Path dir) throws IOException {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("swift.conf"), SWIFT_CONF);
        int port = 6200;
        for (String type : List.of("object", "container", "account")) {
            String builder = etc.resolve(type + ".builder").toString();
            ring("create", builder, "6", "1", "1");
            ring("add", builder, "r1z1-127.0.0.1:" + port++ + "/sda", "100");
            ring("rebalance", builder);
        }
        return etc;
    }

    private static void ring(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] full = new String[args.length + 1];
        full[0] = "ring";
        System.arraycopy(args, 0, full, 1, args.length);
        int rc = CairnMain.run(
                full,
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }

    /** A daemon whose passes complete (or not) as told, recording what it was built with. */
    static final class FakeDaemon implements Daemon {
        final String name;
        final boolean completes;
        final NodeContext ctx;
        final ConfigSection section;
        final AtomicInteger passes = new AtomicInteger();

        FakeDaemon(String name, boolean completes, NodeContext ctx, ConfigSection section) {
            this.name = name;
            this.completes = completes;
            this.ctx = ctx;
            this.section = section;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public PassReport runOnce() {
            passes.incrementAndGet();
            PassReport.Builder b =
                    new PassReport.Builder(name, Clock.systemUTC().instant()).add("fake_items", 3);
            if (!completes) {
                b.error("peer 127.0.0.9:6200 unreachable");
            }
            return b.build(Clock.systemUTC().instant());
        }
    }

    /** A registry of fake daemons for every section; {@code created} collects them. */
    static NodeDaemons fakes(List<FakeDaemon> created, boolean completes) {
        NodeDaemons daemons = new NodeDaemons();
        for (NodeDaemons.Section s : NodeDaemons.Section.values()) {
            daemons.register(s, (ctx, section) -> {
                FakeDaemon d = new FakeDaemon(s.sectionName(), completes, ctx, section);
                created.add(d);
                return d;
            });
        }
        return daemons;
    }

    static List<FakeDaemon> newList() {
        return new CopyOnWriteArrayList<>();
    }
}
