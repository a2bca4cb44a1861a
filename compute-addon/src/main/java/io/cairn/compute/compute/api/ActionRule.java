package io.cairn.compute.compute.api;

import io.cairn.compute.compute.VmState;
import java.util.List;

/**
 * One server action's place in the state machine ({@code nova/compute/api.py}'s {@code check_instance_state}):
 * the vm_states it is allowed from, whether a pending task blocks it, the task it sets, the agent message.
 */
record ActionRule(String name, List<String> vmStates, boolean anyTask, String task, String message) {
    static final ActionRule REBOOT_SOFT =
            new ActionRule("reboot", List.of(VmState.ACTIVE), false, VmState.REBOOTING, "reboot");
    static final ActionRule REBOOT_HARD = new ActionRule(
            "reboot",
            List.of(VmState.ACTIVE, VmState.STOPPED, VmState.PAUSED, VmState.SUSPENDED, VmState.ERROR),
            true,
            VmState.REBOOTING_HARD,
            "reboot");
    static final ActionRule STOP =
            new ActionRule("stop", List.of(VmState.ACTIVE, VmState.ERROR), false, VmState.POWERING_OFF, "stop");
    static final ActionRule START =
            new ActionRule("start", List.of(VmState.STOPPED), false, VmState.POWERING_ON, "start");
    static final ActionRule PAUSE = new ActionRule("pause", List.of(VmState.ACTIVE), false, VmState.PAUSING, "pause");
    static final ActionRule UNPAUSE =
            new ActionRule("unpause", List.of(VmState.PAUSED), false, VmState.UNPAUSING, "unpause");
    static final ActionRule SUSPEND =
            new ActionRule("suspend", List.of(VmState.ACTIVE), false, VmState.SUSPENDING, "suspend");
    static final ActionRule RESUME =
            new ActionRule("resume", List.of(VmState.SUSPENDED), false, VmState.RESUMING, "resume");
    static final ActionRule REBUILD = new ActionRule(
            "rebuild", List.of(VmState.ACTIVE, VmState.STOPPED, VmState.ERROR), false, VmState.REBUILDING, "rebuild");
    static final ActionRule CREATE_IMAGE = new ActionRule(
            "createImage",
            List.of(VmState.ACTIVE, VmState.STOPPED, VmState.PAUSED, VmState.SUSPENDED),
            false,
            VmState.IMAGE_SNAPSHOT,
            "snapshot");
}
