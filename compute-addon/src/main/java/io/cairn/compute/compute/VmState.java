package io.cairn.compute.compute;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Nova's vm_state values, task states, power states and {@code status} mapping ({@code nova/compute/vm_states.py},
 * {@code task_states.py}, {@code power_state.py}, {@code _STATE_MAP} in {@code nova/api/openstack/common.py}).
 */
public final class VmState {
    public static final String BUILDING = "building";
    public static final String ACTIVE = "active";
    public static final String STOPPED = "stopped";
    public static final String PAUSED = "paused";
    public static final String SUSPENDED = "suspended";
    public static final String ERROR = "error";
    public static final String DELETED = "deleted";

    // task states
    public static final String SCHEDULING = "scheduling";
    public static final String SPAWNING = "spawning";
    public static final String REBOOTING = "rebooting";
    public static final String REBOOTING_HARD = "rebooting_hard";
    public static final String POWERING_OFF = "powering-off";
    public static final String POWERING_ON = "powering-on";
    public static final String PAUSING = "pausing";
    public static final String UNPAUSING = "unpausing";
    public static final String SUSPENDING = "suspending";
    public static final String RESUMING = "resuming";
    public static final String REBUILDING = "rebuilding";
    public static final String IMAGE_SNAPSHOT = "image_snapshot";
    public static final String DELETING = "deleting";

    /** Every task state above (a server's status depends on these; {@code ServerRepository} filters by them). */
    public static final List<String> TASK_STATES = List.of(
            SCHEDULING,
            SPAWNING,
            REBOOTING,
            REBOOTING_HARD,
            POWERING_OFF,
            POWERING_ON,
            PAUSING,
            UNPAUSING,
            SUSPENDING,
            RESUMING,
            REBUILDING,
            IMAGE_SNAPSHOT,
            DELETING);

    // power states
    public static final int NOSTATE = 0;
    public static final int RUNNING = 1;
    public static final int POWER_PAUSED = 3;
    public static final int SHUTDOWN = 4;
    public static final int CRASHED = 6;
    public static final int POWER_SUSPENDED = 7;

    private static final Map<String, String> ACTIVE_BY_TASK = Map.of(
            REBOOTING, "REBOOT",
            REBOOTING_HARD, "HARD_REBOOT",
            REBUILDING, "REBUILD");

    /** The vm_states a status filter means ({@code ?status=SHUTOFF} → stopped). */
    public static final Map<String, List<String>> STATES_BY_STATUS = Map.of(
            "BUILD", List.of(BUILDING),
            "ACTIVE", List.of(ACTIVE),
            "REBOOT", List.of(ACTIVE),
            "HARD_REBOOT", List.of(ACTIVE),
            "REBUILD", List.of(ACTIVE),
            "SHUTOFF", List.of(STOPPED),
            "PAUSED", List.of(PAUSED),
            "SUSPENDED", List.of(SUSPENDED),
            "ERROR", List.of(ERROR),
            "DELETED", List.of(DELETED));

    private VmState() {}

    public static String status(String vmState, @Nullable String taskState) {
        return switch (vmState) {
            case BUILDING -> "BUILD";
            case ACTIVE -> taskState == null ? "ACTIVE" : ACTIVE_BY_TASK.getOrDefault(taskState, "ACTIVE");
            case STOPPED -> taskState != null && taskState.equals(REBUILDING) ? "REBUILD" : "SHUTOFF";
            case PAUSED -> "PAUSED";
            case SUSPENDED -> "SUSPENDED";
            case ERROR -> taskState != null && taskState.equals(REBUILDING) ? "REBUILD" : "ERROR";
            case DELETED -> "DELETED";
            default -> "UNKNOWN";
        };
    }

    /** Whether a server's {@code progress} is shown (Nova shows it while building and active). */
    public static boolean showsProgress(String status) {
        return List.of("ACTIVE", "BUILD", "REBUILD", "REBOOT", "HARD_REBOOT").contains(status);
    }
}
