package io.cairn.proxy.routing;

import java.util.Map;

/**
 * Swift's quorum arithmetic and response choice ({@code Controller.have_quorum}, {@code best_response},
 * {@code _compute_quorum_response}; reference §4.4): the classes 2xx, 3xx, 4xx are checked in that order;
 * the first with at least {@code quorum_size(n)} members wins and the answer is its <em>highest</em> status
 * (the first such response when several share it). Without a quorum the method's overrides (object
 * DELETE: 404 counts as 204) are applied and the check repeated, never choosing a faked entry as the
 * source; otherwise the answer is 503.
 *
 * <p>Thread-safety: stateless.
 */
public final class BestResponse {
    /** Returned by {@link #choose} when no class has a quorum: the caller answers 503. */
    public static final int NO_QUORUM = -1;

    private BestResponse() {}

    /** Swift's {@code quorum_size}: {@code (n + 1) // 2}. */
    public static int quorumSize(int n) {
        return (n + 1) / 2;
    }

    /**
     * Swift's {@code have_quorum}: whether the statuses collected so far, out of {@code nodeCount} requests,
     * already decide the answer (some class 1xx–4xx has a quorum).
     */
    public static boolean haveQuorum(int[] statuses, int count, int nodeCount) {
        int quorum = quorumSize(nodeCount);
        if (count < quorum) {
            return false;
        }
        for (int hundred = 100; hundred <= 400; hundred += 100) {
            if (countClass(statuses, count, hundred) >= quorum) {
                return true;
            }
        }
        return false;
    }

    /**
     * The index of the response to relay, or {@link #NO_QUORUM}.
     *
     * @param statuses one status per request, padded with 503 to the node count
     * @param overrides status replacements applied only when there is no quorum (may be empty)
     */
    public static int choose(int[] statuses, Map<Integer, Integer> overrides) {
        int quorum = quorumSize(statuses.length);
        int chosen = compute(statuses, quorum, null);
        if (chosen != NO_QUORUM || overrides.isEmpty()) {
            return chosen;
        }
        int[] transformed = statuses.clone();
        boolean[] faked = new boolean[statuses.length];
        for (int i = 0; i < statuses.length; i++) {
            Integer replacement = overrides.get(statuses[i]);
            if (replacement != null) {
                transformed[i] = replacement;
                faked[i] = true;
            }
        }
        return compute(transformed, quorum, faked);
    }

    /**
     * The status of {@link #choose}'s answer: the chosen response's own status, or 503 without quorum. An
     * index chosen after overrides still answers with its own (real) status, which is in the winning class.
     */
    public static int chooseStatus(int[] statuses, Map<Integer, Integer> overrides) {
        int i = choose(statuses, overrides);
        return i == NO_QUORUM ? 503 : statuses[i];
    }

    private static int compute(int[] statuses, int quorum, boolean @org.jspecify.annotations.Nullable [] avoid) {
        if (statuses.length == 0) {
            return NO_QUORUM;
        }
        for (int hundred = 200; hundred <= 400; hundred += 100) {
            if (countClass(statuses, statuses.length, hundred) < quorum) {
                continue;
            }
            int best = NO_QUORUM;
            for (int i = 0; i < statuses.length; i++) {
                int s = statuses[i];
                boolean inClass = s >= hundred && s < hundred + 100;
                if (inClass && (avoid == null || !avoid[i]) && (best == NO_QUORUM || s > statuses[best])) {
                    best = i;
                }
            }
            if (best != NO_QUORUM) {
                return best;
            }
        }
        return NO_QUORUM;
    }

    private static int countClass(int[] statuses, int count, int hundred) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (statuses[i] >= hundred && statuses[i] < hundred + 100) {
                n++;
            }
        }
        return n;
    }
}
