package io.cairn.compute.compute.scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Nova's filter scheduler without placement: filter the hosts, weigh the survivors (each weigher normalised to
 * 0..1 over them, times its multiplier, summed), pick randomly among the best {@code host_subset_size}, and claim
 * the flavor on the chosen host so the next instance of the same request sees it used.
 */
public final class Scheduler {
    private final SchedulerConfig config;
    private final RandomGenerator random;

    public Scheduler(SchedulerConfig config, RandomGenerator random) {
        this.config = config;
        this.random = random;
    }

    /** Hosts for {@code count} servers of one spec, in order; {@link NoValidHost} when one finds none. */
    public List<HostState> select(RequestSpec spec, List<HostState> hosts, int count) {
        List<HostState> chosen = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            HostState h = selectOne(spec, hosts);
            h.consume(spec);
            chosen.add(h);
        }
        return chosen;
    }

    private HostState selectOne(RequestSpec spec, List<HostState> hosts) {
        List<HostState> passed = new ArrayList<>(hosts.size());
        for (HostState h : hosts) {
            if (passesAll(h, spec)) {
                passed.add(h);
            }
        }
        if (passed.isEmpty()) {
            throw new NoValidHost("There are not enough hosts available.");
        }
        List<HostState> ranked = weighed(passed);
        int subset = Math.min(config.hostSubsetSize(), ranked.size());
        return ranked.get(subset == 1 ? 0 : random.nextInt(subset));
    }

    private boolean passesAll(HostState h, RequestSpec spec) {
        for (HostFilter f : config.filters()) {
            if (!f.passes(h, spec)) {
                return false;
            }
        }
        return true;
    }

    /** Best first; ties keep the input order (then the random subset pick spreads them). */
    private List<HostState> weighed(List<HostState> hosts) {
        if (config.multipliers().isEmpty()) {
            return hosts;
        }
        double[] total = new double[hosts.size()];
        for (Map.Entry<Weigher, Double> w : config.multipliers().entrySet()) {
            double[] raw = new double[hosts.size()];
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < raw.length; i++) {
                raw[i] = w.getKey().raw(hosts.get(i));
                min = Math.min(min, raw[i]);
                max = Math.max(max, raw[i]);
            }
            double range = max - min;
            for (int i = 0; i < raw.length; i++) {
                double normalised = range == 0 ? 0.0 : (raw[i] - min) / range;
                total[i] += w.getValue() * normalised;
            }
        }
        List<Integer> order = new ArrayList<>(hosts.size());
        for (int i = 0; i < hosts.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -total[i]));
        List<HostState> ranked = new ArrayList<>(hosts.size());
        for (int i : order) {
            ranked.add(hosts.get(i));
        }
        return ranked;
    }

    /** No host passed the filters (Nova's {@code NoValidHost}). */
    public static final class NoValidHost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NoValidHost(String reason) {
            super("No valid host was found. " + reason, null, false, false);
        }
    }
}
