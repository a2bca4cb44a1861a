package io.cairn.object.update;

import io.cairn.common.path.ExpiringObjects;

/**
 * Where the object server queues expiring objects: the queue's account ({@code auto_create_account_prefix} +
 * {@code expiring_objects_account_name}, {@code .expiring_objects}) and {@code expiring_objects_container_divisor}
 * (seconds per task container), Swift's object-server keys.
 *
 * @param account the queue's account
 * @param divisor seconds of {@code X-Delete-At} per task container, at least 1
 */
public record ExpirerQueue(String account, long divisor) {
    /** Swift's defaults: {@code .expiring_objects}, 86400. */
    public static final ExpirerQueue DEFAULT =
            new ExpirerQueue(ExpiringObjects.account(".", ExpiringObjects.DEFAULT_ACCOUNT_NAME), 86_400);

    /** Checks the divisor. */
    public ExpirerQueue {
        if (divisor < 1) {
            throw new IllegalArgumentException("expiring_objects_container_divisor must be at least 1: " + divisor);
        }
    }
}
