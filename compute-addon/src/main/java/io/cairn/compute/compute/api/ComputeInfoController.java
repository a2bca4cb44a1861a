package io.cairn.compute.compute.api;

import io.cairn.common.token.TokenClaims;
import io.cairn.compute.compute.ComputeHost;
import io.cairn.compute.compute.HostRepository;
import io.cairn.compute.compute.QuotaRepository;
import io.cairn.compute.compute.ServerRepository;
import io.cairn.compute.config.ComputeProperties;
import io.cairn.compute.identity.RequestAuthenticator;
import io.cairn.compute.system.ApiException;
import io.cairn.compute.system.Blocking;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code os-availability-zone}, {@code os-hypervisors} (admin), {@code limits}, {@code os-quota-sets}. */
@RestController
@RequestMapping("/compute/v2.1")
public class ComputeInfoController {
    private final HostRepository hosts;
    private final ServerRepository servers;
    private final QuotaRepository quotas;
    private final RequestAuthenticator auth;
    private final ComputeProperties properties;
    private final Clock clock;
    private final JsonMapper json;

    public ComputeInfoController(
            HostRepository hosts,
            ServerRepository servers,
            QuotaRepository quotas,
            RequestAuthenticator auth,
            ComputeProperties properties,
            Clock clock) {
        this.hosts = hosts;
        this.servers = servers;
        this.quotas = quotas;
        this.auth = auth;
        this.properties = properties;
        this.clock = clock;
        this.json = JsonMapper.builder().build();
    }

    private boolean up(ComputeHost h) {
        return h.isUp(clock.millis(), properties.serviceDownTime().toMillis());
    }

    // ---- availability zones

    @GetMapping("/os-availability-zone")
    public Mono<Map<String, Object>> zones(ServerWebExchange exchange) {
        return auth.authenticate(exchange.getRequest()).flatMap(c -> Blocking.call(() -> zoneList(false)));
    }

    @GetMapping("/os-availability-zone/detail")
    public Mono<Map<String, Object>> zonesDetail(ServerWebExchange exchange) {
        return auth.admin(exchange.getRequest()).flatMap(c -> Blocking.call(() -> zoneList(true)));
    }

    private Map<String, Object> zoneList(boolean detail) {
        Map<String, List<ComputeHost>> byZone = new TreeMap<>();
        for (ComputeHost h : hosts.all()) {
            byZone.computeIfAbsent(h.availabilityZone(), z -> new ArrayList<>()).add(h);
        }
        List<Object> out = new ArrayList<>();
        for (Map.Entry<String, List<ComputeHost>> e : byZone.entrySet()) {
            boolean available = e.getValue().stream().anyMatch(h -> up(h) && !h.disabled());
            Map<String, @Nullable Object> z = new LinkedHashMap<>();
            z.put("zoneName", e.getKey());
            z.put("zoneState", Map.of("available", available));
            Map<String, Object> hostMap = new LinkedHashMap<>();
            for (ComputeHost h : e.getValue()) {
                hostMap.put(
                        h.host(),
                        Map.of(
                                "nova-compute",
                                Map.of(
                                        "available",
                                        up(h),
                                        "active",
                                        !h.disabled(),
                                        "updated_at",
                                        String.valueOf(NovaTime.micros(h.heartbeatAt())))));
            }
            z.put("hosts", detail ? hostMap : null);
            out.add(z);
        }
        return Map.of("availabilityZoneInfo", out);
    }

    // ---- hypervisors

