package io.cairn.common.path;

import io.cairn.common.time.DeleteAt;
import io.cairn.common.time.Timestamp;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The names of Swift 2.30's expirer queue (reference §8.2): the hidden account ({@code
 * auto_create_account_prefix + expiring_objects_account_name}, {@code .expiring_objects}), its task containers
 * ({@code get_expirer_container}: {@code %010d} of {@code delete_at // divisor * divisor - int(hash_path(a, c, o),
 * 16) % 100}) and task objects ({@code build_task_obj}: {@code <%010d delete_at>-<a>/<c>/<o>}), read back by
 * {@link #parseTaskObject} ({@code parse_task_obj}); and {@link #hashMod}, the expirer's split of tasks between
 * {@code processes}. The object server, the proxy and the expirer must agree on these byte for byte (a Swift
 * expirer works on Cairn's queue and the other way round); {@code ExpiringObjectsGoldenTest} compares them
 * with Swift's own functions.
 *
 * <p>Stateless and thread-safe.
 */
public final class ExpiringObjects {
    /** Swift's default {@code expiring_objects_account_name}. */
    public static final String DEFAULT_ACCOUNT_NAME = "expiring_objects";
    /** Swift's default {@code expiring_objects_container_divisor}: one task container per day (and shard). */
    public static final long DEFAULT_DIVISOR = 86_400;
    /** The content type of a task that asks for an unconditional delete (SLO's async segment deletes). */
    public static final String ASYNC_DELETE_TYPE = "application/async-deleted";

    private static final BigInteger HUNDRED = BigInteger.valueOf(100);

    private ExpiringObjects() {}

    /** One task, parsed from its name. */
    public record Task(Timestamp deleteAt, String account, String container, String object) {
        /** {@code a/c/o}: the expirer's {@code target_path}. */
        public String targetPath() {
            return account + "/" + container + "/" + object;
        }
    }

    /** The queue's account: {@code auto_create_account_prefix} + {@code expiring_objects_account_name}. */
    public static String account(String autoCreateAccountPrefix, String accountName) {
        return autoCreateAccountPrefix + (accountName.isEmpty() ? DEFAULT_ACCOUNT_NAME : accountName);
    }

    /**
     * {@code get_expirer_container} from the object's name hash ({@code hash_path(a, c, o)} in hex: its hash
     * directory's name).
     */
    public static String taskContainer(long deleteAt, long divisor, String nameHashHex) {
        int shard = new BigInteger(nameHashHex, 16).mod(HUNDRED).intValue();
        return DeleteAt.normalize(Math.floorDiv(deleteAt, divisor) * divisor - shard);
    }

    /** {@code get_expirer_container} from the raw md5 of {@code hash_path(a, c, o)}. */
    public static String taskContainer(long deleteAt, long divisor, byte[] nameMd5) {
        int shard = new BigInteger(1, nameMd5).mod(HUNDRED).intValue();
        return DeleteAt.normalize(Math.floorDiv(deleteAt, divisor) * divisor - shard);
    }

    /** {@code build_task_obj(delete_at, a, c, o)}. */
    public static String taskObject(long deleteAt, String account, String container, String object) {
        return DeleteAt.normalize(deleteAt) + "-" + account + "/" + container + "/" + object;
    }

    /**
     * {@code parse_task_obj}: {@code <timestamp>-<a>/<c>/<o>}, the object keeping any further {@code /}.
     *
     * @throws IllegalArgumentException when the name is not a task (Swift's {@code ValueError})
     */
    public static Task parseTaskObject(String name) {
        int dash = name.indexOf('-');
        if (dash < 0) {
            throw new IllegalArgumentException("not a task object name: " + name);
        }
        Timestamp deleteAt = Timestamp.parse(name.substring(0, dash));
        String path = name.substring(dash + 1);
        int first = path.indexOf('/');
        int second = first < 0 ? -1 : path.indexOf('/', first + 1);
        if (first <= 0 || second <= first + 1 || second == path.length() - 1) {
            throw new IllegalArgumentException("task object names no a/c/o: " + name);
        }
        return new Task(
                deleteAt, path.substring(0, first), path.substring(first + 1, second), path.substring(second + 1));
    }

    /** The expirer's {@code hash_mod}: {@code int(md5(name).hexdigest(), 16) % divisor}. */
    public static int hashMod(String name, int divisor) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(name.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, md5).mod(BigInteger.valueOf(divisor)).intValue();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
