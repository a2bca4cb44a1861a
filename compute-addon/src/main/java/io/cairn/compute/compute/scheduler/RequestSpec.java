package io.cairn.compute.compute.scheduler;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one server needs: the flavor's RAM/vCPUs/disk, the requested availability zone (null: any) and the image's
 * properties ({@code architecture}, {@code hypervisor_type}, ...).
 */
public record RequestSpec(
        int ramMb, int vcpus, int diskGb, @Nullable String availabilityZone, Map<String, String> imageProperties) {
    public RequestSpec {
        imageProperties = Map.copyOf(imageProperties);
    }
}
