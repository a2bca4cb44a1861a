package io.cairn.compute.compute.driver;

import org.jspecify.annotations.Nullable;

/**
 * What a driver needs to run one guest.
 *
 * @param metaDataJson the OpenStack {@code meta_data.json} the guest may fetch from 169.254.169.254
 * @param userData the {@code user_data} as the API got it (base64), served decoded as
 *     {@code /openstack/latest/user_data}
 */
public record GuestSpec(
        String id,
        String name,
        int ramMb,
        int vcpus,
        int diskGb,
        String imageId,
        String metaDataJson,
        @Nullable String userData) {}
