package io.cairn.compute.compute;

import io.cairn.compute.compute.agent.AgentContext;
import io.cairn.compute.compute.agent.ComputeRuntime;
import io.cairn.compute.compute.agent.LocalMessageBus;
import io.cairn.compute.compute.agent.MessageBus;
import io.cairn.compute.compute.api.ServerActionsController;
import io.cairn.compute.compute.api.ServerService;
import io.cairn.compute.compute.api.ServersController;
import io.cairn.compute.compute.driver.ComputeDriverFactory;
import io.cairn.compute.compute.driver.FakeDriver;
import io.cairn.compute.config.ComputeProperties;
import io.cairn.compute.system.ApiEndpoints;
import java.net.http.HttpClient;
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
        if (!properties.transport().equals("local")) {
            throw new IllegalArgumentException("cairn.compute.transport must be local (amqp is not built yet), got '"
                    + properties.transport() + "'");
        }
        return new LocalMessageBus();
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

    /** The driver each agent gets, per {@code cairn.compute.driver} (a registered factory bean wins: tests). */
    static ComputeDriverFactory drivers(ComputeProperties p, Clock clock) {
        return switch (p.driver()) {
            case "fake", "auto" -> host -> new FakeDriver(p.fakeVcpus(), p.fakeMemoryMb(), p.fakeDiskGb(), clock);
            default ->
                throw new IllegalArgumentException(
                        "cairn.compute.driver must be fake, qemu or auto, got '" + p.driver() + "'");
        };
    }
}
