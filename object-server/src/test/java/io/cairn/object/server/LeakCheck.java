package io.cairn.object.server;

import io.netty.buffer.AbstractByteBuf;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns Netty's ByteBuf leak reports (paranoid level under test) into test failures: a listener on the
 * detector every {@code ByteBuf} uses records each report; {@link #assertNoLeaks} collects garbage, lets
 * the detector drain its queue and fails when anything was reported.
 *
 * <p>Thread-safety: the record is synchronized; the listener is process-wide.
 */
final class LeakCheck {
    private static final List<String> LEAKS = new ArrayList<>();

    static {
        try {
            Field f = AbstractByteBuf.class.getDeclaredField("leakDetector");
            f.setAccessible(true);
            ResourceLeakDetector<?> detector = (ResourceLeakDetector<?>) f.get(null);
            detector.setLeakListener((type, records) -> {
                synchronized (LEAKS) {
                    LEAKS.add(type + ": " + records);
                }
            });
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private LeakCheck() {}

    /** Installs the listener (idempotent); call before the first buffer of a test. */
    static void install() {
        if (ResourceLeakDetector.getLevel() != ResourceLeakDetector.Level.PARANOID) {
            throw new IllegalStateException("run tests with -Dio.netty.leakDetection.level=paranoid");
        }
    }

    /** Fails when a leak was reported; first gives the collector and the detector a few chances to run. */
    static void assertNoLeaks() {
        for (int round = 0; round < 3; round++) {
            System.gc();
            System.runFinalization();
            // the detector polls its reference queue when a new buffer is tracked
            for (int i = 0; i < 32; i++) {
                ByteBuf b = PooledByteBufAllocator.DEFAULT.directBuffer(16);
                b.release();
            }
        }
        synchronized (LEAKS) {
            if (!LEAKS.isEmpty()) {
                String report = String.join("\n", LEAKS);
                LEAKS.clear();
                throw new AssertionError("Netty reported ByteBuf leaks:\n" + report);
            }
        }
    }
}
