package io.cairn.compute.compute.api;

import io.cairn.compute.compute.Server;
import io.cairn.compute.compute.VmState;
import io.cairn.compute.system.ApiEndpoints;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The server document per microversion, as Nova's {@code views/servers.py} at 2.1..2.37: the 2.1 body, admin-only
 * {@code OS-EXT-SRV-ATTR:*} (more of them from 2.3), {@code locked} (2.9), {@code host_status} (2.16, admin),
 * {@code description} (2.19), {@code tags} (2.26).
 */
@Component
public final class ServerViews {
    private final ApiEndpoints endpoints;

    public ServerViews(ApiEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** Who looks and what they may see. */
    record Viewer(NovaVersion version, boolean admin) {}

    List<Map<String, Object>> links(String collection, String id) {
        return List.of(
                Map.of("rel", "self", "href", endpoints.computeUrl() + "/" + collection + "/" + id),
                Map.of("rel", "bookmark", "href", endpoints.computeRoot() + "/" + collection + "/" + id));
    }

    Map<String, Object> brief(Server s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id);
        m.put("links", links("servers", s.id));
        m.put("name", s.name);
        return m;
    }

    Map<String, @Nullable Object> detail(Server s, Viewer viewer, @Nullable String hostStatus) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        String status = s.status();
        m.put("id", s.id);
        m.put("name", s.name);
        m.put("status", status);
        m.put("tenant_id", s.projectId);
        m.put("user_id", s.userId);
        m.put("metadata", s.metadata);
        m.put("hostId", hostId(s));
        m.put("image", Map.of("id", s.imageId, "links", List.of(bookmark("images", s.imageId))));
        m.put("flavor", Map.of("id", s.flavorId, "links", List.of(bookmark("flavors", s.flavorId))));
        m.put("created", NovaTime.iso(s.createdAt));
        m.put("updated", NovaTime.iso(s.updatedAt));
        m.put("addresses", Map.of());
        m.put("accessIPv4", s.accessIpv4);
        m.put("accessIPv6", s.accessIpv6);
        m.put("links", links("servers", s.id));
        m.put("OS-DCF:diskConfig", s.diskConfig);
        if (VmState.showsProgress(status)) {
            m.put("progress", 0);
        }
        m.put("OS-EXT-AZ:availability_zone", s.availabilityZone == null ? "" : s.availabilityZone);
        m.put("config_drive", "");
        m.put("key_name", s.keyName);
        m.put("OS-SRV-USG:launched_at", NovaTime.micros(s.launchedAt));
        m.put("OS-SRV-USG:terminated_at", NovaTime.micros(s.terminatedAt));
        m.put("security_groups", List.of(Map.of("name", "default")));
        m.put("OS-EXT-STS:task_state", s.taskState);
        m.put("OS-EXT-STS:vm_state", s.vmState);
        m.put("OS-EXT-STS:power_state", s.powerState);
        m.put("os-extended-volumes:volumes_attached", List.of());
        if (viewer.admin()) {
            adminAttributes(m, s, viewer.version());
        }
        if (s.faultMessage != null && (status.equals("ERROR") || status.equals("DELETED"))) {
            m.put("fault", fault(s, viewer.admin()));
        }
        versioned(m, s, viewer, hostStatus);
        return m;
    }

    private static void versioned(
            Map<String, @Nullable Object> m, Server s, Viewer viewer, @Nullable String hostStatus) {
        NovaVersion v = viewer.version();
        if (v.atLeast(9)) {
            m.put("locked", s.locked);
        }
        if (v.atLeast(16) && viewer.admin() && s.host != null) {
            m.put("host_status", hostStatus == null ? "" : hostStatus);
        }
        if (v.atLeast(19)) {
            m.put("description", s.description);
        }
        if (v.atLeast(26)) {
            m.put("tags", List.of());
        }
    }

    private static void adminAttributes(Map<String, @Nullable Object> m, Server s, NovaVersion v) {
        m.put("OS-EXT-SRV-ATTR:host", s.host);
        m.put("OS-EXT-SRV-ATTR:hypervisor_hostname", s.host);
        m.put("OS-EXT-SRV-ATTR:instance_name", "instance-" + s.id.substring(0, 8));
        if (v.atLeast(3)) {
            m.put("OS-EXT-SRV-ATTR:reservation_id", s.reservationId);
            m.put("OS-EXT-SRV-ATTR:launch_index", s.launchIndex);
            m.put(
                    "OS-EXT-SRV-ATTR:hostname",
                    s.name.replaceAll("[^A-Za-z0-9-]", "-").toLowerCase(java.util.Locale.ROOT));
            m.put("OS-EXT-SRV-ATTR:kernel_id", "");
            m.put("OS-EXT-SRV-ATTR:ramdisk_id", "");
            m.put("OS-EXT-SRV-ATTR:root_device_name", "/dev/vda");
            m.put("OS-EXT-SRV-ATTR:user_data", s.userData);
        }
    }

    /** Nova shows {@code details} to admins only (and to owners for non-500 faults). */
    private static Map<String, @Nullable Object> fault(Server s, boolean admin) {
        Map<String, @Nullable Object> f = new LinkedHashMap<>();
        int code = s.faultCode == null ? 500 : s.faultCode;
        f.put("code", code);
        f.put("created", NovaTime.iso(s.faultAt == null ? s.updatedAt : s.faultAt));
        f.put("message", s.faultMessage);
        if (admin || code != 500) {
            f.put("details", s.faultDetails == null ? "" : s.faultDetails);
        }
        return f;
    }

    private Map<String, Object> bookmark(String collection, String id) {
        return Map.of("rel", "bookmark", "href", endpoints.computeRoot() + "/" + collection + "/" + id);
    }

    /** Nova's {@code hostId}: sha224 of project id + host, so a project sees co-location without host names. */
    static String hostId(Server s) {
        if (s.host == null) {
            return "";
        }
        try {
            MessageDigest sha224 = MessageDigest.getInstance("SHA-224");
            return HexFormat.of().formatHex(sha224.digest((s.projectId + s.host).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
