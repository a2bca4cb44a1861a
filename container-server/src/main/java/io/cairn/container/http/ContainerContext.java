package io.cairn.container.http;

import io.cairn.common.io.DeviceExecutors;
import io.cairn.common.io.DeviceRoot;
import io.cairn.common.path.HashPath;
import io.cairn.common.path.NameValidator;
import io.cairn.container.commit.ObjectRowCommitter;
import java.util.List;
import java.util.Set;

/**
 * Everything the container operations share: the devices, their executors, the broker registry, the
 * row committer, the account updater and Swift's settings. Built once by the server.
 *
 * <p>Immutable; the parts are thread-safe.
 */
public record ContainerContext(
        DeviceRoot devices,
        DeviceExecutors executors,
        ContainerBrokers brokers,
        ObjectRowCommitter committer,
        AccountUpdater accountUpdater,
        HashPath hashPath,
        Settings settings) {

    /**
     * Swift's per-server settings the operations consult. Immutable.
     *
     * @param saveHeaders lower-case headers stored as metadata besides {@code X-Container-Meta-*} and
     *     sysmeta ({@code x-container-read/write/sync-key/sync-to}, plus {@code x-versions-location} when
     *     {@code allow_versions})
     * @param autoCreateAccountPrefix Swift's {@code auto_create_account_prefix} ({@code .})
     * @param maxListingLimit {@code container_listing_limit}
     * @param listingChunkSize bytes per streamed listing chunk
     * @param replicationServer Swift's {@code replication_server}: false refuses {@code REPLICATE}
     * @param policies the storage policies
     * @param validator name and metadata checks with the cluster's constraints
     * @param allowedSyncHosts Swift's {@code allowed_sync_hosts} for {@code X-Container-Sync-To}
     */
    public record Settings(
            List<String> saveHeaders,
            String autoCreateAccountPrefix,
            int maxListingLimit,
            int listingChunkSize,
            boolean replicationServer,
            PolicyIndexes policies,
            NameValidator validator,
            Set<String> allowedSyncHosts) {
        public Settings {
            saveHeaders = List.copyOf(saveHeaders);
            allowedSyncHosts = Set.copyOf(allowedSyncHosts);
        }
    }
}
