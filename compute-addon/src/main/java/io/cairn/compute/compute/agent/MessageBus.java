package io.cairn.compute.compute.agent;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Topics between the compute parts: {@code scheduler} and {@code compute.<host>}. Casts are fire-and-forget;
 * a call waits for the handler's reply. In-process ({@link LocalMessageBus}) or over AMQP.
 */
public interface MessageBus extends AutoCloseable {
    String SCHEDULER = "scheduler";

    static String computeTopic(String host) {
        return "compute." + host;
    }

    void cast(String topic, ComputeMessage message);

    /** The handler's reply; fails if nobody answers within {@code timeout}. */
    CompletableFuture<String> call(String topic, ComputeMessage message, Duration timeout);

    /** Handles a topic's messages; the returned string is the reply to a call (ignored for casts). */
    void listen(String topic, Function<ComputeMessage, String> handler);

    /** Stops handling a topic (an agent going away). */
    void unlisten(String topic);

    @Override
    void close();
}
