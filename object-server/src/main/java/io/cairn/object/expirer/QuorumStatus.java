package io.cairn.object.expirer;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Swift's proxy {@code best_response} over the statuses of one request's replicas ({@code
 * _compute_quorum_response}): the first class of 2xx, 3xx, 4xx with a quorum ({@code n // 2 + 1}) answers with
 * its highest status; without one, the overrides (DELETE's {@code 404 → 204}) are applied and the quorum sought
 * again, the answer then chosen among the statuses that were not overridden; 503 otherwise.
 *
 * <p>Stateless.
 */
final class QuorumStatus {
    private QuorumStatus() {}

    /** Swift's {@code quorum_size} for replicated policies and DBs: {@code n // 2 + 1}. */
    static int quorum(int n) {
        return n / 2 + 1;
    }

    static int bestResponse(List<Integer> statuses, Map<Integer, Integer> overrides) {
        int quorum = quorum(statuses.size());
        int found = compute(statuses, Set.of(), quorum);
        if (found > 0 || overrides.isEmpty()) {
            return found > 0 ? found : 503;
        }
        Set<Integer> faked = new HashSet<>();
        Integer[] transformed = statuses.toArray(new Integer[0]);
        for (int i = 0; i < transformed.length; i++) {
            Integer to = overrides.get(transformed[i]);
            if (to != null) {
                faked.add(i);
                transformed[i] = to;
            }
        }
        found = compute(List.of(transformed), faked, quorum);
        return found > 0 ? found : 503;
    }

    private static int compute(List<Integer> statuses, Set<Integer> avoid, int quorum) {
        if (statuses.isEmpty()) {
            return -1;
        }
        for (int hundred = 200; hundred <= 400; hundred += 100) {
            int count = 0;
            int best = -1;
            for (int i = 0; i < statuses.size(); i++) {
                int s = statuses.get(i);
                if (s >= hundred && s < hundred + 100) {
                    count++;
                    if (!avoid.contains(i)) {
                        best = Math.max(best, s);
                    }
                }
            }
            if (count >= quorum && best > 0) {
                return best;
            }
        }
        return -1;
    }
}
