package io.cairn.compute.compute;

import io.cairn.compute.compute.agent.AgentContext;
import io.cairn.compute.compute.agent.AmqpMessageBus;
import io.cairn.compute.compute.agent.ComputeRuntime;
import io.cairn.compute.compute.agent.LocalMessageBus;
import io.cairn.compute.compute.agent.MessageBus;
import io.cairn.compute.compute.api.ServerActionsController;
import io.cairn.compute.compute.api.ServerService;
import io.cairn.compute.compute.api.ServersController;
import io.cairn.compute.compute.driver.ComputeDriverFactory;
import io.cairn.compute.compute.driver.FakeDriver;
import io.cairn.compute.compute.driver.QemuDriver;
import io.cairn.compute.config.ComputeProperties;
import io.cairn.compute.system.ApiEndpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires the compute service: the image client, the message bus, and the scheduler and agents of this process. */
@Configuration(proxyBeanMethods = false)
public class ComputeConfiguration {
    @Bean
    ImageClient computeImageClient(ApiEndpoints endpoints, JsonMapper json) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        return new ImageClient(http, endpoints::imageUrl, json);
    }

    @Bean(destroyMethod = "close")
    MessageBus computeMessageBus(ComputeProperties properties) {
        return switch (properties.transport()) {
            case "local" -> new LocalMessageBus();
            case "amqp" -> {
                String uri = properties.amqpUri();
                if (uri == null || uri.isBlank()) {
                    throw new IllegalArgumentException("cairn.compute.transport=amqp needs cairn.compute.amqp-uri");
                }
                yield new AmqpMessageBus(java.net.URI.create(uri));
            }
            default ->
                throw new IllegalArgumentException(
                        "cairn.compute.transport must be local or amqp, got '" + properties.transport() + "'");
        };
    }

    @Bean
    ServerService.Stores computeStores(
            ServerRepository servers,
            FlavorRepository flavors,
            KeypairRepository keypairs,
            HostRepository hosts,
            QuotaRepository quotas,
            ActionRepository actions) {
        return new ServerService.Stores(servers, flavors, keypairs, hosts, quotas, actions);
    }

    @Bean
    ServerActionsController.Parts serverActionParts(
            ServerService service,
            ServerRepository servers,
            QuotaRepository quotas,
            ActionRepository actions,
            ImageClient images,
            ServersController controller) {
        return new ServerActionsController.Parts(service, servers, quotas, actions, images, controller);
    }

    @Bean
    AgentContext computeAgentContext(
            ServerService.Stores stores,
            ImageClient images,
            MessageBus bus,
            Clock clock,
            ComputeProperties properties) {
        return new AgentContext(stores.servers(), stores.hosts(), stores.actions(), images, bus, clock, properties);
    }

    @Bean(destroyMethod = "close")
    ComputeRuntime computeRuntime(AgentContext ctx, Clock clock, ObjectProvider<ComputeDriverFactory> custom) {
        ComputeDriverFactory factory = custom.getIfAvailable();
        return new ComputeRuntime(ctx, factory != null ? factory : drivers(ctx.properties(), clock));
    }

    private static ComputeDriverFactory fake(ComputeProperties p, Clock clock) {
        return host -> new FakeDriver(p.fakeVcpus(), p.fakeMemoryMb(), p.fakeDiskGb(), clock);
    }

    /**
     * QEMU when its binaries (and busybox, for the metadata forward) are installed; otherwise fake for "auto", a
     * startup failure for "qemu".
     */
    private static ComputeDriverFactory qemu(ComputeProperties p, boolean required) {
        String qemu = p.qemuBinary();
        String img = p.qemuImgBinary();
        String busybox = p.busyboxBinary();
        if (!Files.isExecutable(Path.of(qemu))
                || !Files.isExecutable(Path.of(img))
                || !Files.isExecutable(Path.of(busybox))) {
            if (required) {
                throw new IllegalStateException("cairn.compute.driver=qemu needs " + qemu + ", " + img + " and "
                        + busybox + " (apt-get install qemu-system-x86 qemu-utils busybox-static)");
            }
            return fake(p, Clock.systemUTC());
        }
        String path = p.instancesPath();
        Path instances;
        try {
            instances = path == null ? Files.createTempDirectory("cairn-instances") : Path.of(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean kvm = switch (p.qemuAccel()) {
            case "kvm" -> true;
            case "tcg" -> false;
            default -> QemuDriver.kvmUsable();
        };
        return host -> {
            try {
                return new QemuDriver(new QemuDriver.QemuSettings(
                        instances.resolve(host), qemu, img, busybox, kvm, p.bootTimeout(), path == null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** The driver each agent gets, per {@code cairn.compute.driver} (a registered factory bean wins: tests). */
    static ComputeDriverFactory drivers(ComputeProperties p, Clock clock) {
        return switch (p.driver()) {
            case "fake" -> fake(p, clock);
            case "qemu" -> qemu(p, true);
            case "auto" -> qemu(p, false);
            default ->
                throw new IllegalArgumentException(
                        "cairn.compute.driver must be fake, qemu or auto, got '" + p.driver() + "'");
        };
    }
}
