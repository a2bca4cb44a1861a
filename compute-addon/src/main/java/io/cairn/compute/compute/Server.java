package io.cairn.compute.compute;

import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** One server (Nova's instance) row with its metadata; mutable while a request builds it. */
public final class Server {
    public String id = "";
    public String name = "";
    public String projectId = "";
    public String userId = "";
    public String imageId = "";
    public String flavorId = "";
    public int flavorRam;
    public int flavorVcpus;
    public int flavorDisk;
    public String vmState = VmState.BUILDING;
    public @Nullable String taskState;
    public int powerState;
    public @Nullable String host;
    public @Nullable String availabilityZone;
    public @Nullable String keyName;
    public @Nullable String keyData;
    public @Nullable String userData;
    public String accessIpv4 = "";
    public String accessIpv6 = "";
    public @Nullable String description;
    public String diskConfig = "MANUAL";
    public boolean locked;
    public String reservationId = "";
    public int launchIndex;
    public @Nullable String networks;
    public @Nullable Integer faultCode;
    public @Nullable String faultMessage;
    public @Nullable String faultDetails;
    public @Nullable Long faultAt;
    public long createdAt;
    public long updatedAt;
    public @Nullable Long launchedAt;
    public @Nullable Long terminatedAt;
    public boolean deleted;
    public final Map<String, String> metadata = new TreeMap<>();

    /** Nova's {@code status}: a function of vm_state and task_state. */
    public String status() {
        return VmState.status(vmState, taskState);
    }
}
