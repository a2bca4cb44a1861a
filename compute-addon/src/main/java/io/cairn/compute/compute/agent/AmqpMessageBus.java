package io.cairn.compute.compute.agent;

import io.cairn.common.concurrent.NamedThreadFactory;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bus over RabbitMQ (Spring AMQP), for an API, a scheduler and agents on different hosts: one durable queue
 * per topic ({@code cairn.compute.scheduler}, {@code cairn.compute.compute.<host>}) on the default exchange,
 * messages as JSON. A call uses RabbitMQ's direct reply-to. A host's queue outlives its agent, so work sent to a
 * dead agent waits there; the scheduler's watchdog fails the builds meanwhile.
 */
public final class AmqpMessageBus implements MessageBus {
    private static final System.Logger LOG = System.getLogger(AmqpMessageBus.class.getName());
    private static final String PREFIX = "cairn.compute.";

    private final CachingConnectionFactory connections;
    private final RabbitAdmin admin;
    private final RabbitTemplate template;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Set<String> declared = ConcurrentHashMap.newKeySet();
    private final Map<String, SimpleMessageListenerContainer> listeners = new ConcurrentHashMap<>();
    private final ExecutorService callers =
            Executors.newCachedThreadPool(NamedThreadFactory.numbered("compute-amqp-call"));

    public AmqpMessageBus(URI uri) {
        connections = new CachingConnectionFactory(uri);
        admin = new RabbitAdmin(connections);
        template = new RabbitTemplate(connections);
    }

    private String queue(String topic) {
        String name = PREFIX + topic;
        if (declared.add(name)) {
            admin.declareQueue(new Queue(name, true, false, false));
        }
        return name;
    }

    private Message encode(ComputeMessage m) {
        MessageProperties props = new MessageProperties();
        props.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        props.setDeliveryMode(org.springframework.amqp.core.MessageDeliveryMode.PERSISTENT);
        return new Message(json.writeValueAsBytes(m), props);
    }

    @Override
    public void cast(String topic, ComputeMessage message) {
        template.send("", queue(topic), encode(message));
    }

    @Override
    public CompletableFuture<String> call(String topic, ComputeMessage message, Duration timeout) {
        String q = queue(topic);
        return CompletableFuture.supplyAsync(
                () -> {
                    RabbitTemplate t = new RabbitTemplate(connections);
                    t.setReplyTimeout(timeout.toMillis());
                    Message reply = t.sendAndReceive("", q, encode(message));
                    if (reply == null) {
                        throw new IllegalStateException("no reply on " + topic + " within " + timeout);
                    }
                    return new String(reply.getBody(), java.nio.charset.StandardCharsets.UTF_8);
                },
                callers);
    }

    @Override
    public void listen(String topic, Function<ComputeMessage, String> handler) {
        SimpleMessageListenerContainer c = new SimpleMessageListenerContainer(connections);
        c.setQueueNames(queue(topic));
        // several at once: a QEMU boot takes a while and must not hold up other servers' work
        c.setConcurrentConsumers(4);
        c.setMessageListener(msg -> {
            ComputeMessage m = json.readValue(msg.getBody(), ComputeMessage.class);
            String reply;
            try {
                reply = handler.apply(m);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, topic + " failed on " + m.kind(), e);
                reply = "";
            }
            String replyTo = msg.getMessageProperties().getReplyTo();
            if (replyTo != null) {
                MessageProperties props = new MessageProperties();
                props.setCorrelationId(msg.getMessageProperties().getCorrelationId());
                template.send("", replyTo, new Message(reply.getBytes(java.nio.charset.StandardCharsets.UTF_8), props));
            }
        });
        c.start();
        SimpleMessageListenerContainer old = listeners.put(topic, c);
        if (old != null) {
            old.stop();
        }
    }

    @Override
    public void unlisten(String topic) {
        SimpleMessageListenerContainer c = listeners.remove(topic);
        if (c != null) {
            c.stop();
        }
    }

    @Override
    public void close() {
        for (SimpleMessageListenerContainer c : listeners.values()) {
            c.stop();
        }
        listeners.clear();
        callers.shutdownNow();
        connections.destroy();
    }
}
