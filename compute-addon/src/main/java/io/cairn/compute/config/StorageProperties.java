package io.cairn.compute.config;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cairn.storage.*}: where image bytes go — a Cairn (or Swift) proxy, reached over its Swift API like any
 * client, laid out as glance_store's single-tenant Swift driver lays them out.
 *
 * @param url the proxy's base URL ({@code http://127.0.0.1:8080}); also the catalog's object-store endpoint. Unset
 *     in a process that stores no images and issues no tokens ({@code cairn compute-api}, scheduler, agents)
 * @param authUser the tempauth user ({@code account:user}) the image service writes with; it needs reseller-admin
 *     rights when {@code account} is not its own account
 * @param authKey that user's key
 * @param account the Swift account holding the container; empty: {@code AUTH_<id of the admin project>}
 * @param container the container ({@code swift_store_container}, Glance's default {@code glance})
 * @param largeObjectSize uploads of a known size at or above this many bytes become DLO segments
 *     ({@code swift_store_large_object_size}, 5120 "MB" of 1,024,000 bytes)
 * @param largeObjectChunkSize bytes per segment ({@code swift_store_large_object_chunk_size}, 200 "MB")
 * @param uploadIdleTimeout an upload that sends nothing for this long is abandoned (bytes removed, image back to
 *     {@code queued}): a client that vanished without closing its connection must not leave an image saving
 */
@ConfigurationProperties("cairn.storage")
public record StorageProperties(
        @Nullable String url,
        @DefaultValue("admin:admin") String authUser,
        @DefaultValue("admin") String authKey,
        @Nullable String account,
        @DefaultValue("glance") String container,
        @DefaultValue("5242880000") long largeObjectSize,
        @DefaultValue("204800000") long largeObjectChunkSize,
        @DefaultValue("60s") Duration uploadIdleTimeout) {}
