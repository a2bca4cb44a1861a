package io.cairn.cli;

import io.cairn.account.reaper.AccountReaper;
import io.cairn.account.reaper.AccountReaperConfig;
import io.cairn.common.config.ConfigSection;
import io.cairn.common.daemon.Daemon;
import io.cairn.common.direct.DirectClient;
import io.cairn.common.http.BackendClient;
import io.cairn.container.updater.ContainerUpdater;
import io.cairn.container.updater.ContainerUpdaterConfig;
import io.cairn.object.expirer.DirectExpirerBackend;
import io.cairn.object.expirer.ObjectExpirer;
import io.cairn.object.expirer.ObjectExpirerConfig;
import io.netty.channel.EventLoopGroup;
import java.util.concurrent.TimeUnit;

/**
 * The factories of the daemons that empty what clients asked to be gone: the object expirer ({@code
 * [object-expirer]}), the container updater it relies on ({@code [container-updater]}) and the account reaper
 * ({@code [account-reaper]}); registered in {@link
 * StandardDaemons#registerAll}. Each daemon owns one client event loop, closed with it.
 *
 * <p>Stateless.
 */
final class CleanupDaemons {
    /** Listings of 10,000 rows of long names fit easily. */
    private static final int MAX_RESPONSE_BYTES = 32 << 20;

    private CleanupDaemons() {}

    static Daemon objectExpirer(NodeContext ctx, ConfigSection section) {
        ObjectExpirerConfig config = ObjectExpirerConfig.from(section);
        EventLoopGroup group = ctx.transport().newEventLoopGroup(1, "object-expirer-client");
        BackendClient client = new BackendClient(ctx.transport(), group, MAX_RESPONSE_BYTES, config.connTimeout());
        DirectClient direct = new DirectClient(
                client,
                config.connTimeout().plus(config.nodeTimeout()),
                "object-expirer " + ProcessHandle.current().pid());
        DirectExpirerBackend backend = new DirectExpirerBackend(
                direct,
                new DirectExpirerBackend.Rings(
                        () -> ctx.rings().account(),
                        () -> ctx.rings().container(),
                        i -> ctx.rings().object(i)),
                ctx.swiftConf().hashPath());
        return new ObjectExpirer(
                config,
                config.queueAccount(ctx.swiftConf().constraints().autoCreateAccountPrefix()),
                backend,
                ctx.clock(),
                () -> close(client, group));
    }

    /**
     * Swift's container updater: it lists the containers the object servers auto-create (the expirer's task
     * containers) in their account, which the expirer reads.
     */
    static Daemon containerUpdater(NodeContext ctx, ConfigSection section) {
        return new ContainerUpdater(
                ContainerUpdaterConfig.from(section),
                () -> ctx.rings().account(),
                ctx.swiftConf().hashPath(),
                ctx.transport(),
                ctx.clock());
    }

    static Daemon accountReaper(NodeContext ctx, ConfigSection section) {
        AccountReaperConfig config = AccountReaperConfig.from(section);
        EventLoopGroup group = ctx.transport().newEventLoopGroup(1, "account-reaper-client");
        BackendClient client = new BackendClient(ctx.transport(), group, MAX_RESPONSE_BYTES, config.connTimeout());
        DirectClient direct = new DirectClient(
                client,
                config.connTimeout().plus(config.nodeTimeout()),
                "account-reaper " + ProcessHandle.current().pid());
        NodeContext.HostPort local = ctx.local(ServerType.ACCOUNT);
        return new AccountReaper(
                config,
                new AccountReaper.Rings(
                        () -> ctx.rings().account(),
                        () -> ctx.rings().container(),
                        i -> ctx.rings().object(i)),
                ctx.swiftConf().hashPath(),
                new AccountReaper.LocalNode(StandardDaemons.localIps(local.ip()), local.port()),
                direct,
                ctx.clock(),
                () -> close(client, group));
    }

    private static void close(BackendClient client, EventLoopGroup group) {
        client.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