    @GetMapping("/os-hypervisors")
    public Mono<Map<String, Object>> hypervisors(ServerWebExchange exchange) {
        return auth.admin(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> hypervisorList(false, NovaVersion.of(exchange))));
    }

    @GetMapping("/os-hypervisors/detail")
    public Mono<Map<String, Object>> hypervisorsDetail(ServerWebExchange exchange) {
        return auth.admin(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> hypervisorList(true, NovaVersion.of(exchange))));
    }

    @GetMapping("/os-hypervisors/{id}")
    public Mono<Map<String, Object>> hypervisor(ServerWebExchange exchange, @PathVariable String id) {
        NovaVersion v = NovaVersion.of(exchange);
        return auth.admin(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> {
                    Map<String, int[]> usage = servers.usageByHost();
                    for (ComputeHost h : hosts.all()) {
                        if (String.valueOf(h.id()).equals(id)) {
                            return Map.of("hypervisor", hypervisor(h, true, usage, v));
                        }
                    }
                    throw ApiException.notFound("Hypervisor with ID " + id + " could not be found.");
                }));
    }

    private Map<String, Object> hypervisorList(boolean detail, NovaVersion v) {
        Map<String, int[]> usage = servers.usageByHost();
        List<Object> out = new ArrayList<>();
        for (ComputeHost h : hosts.all()) {
            out.add(hypervisor(h, detail, usage, v));
        }
        return Map.of("hypervisors", out);
    }

    private Map<String, @Nullable Object> hypervisor(
            ComputeHost h, boolean detail, Map<String, int[]> usage, NovaVersion v) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("hypervisor_hostname", h.host());
        m.put("id", h.id());
        m.put("state", up(h) ? "up" : "down");
        m.put("status", h.disabled() ? "disabled" : "enabled");
        if (!detail) {
            return m;
        }
        int[] used = usage.getOrDefault(h.host(), new int[4]);
        m.put("cpu_info", v.atLeast(28) ? json.readTree(h.cpuInfo()) : h.cpuInfo());
        m.put("current_workload", 0);
        m.put("disk_available_least", h.localGb() - used[2]);
        m.put("host_ip", h.hostIp());
        m.put("free_disk_gb", h.localGb() - used[2]);
        m.put("free_ram_mb", h.memoryMb() - used[0]);
        m.put("hypervisor_type", h.hypervisorType());
        m.put("hypervisor_version", h.hypervisorVersion());
        m.put("local_gb", h.localGb());
        m.put("local_gb_used", used[2]);
        m.put("memory_mb", h.memoryMb());
        m.put("memory_mb_used", used[0]);
        m.put("running_vms", used[3]);
        m.put(
                "service",
                Map.of(
                        "host",
                        h.host(),
                        "id",
                        h.id(),
                        "disabled_reason",
                        h.disabledReason() == null ? "" : h.disabledReason()));
        m.put("vcpus", h.vcpus());
        m.put("vcpus_used", used[1]);
        return m;
    }

    // ---- limits and quotas

    @GetMapping("/limits")
    public Mono<Map<String, Object>> limits(ServerWebExchange exchange) {
        NovaVersion v = NovaVersion.of(exchange);
        return auth.authenticate(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> {
                    String project = ServerService.project(c);
                    Map<String, Integer> l = quotas.limits(project);
                    int[] used = servers.projectUsage(project);
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("maxImageMeta", 128);
                    a.put("maxPersonality", 5);
                    a.put("maxPersonalitySize", 10240);
                    if (!v.atLeast(36)) {
                        a.put("maxSecurityGroupRules", 20);
                        a.put("maxSecurityGroups", 10);
                        a.put("maxTotalFloatingIps", 10);
                    }
                    a.put("maxServerMeta", l.get(QuotaRepository.METADATA_ITEMS));
                    a.put("maxTotalCores", l.get(QuotaRepository.CORES));
                    a.put("maxTotalInstances", l.get(QuotaRepository.INSTANCES));
                    a.put("maxTotalKeypairs", l.get(QuotaRepository.KEY_PAIRS));
                    a.put("maxTotalRAMSize", l.get(QuotaRepository.RAM));
                    a.put("maxServerGroups", 10);
                    a.put("maxServerGroupMembers", 10);
                    a.put("totalCoresUsed", used[1]);
                    a.put("totalInstancesUsed", used[0]);
                    a.put("totalRAMUsed", used[2]);
                    if (!v.atLeast(36)) {
                        a.put("totalSecurityGroupsUsed", 0);
                        a.put("totalFloatingIpsUsed", 0);
                    }
                    a.put("totalServerGroupsUsed", 0);
                    return Map.of("limits", Map.of("absolute", a, "rate", List.of()));
                }));
    }

    private static Map<String, Object> quotaSet(@Nullable String id, Map<String, Integer> l, NovaVersion v) {
        Map<String, Object> q = new LinkedHashMap<>();
        if (id != null) {
            q.put("id", id);
        }
        q.put("cores", l.get(QuotaRepository.CORES));
        if (!v.atLeast(36)) {
            q.put("fixed_ips", -1);
            q.put("floating_ips", 10);
        }
        q.put("injected_file_content_bytes", 10240);
        q.put("injected_file_path_bytes", 255);
        q.put("injected_files", 5);
        q.put("instances", l.get(QuotaRepository.INSTANCES));
        q.put("key_pairs", l.get(QuotaRepository.KEY_PAIRS));
        q.put("metadata_items", l.get(QuotaRepository.METADATA_ITEMS));
        q.put("ram", l.get(QuotaRepository.RAM));
        if (!v.atLeast(36)) {
            q.put("security_group_rules", 20);
            q.put("security_groups", 10);
        }
        q.put("server_groups", 10);
        q.put("server_group_members", 10);
        return q;
    }

    private static void ownOrAdmin(TokenClaims c, String project) {
        if (!c.hasRole("admin") && !project.equals(c.projectId())) {
            throw ApiException.forbidden("Policy doesn't allow os_compute_api:os-quota-sets:show to be performed.");
        }
    }

    @GetMapping("/os-quota-sets/{project}")
    public Mono<Map<String, Object>> quota(ServerWebExchange exchange, @PathVariable String project) {
        NovaVersion v = NovaVersion.of(exchange);
        return auth.authenticate(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> {
                    ownOrAdmin(c, project);
                    return Map.of("quota_set", quotaSet(project, quotas.limits(project), v));
                }));
    }

    @GetMapping("/os-quota-sets/{project}/defaults")
    public Mono<Map<String, Object>> quotaDefaults(ServerWebExchange exchange, @PathVariable String project) {
        NovaVersion v = NovaVersion.of(exchange);
        return auth.authenticate(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> Map.of("quota_set", quotaSet(project, quotas.defaults(), v))));
    }

    @PutMapping("/os-quota-sets/{project}")
    public Mono<Map<String, Object>> updateQuota(
            ServerWebExchange exchange,
            @PathVariable String project,
            @RequestBody(required = false) @Nullable JsonNode body) {
        NovaVersion v = NovaVersion.of(exchange);
        return auth.admin(exchange.getRequest())
                .flatMap(c -> Blocking.call(() -> {
                    JsonNode q = Bodies.object(body, "quota_set");
                    Map<String, Integer> values = new LinkedHashMap<>();
                    for (String name : q.propertyNames()) {
                        if (name.equals("force")) {
                            continue;
                        }
                        if (!quotas.defaults().containsKey(name)) {
                            throw ApiException.badRequest("Bad key(s) " + name + " in quota_set");
                        }
                        values.put(name, Bodies.integer(q, name, -1, -1, Integer.MAX_VALUE));
                    }
                    quotas.set(project, values);
                    return Map.of("quota_set", quotaSet(null, quotas.limits(project), v));
                }));
    }

    @DeleteMapping("/os-quota-sets/{project}")
    public Mono<ResponseEntity<Void>> resetQuota(ServerWebExchange exchange, @PathVariable String project) {
        return auth.admin(exchange.getRequest())
                .flatMap(c -> Blocking.run(() -> quotas.reset(project)))
                .thenReturn(ResponseEntity.accepted().build());
    }
}
