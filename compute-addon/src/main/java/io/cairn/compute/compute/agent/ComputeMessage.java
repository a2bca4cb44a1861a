package io.cairn.compute.compute.agent;

import java.util.Map;

/**
 * One message between the API, the scheduler and an agent. {@code token} is the requesting user's (an agent reads
 * and writes images with it, as nova-compute uses the request context); {@code requestId} ties the work to its
 * instance action.
 *
 * @param kind what to do: {@code schedule}, {@code build}, {@code reboot}, {@code stop}, {@code start}, ...
 */
public record ComputeMessage(String kind, String serverId, Map<String, String> args, String token, String requestId) {
    public ComputeMessage {
        args = Map.copyOf(args);
    }

    public String arg(String key, String fallback) {
        return args.getOrDefault(key, fallback);
    }
}
