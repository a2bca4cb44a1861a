package io.cairn.compute.compute.agent;

import io.cairn.common.concurrent.NamedThreadFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The in-process bus: each message runs on its own (pooled) thread (a QEMU boot may take minutes; other servers'
 * work goes on meanwhile). A message to a topic nobody listens to is dropped, as on a queue whose consumer died.
 */
public final class LocalMessageBus implements MessageBus {
    private static final System.Logger LOG = System.getLogger(LocalMessageBus.class.getName());

    private final Map<String, Function<ComputeMessage, String>> handlers = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(NamedThreadFactory.numbered("compute-bus"));

    @Override
    public void cast(String topic, ComputeMessage message) {
        Function<ComputeMessage, String> h = handlers.get(topic);
        if (h == null) {
            LOG.log(System.Logger.Level.WARNING, "no consumer on " + topic + "; dropped " + message.kind());
            return;
        }
        executor.execute(() -> {
            try {
                String ignoredReply = h.apply(message); // a cast has nobody to answer
                LOG.log(System.Logger.Level.TRACE, () -> topic + " handled " + message.kind() + ignoredReply);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, topic + " failed on " + message.kind(), e);
            }
        });
    }

    @Override
    public CompletableFuture<String> call(String topic, ComputeMessage message, Duration timeout) {
        Function<ComputeMessage, String> h = handlers.get(topic);
        if (h == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no consumer on " + topic));
        }
        return CompletableFuture.supplyAsync(() -> h.apply(message), executor)
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void listen(String topic, Function<ComputeMessage, String> handler) {
        handlers.put(topic, handler);
    }

    @Override
    public void unlisten(String topic) {
        handlers.remove(topic);
    }

    @Override
    public void close() {
        handlers.clear();
        executor.shutdownNow();
    }
}
