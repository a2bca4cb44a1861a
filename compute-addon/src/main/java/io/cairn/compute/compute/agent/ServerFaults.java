package io.cairn.compute.compute.agent;

import io.cairn.compute.compute.Server;
import io.cairn.compute.compute.VmState;

/** Putting a server into ERROR with Nova's {@code fault} (code, message, details, created). */
final class ServerFaults {
    private ServerFaults() {}

    static void fail(Server s, String message, String details, long now) {
        s.vmState = VmState.ERROR;
        s.taskState = null;
        s.faultCode = 500;
        s.faultMessage = message;
        s.faultDetails = details;
        s.faultAt = now;
        s.updatedAt = now;
    }
}
