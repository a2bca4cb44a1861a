package io.cairn.compute.compute.agent;

import io.cairn.compute.compute.driver.ComputeDriverFactory;
import io.cairn.compute.compute.scheduler.Scheduler;
import io.cairn.compute.compute.scheduler.SchedulerConfig;
import io.cairn.compute.config.ComputeProperties;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The compute parts this process runs, per {@code cairn.compute.*}: the scheduler service and {@code agents}
 * agents on the given bus. Closing stops them (agents first: their hosts go silent).
 */
public final class ComputeRuntime implements AutoCloseable {
    private final List<ComputeAgent> agents = new ArrayList<>();
    private final @Nullable SchedulerService scheduler;

    public ComputeRuntime(AgentContext ctx, ComputeDriverFactory drivers) {
        ComputeProperties p = ctx.properties();
        this.scheduler = p.scheduler()
                ? new SchedulerService(ctx, new Scheduler(SchedulerConfig.of(p), new SecureRandom()))
                : null;
        for (int i = 1; i <= p.agents(); i++) {
            String host = i == 1 ? p.host() : p.host() + "-" + i;
            agents.add(new ComputeAgent(ctx, host, p.availabilityZone(), drivers.create(host)));
        }
    }

    public List<ComputeAgent> agents() {
        return List.copyOf(agents);
    }

    @Override
    public void close() {
        for (ComputeAgent a : agents) {
            a.close();
        }
        if (scheduler != null) {
            scheduler.close();
        }
    }
}
