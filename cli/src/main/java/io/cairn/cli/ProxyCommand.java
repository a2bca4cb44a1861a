package io.cairn.cli;

import io.cairn.common.config.ConfigException;
import io.cairn.common.config.IniFile;
import io.cairn.common.config.SwiftConf;
import io.cairn.common.http.AccessLogSink;
import io.cairn.common.http.Transport;
import io.cairn.proxy.auth.TempAuthConfig;
import io.cairn.proxy.pipeline.AccessPolicy;
import io.cairn.proxy.pipeline.KeystoneAccess;
import io.cairn.proxy.pipeline.OpenAccess;
import io.cairn.proxy.routing.ProxyRings;
import io.cairn.proxy.server.ProxyAuth;
import io.cairn.proxy.server.ProxyConfig;
import io.cairn.proxy.server.ProxyPipeline;
import io.cairn.proxy.server.ProxyServer;
import io.cairn.proxy.swift.Middleware;
import io.cairn.ring.policy.StoragePolicies;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code ./cairn proxy --config proxy-server.conf}: one proxy from Swift's {@code proxy-server.conf} —
 * {@code [DEFAULT]} and {@code [app:proxy-server]} ({@link ProxyConfig}), {@code [pipeline:main]} and
 * {@code [filter:tempauth]} ({@link TempAuthConfig}); {@code swift.conf} and the rings from {@code swift_dir}.
 * Unknown keys and pipeline stages Cairn does not have are reported at start; serves until SIGTERM.
 *
 * <p>Not thread-safe; one instance per invocation.
 */
final class ProxyCommand {
    static final String USAGE = "usage: cairn proxy --config FILE   (Swift's proxy-server.conf)";

    /** The {@code java.util.logging} logger of the proxy's access lines. */
    static final String ACCESS_LOGGER = "io.cairn.proxy.access";

    private final PrintStream out;
    private final PrintStream err;

    ProxyCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args, ServerLauncher launcher) {
        return launcher.launch("proxy", () -> start(args));
    }

    /** Starts the proxy from {@code args} and prints its address; the caller closes it. */
    ServerLauncher.Running start(List<String> args) throws IOException, InterruptedException {
        Path file = ServerLauncher.configFile(args, USAGE);
        IniFile ini = IniFile.load(file);
        AccessLogSink accessLog = AccessLogSink.toLogger(ACCESS_LOGGER);
        ServerLauncher.Running proxy;
        try {
            proxy = start(ini, accessLog);
        } catch (IOException | InterruptedException | RuntimeException e) {
            accessLog.close();
            throw e;
        }
        // the access log closes after the proxy's event loops stopped, so every line logged is written
        return ServerLauncher.Running.of(proxy::port, () -> {
            proxy.close();
            accessLog.close();
        });
    }

    ServerLauncher.Running start(IniFile ini, Consumer<String> accessLog) throws IOException, InterruptedException {
        ProxyConfig config = ProxyConfig.fromIni(ini);
        ServerLauncher.warnUnknown(
                err, "proxy", ini.source() + " [" + ProxyConfig.APP_SECTION + "]", config.unknownKeys());
        AccessPolicy access = accessPolicy(ini);
        SwiftConf swiftConf = SwiftConf.load(config.swiftDir());
        StoragePolicies policies = StoragePolicies.fromSwiftConf(swiftConf.ini());
        NodeRings rings = new NodeRings(config.swiftDir(), policies);
        try {
            rings.loadAll();
        } catch (IOException e) {
            throw new ConfigException(ini.source(), "swift_dir = " + config.swiftDir() + ": " + e.getMessage(), e);
        }
        Transport transport = Transport.select(true);
        EventLoopGroup boss = transport.newEventLoopGroup(1, "proxy-accept");
        EventLoopGroup workers = transport.newEventLoopGroup(config.workers(), "proxy-io");
        ProxyServer server = new ProxyServer(
                config,
                new ProxyServer.Cluster(
                        swiftConf, policies, new ProxyRings(rings::account, rings::container, rings::object)),
                new ProxyServer.Filters(access, middlewares(ini)),
                transport,
                boss,
                workers,
                accessLog);
        ServerLauncher.Running running = new ServerLauncher.Running() {
            private boolean closed;

            @Override
            public int port() {
                return server.port();
            }

            @Override
            public void close() {
                if (closed) {
                    return;
                }
                closed = true;
                server.close();
                for (EventLoopGroup g : new EventLoopGroup[] {workers, boss}) {
                    g.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
                }
            }
        };
        try {
            server.start();
        } catch (InterruptedException | RuntimeException e) {
            running.close();
            throw e;
        }
        out.println("cairn proxy: listening on " + config.bindIp() + ":" + server.port() + " (config " + ini.source()
                + ", auth " + authName(access) + ")");
        return running;
    }

    private static String authName(AccessPolicy access) {
        if (access instanceof KeystoneAccess) {
            return access.isTempAuth() ? "keystoneauth + tempauth" : "keystoneauth";
        }
        return access.isTempAuth() ? "tempauth" : "none";
    }

    /** The pipeline's filters on the proxy's application seam (slo, dlo), their unknown keys reported. */
    private List<Middleware> middlewares(IniFile ini) {
        List<String> warnings = new ArrayList<>();
        List<Middleware> middlewares = ProxyPipeline.fromIni(ini).middlewares(ini, warnings);
        for (String w : warnings) {
            err.println("cairn proxy: WARNING " + ini.source() + " " + w + " (ignored)");
        }
        return middlewares;
    }

    /**
     * The pipeline's auth filters ({@link ProxyAuth}: tempauth, authtoken + keystoneauth, or both; a filter Cairn
     * lacks is a configuration error unless listed in {@code cairn_skip_filters}); no auth otherwise, said loudly.
     */
    private AccessPolicy accessPolicy(IniFile ini) {
        ProxyPipeline pipeline = ProxyPipeline.fromIni(ini);
        if (!pipeline.skipped().isEmpty()) {
            err.println("cairn proxy: WARNING running without pipeline filters listed in cairn_skip_filters: "
                    + String.join(", ", pipeline.skipped()));
        }
        List<String> warnings = new ArrayList<>();
        AccessPolicy access = ProxyAuth.fromIni(ini, pipeline, Clock.systemUTC(), warnings);
        for (String w : warnings) {
            err.println("cairn proxy: WARNING " + ini.source() + " " + w);
        }
        if (access instanceof OpenAccess) {
            err.println("cairn proxy: WARNING no tempauth or keystoneauth in the pipeline: every request is allowed");
        }
        return access;
    }
}
