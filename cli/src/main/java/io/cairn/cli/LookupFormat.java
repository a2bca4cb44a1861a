package io.cairn.cli;

import io.cairn.common.codec.Json;
import io.cairn.common.path.HashPath;
import io.cairn.ring.Device;
import io.cairn.ring.HandoffIterator;
import io.cairn.ring.Ring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One line of {@code cairn ring lookup} output: {@code {"path": P, "partition": N, "primaries": [...],
 * "handoffs": [...]}} with devices as {@code ip:port/device}. Stateless.
 */
final class LookupFormat {
    private LookupFormat() {}

    /**
     * Looks up {@code path} ({@code account[/container[/object]]}, one leading slash allowed; the object
     * part may contain slashes) and renders the JSON line.
     *
     * @throws RingCommand.CommandException if the path has no account
     */
    static String lookupJson(Ring ring, HashPath hashPath, String path, int handoffCount) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        String[] parts = trimmed.split("/", 3);
        String account = parts[0];
        if (account.isEmpty()) {
            throw new RingCommand.CommandException(
                    "path '" + path + "' has no account: use account[/container[/object]]");
        }
        @Nullable String container = parts.length > 1 && !parts[1].isEmpty() ? parts[1] : null;
        @Nullable String object = parts.length > 2 && !parts[2].isEmpty() ? parts[2] : null;
        if (object != null && container == null) {
            throw new RingCommand.CommandException("path '" + path + "' names an object without a container");
        }
        int partition = ring.partition(hashPath, account, container, object);
        List<Object> primaries = new ArrayList<>();
        for (Device d : ring.primaries(partition)) {
            primaries.add(d.address());
        }
        List<Object> handoffs = new ArrayList<>();
        HandoffIterator it = ring.handoffs(partition);
        while (handoffs.size() < handoffCount && it.hasNext()) {
            handoffs.add(it.next().address());
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("path", path);
        line.put("partition", (long) partition);
        line.put("primaries", primaries);
        line.put("handoffs", handoffs);
        return Json.write(line);
    }
}
