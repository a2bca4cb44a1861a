package io.cairn.compute.compute.api;

import io.cairn.common.token.TokenClaims;
import io.cairn.compute.compute.ActionRepository;
import io.cairn.compute.compute.ComputeHost;
import io.cairn.compute.compute.Flavor;
import io.cairn.compute.compute.FlavorRepository;
import io.cairn.compute.compute.HostRepository;
import io.cairn.compute.compute.ImageClient;
import io.cairn.compute.compute.KeypairRepository;
import io.cairn.compute.compute.QuotaRepository;
import io.cairn.compute.compute.Server;
import io.cairn.compute.compute.ServerRepository;
import io.cairn.compute.compute.VmState;
import io.cairn.compute.compute.agent.ComputeMessage;
import io.cairn.compute.compute.agent.MessageBus;
import io.cairn.compute.config.ComputeProperties;
import io.cairn.compute.system.ApiException;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Server create, lookup and delete: validation, quotas, the rows, and the messages to the scheduler and agents. */
@Service
public class ServerService {
    private static final String PASSWORD_CHARS = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final ServerRepository servers;
    private final FlavorRepository flavors;
    private final KeypairRepository keypairs;
    private final HostRepository hosts;
    private final QuotaRepository quotas;
    private final ActionRepository actions;
    private final ImageClient images;
    private final MessageBus bus;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ComputeProperties properties;
    private final SecureRandom random = new SecureRandom();

    /** The repositories the service writes. */
    public record Stores(
            ServerRepository servers,
            FlavorRepository flavors,
            KeypairRepository keypairs,
            HostRepository hosts,
            QuotaRepository quotas,
            ActionRepository actions) {}

    public ServerService(
            Stores stores,
            ImageClient images,
            MessageBus bus,
            TransactionTemplate tx,
            Clock clock,
            ComputeProperties properties) {
        this.servers = stores.servers();
        this.flavors = stores.flavors();
        this.keypairs = stores.keypairs();
        this.hosts = stores.hosts();
        this.quotas = stores.quotas();
        this.actions = stores.actions();
        this.images = images;
        this.bus = bus;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
    }

    /** What a create made. */
    record Created(List<Server> servers, String adminPass) {}

