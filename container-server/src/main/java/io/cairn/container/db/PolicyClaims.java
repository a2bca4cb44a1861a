package io.cairn.container.db;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code cmp_policy_info} (swift/container/reconciler.py): which of two replicas' storage policy
 * claims wins. If either was deleted (and is empty) the live one wins, else the later status change; if
 * either was recreated, the newest recreation; otherwise the oldest status change. Timestamps compare as
 * Swift's normalized internal strings do.
 *
 * <p>Stateless; thread-safe.
 */
final class PolicyClaims {
    private PolicyClaims() {}

    /** -1 if {@code info} is correct, 1 if {@code remote} is better, 0 when equal. */
    static int compare(Map<String, @Nullable Object> info, Map<String, @Nullable Object> remote) {
        boolean deleted = isDeleted(info);
        boolean remoteDeleted = isDeleted(remote);
        if (deleted || remoteDeleted) {
            if (!deleted) {
                return -1;
            }
            if (!remoteDeleted) {
                return 1;
            }
            return Integer.signum(str(remote, "status_changed_at").compareTo(str(info, "status_changed_at")));
        }
        boolean remoteRecreated = recreated(remote);
        boolean recreated = recreated(info);
        if (remoteRecreated || recreated) {
            if (!recreated) {
                return 1;
            }
            if (!remoteRecreated) {
                return -1;
            }
            String a = str(info, "delete_timestamp");
            String b = str(remote, "delete_timestamp");
            String lastDelete = a.compareTo(b) >= 0 ? a : b;
            if (str(info, "put_timestamp").compareTo(lastDelete) < 0) {
                return 1;
            }
            if (str(remote, "put_timestamp").compareTo(lastDelete) < 0) {
                return -1;
            }
        }
        return Integer.signum(str(info, "status_changed_at").compareTo(str(remote, "status_changed_at")));
    }

    private static boolean isDeleted(Map<String, @Nullable Object> info) {
        Object count = info.get("count");
        long n = count instanceof Number num ? num.longValue() : 0;
        return str(info, "delete_timestamp").compareTo(str(info, "put_timestamp")) > 0 && n == 0;
    }

    private static boolean recreated(Map<String, @Nullable Object> info) {
        String delete = str(info, "delete_timestamp");
        return str(info, "put_timestamp").compareTo(delete) > 0 && isAfterEpoch(delete);
    }

    private static boolean isAfterEpoch(String timestamp) {
        try {
            return Double.parseDouble(timestamp.split("_", 2)[0]) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String str(Map<String, @Nullable Object> info, String key) {
        return String.valueOf(info.get(key));
    }
}