    Created create(TokenClaims c, String token, String requestId, CreateRequest r)
            throws IOException, InterruptedException {
        String project = project(c);
        Flavor flavor = flavors.find(Bodies.lastSegment(r.flavorRef()))
                .filter(f -> flavors.canUse(f, project) || c.hasRole("admin"))
                .orElseThrow(() -> ApiException.badRequest("Invalid flavorRef provided."));
        String imageId = Bodies.lastSegment(r.imageRef());
        JsonNode image =
                images.show(token, imageId).orElseThrow(() -> ApiException.badRequest("Can not find requested image"));
        checkImage(image, imageId, flavor);
        String keyData = null;
        if (r.keyName() != null) {
            keyData = keypairs.find(c.userId(), r.keyName())
                    .orElseThrow(() -> ApiException.badRequest("Invalid key_name provided."))
                    .publicKey();
        }
        if (r.availabilityZone() != null
                && hosts.all().stream().noneMatch(h -> h.availabilityZone().equals(r.availabilityZone()))) {
            throw ApiException.badRequest("The requested availability zone is not available");
        }
        int metadataLimit = quotas.limit(project, QuotaRepository.METADATA_ITEMS);
        if (metadataLimit >= 0 && r.metadata().size() > metadataLimit) {
            throw ApiException.forbidden("Quota exceeded for metadata_items: Requested "
                    + r.metadata().size() + ", but already used 0 of " + metadataLimit + " metadata_items");
        }
        String reservation = "r-" + randomString(8).toLowerCase(java.util.Locale.ROOT);
        String adminPass = randomString(12);
        String finalKeyData = keyData;
        List<Server> made = tx.execute(s -> {
            quotas.lockProject(project); // concurrent creations in the project take turns: no quota overshoot
            int count = allowedCount(project, flavor, r.minCount(), r.maxCount());
            List<Server> list = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Server made1 = newServer(c, r, flavor, imageId, finalKeyData, reservation, i);
                if (count > 1) {
                    made1.name = r.name() + "-" + (i + 1);
                }
                list.add(made1);
            }
            servers.insert(list);
            return list;
        });
        List<Server> created = made == null ? List.of() : made;
        Map<String, String> args = new HashMap<>();
        args.put("servers", String.join(",", created.stream().map(s -> s.id).toList()));
        for (var e : image.properties()) {
            if (e.getValue().isString()) {
                args.put("image." + e.getKey(), e.getValue().asString());
            }
        }
        for (Server s : created) {
            actions.start(s.id, requestId, "create", project, c.userId(), s.createdAt);
        }
        bus.cast(MessageBus.SCHEDULER, new ComputeMessage("schedule", created.get(0).id, args, token, requestId));
        return new Created(created, adminPass);
    }

    private static void checkImage(JsonNode image, String imageId, Flavor flavor) {
        if (!"active".equals(image.path("status").asString(""))) {
            throw ApiException.badRequest("Image " + imageId + " is not active.");
        }
        long gb = 1L << 30;
        int minRam = image.path("min_ram").asInt(0);
        int minDisk = image.path("min_disk").asInt(0);
        long size = image.path("size").asLong(0);
        if (flavor.ram() < minRam) {
            throw ApiException.badRequest("Flavor's memory is too small for requested image.");
        }
        if (flavor.disk() > 0 && flavor.disk() < minDisk) {
            throw ApiException.badRequest("Flavor's disk is too small for requested image. Flavor disk is "
                    + flavor.disk() * gb + " bytes, minimum required by image is " + minDisk * gb + " bytes.");
        }
        if (flavor.disk() > 0 && size > flavor.disk() * gb) {
            throw ApiException.badRequest("Flavor's disk is too small for requested image. Flavor disk is "
                    + flavor.disk() * gb + " bytes, image is " + size + " bytes.");
        }
    }

    /** How many servers fit the project's quotas: max_count if it fits, down to min_count; 403 below that. */
    private int allowedCount(String project, Flavor flavor, int min, int max) {
        Map<String, Integer> limits = quotas.limits(project);
        int[] used = servers.projectUsage(project);
        int fit = max;
        String[] names = {QuotaRepository.INSTANCES, QuotaRepository.CORES, QuotaRepository.RAM};
        int[] per = {1, flavor.vcpus(), flavor.ram()};
        for (int i = 0; i < names.length; i++) {
            int limit = limits.getOrDefault(names[i], -1);
            if (limit < 0 || per[i] == 0) {
                continue;
            }
            int room = Math.max(0, (limit - used[i]) / per[i]);
            if (room < min) {
                throw ApiException.forbidden("Quota exceeded for " + names[i] + ": Requested " + (long) per[i] * min
                        + ", but already used " + used[i] + " of " + limit + " " + names[i]);
            }
            fit = Math.min(fit, room);
        }
        return fit;
    }

    private Server newServer(
            TokenClaims c,
            CreateRequest r,
            Flavor flavor,
            String imageId,
            @Nullable String keyData,
            String reservation,
            int index) {
        long now = clock.millis();
        Server s = new Server();
        s.id = UUID.randomUUID().toString();
        s.name = r.name();
        s.projectId = project(c);
        s.userId = c.userId();
        s.imageId = imageId;
        s.flavorId = flavor.id();
        s.flavorRam = flavor.ram();
        s.flavorVcpus = flavor.vcpus();
        s.flavorDisk = flavor.disk();
        s.vmState = VmState.BUILDING;
        s.taskState = VmState.SCHEDULING;
        s.availabilityZone = r.availabilityZone();
        s.keyName = r.keyName();
        s.keyData = keyData;
        s.userData = r.userData();
        s.accessIpv4 = r.accessIpv4();
        s.accessIpv6 = r.accessIpv6();
        s.description = r.description();
        s.diskConfig = r.diskConfig();
        s.reservationId = reservation;
        s.launchIndex = index;
        s.networks = r.networks();
        s.createdAt = now;
        s.updatedAt = now;
        s.metadata.putAll(r.metadata());
        return s;
    }

    private String randomString(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(PASSWORD_CHARS.charAt(random.nextInt(PASSWORD_CHARS.length())));
        }
        return sb.toString();
    }

    static String project(TokenClaims c) {
        String p = c.projectId();
        if (p == null) {
            throw ApiException.forbidden("The compute API needs a project-scoped token.");
        }
        return p;
    }

    /** A server the caller may see (its project's; any for admins); 404 otherwise, as Nova. */
    Server get(TokenClaims c, String id) {
        Server s = servers.find(id).orElse(null);
        if (s == null || (!c.hasRole("admin") && !s.projectId.equals(project(c)))) {
            throw ApiException.notFound("Instance " + id + " could not be found.");
        }
        return s;
    }

    /** The host's status for {@code host_status} (2.16): UP, DOWN, MAINTENANCE (disabled) or UNKNOWN. */
    @Nullable
    String hostStatus(Server s) {
        if (s.host == null) {
            return null;
        }
        ComputeHost h = hosts.find(s.host).orElse(null);
        if (h == null) {
            return "UNKNOWN";
        }
        if (h.disabled()) {
            return "MAINTENANCE";
        }
        return h.isUp(clock.millis(), properties.serviceDownTime().toMillis()) ? "UP" : "DOWN";
    }

    void delete(TokenClaims c, String id, String token, String requestId) {
        Server s = get(c, id);
        if (s.locked && !c.hasRole("admin")) {
            throw ApiException.conflict("Instance " + id + " is locked");
        }
        actions.start(id, requestId, "delete", s.projectId, c.userId(), clock.millis());
        if (s.host == null || !agentListening(s.host)) {
            // never placed (scheduling failed or pending) or its host is gone: nothing to tear down but the row
            markDeleted(s);
            return;
        }
        servers.startTask(
                id,
                List.of(
                        VmState.BUILDING,
                        VmState.ACTIVE,
                        VmState.STOPPED,
                        VmState.PAUSED,
                        VmState.SUSPENDED,
                        VmState.ERROR),
                true,
                VmState.DELETING,
                clock.millis());
        bus.cast(MessageBus.computeTopic(s.host), new ComputeMessage("delete", id, Map.of(), token, requestId));
    }

    private boolean agentListening(String host) {
        return hosts.find(host)
                .map(h -> h.isUp(clock.millis(), properties.serviceDownTime().toMillis()))
                .orElse(false);
    }

    private void markDeleted(Server s) {
        long now = clock.millis();
        s.vmState = VmState.DELETED;
        s.taskState = null;
        s.deleted = true;
        s.terminatedAt = now;
        s.updatedAt = now;
        servers.updateState(s);
    }

    /** Starts an action the state machine allows (409 otherwise) and sends it to the server's agent. */
    void act(TokenClaims c, Server s, ActionRule rule, Map<String, String> args, String token, String requestId) {
        if (s.locked && !c.hasRole("admin")) {
            throw ApiException.conflict("Instance " + s.id + " is locked");
        }
        if (!rule.vmStates().contains(s.vmState) || (!rule.anyTask() && s.taskState != null) || s.host == null) {
            throw conflict(rule.name(), s);
        }
        if (!servers.startTask(s.id, rule.vmStates(), rule.anyTask(), rule.task(), clock.millis())) {
            throw conflict(rule.name(), servers.find(s.id).orElse(s));
        }
        actions.start(s.id, requestId, rule.name(), s.projectId, c.userId(), clock.millis());
        bus.cast(MessageBus.computeTopic(s.host), new ComputeMessage(rule.message(), s.id, args, token, requestId));
    }

    private static ApiException conflict(String action, Server s) {
        String attr = s.taskState != null ? "task_state" : "vm_state";
        String state = s.taskState != null ? s.taskState : s.vmState;
        return new ApiException(
                HttpStatus.CONFLICT,
                "Cannot '" + action + "' instance " + s.id + " while it is in " + attr + " " + state);
    }

    /** The guest's console, asked of its agent. */
    String console(Server s, int length, String token, String requestId) {
        if (s.host == null || s.vmState.equals(VmState.BUILDING)) {
            throw ApiException.conflict("Instance " + s.id + " has no console yet: it is " + s.status() + ".");
        }
        try {
            return bus.call(
                            MessageBus.computeTopic(s.host),
                            new ComputeMessage(
                                    "console", s.id, Map.of("length", String.valueOf(length)), token, requestId),
                            java.time.Duration.ofSeconds(30))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Interrupted while reading the console.");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new ApiException(
                    HttpStatus.CONFLICT, "The console of instance " + s.id + " is not available: " + e.getCause());
        }
    }
}
