package io.cairn.compute.image;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One image's metadata, mutable while a request builds or patches it; the repository stores it. User
 * properties ({@code properties}) are flattened into the document's top level by {@link ImageViews}.
 */
public final class Image {
    String id;

    @Nullable
    String name;

    ImageStatus status = ImageStatus.QUEUED;
    String visibility = "shared";
    boolean isProtected;
    boolean osHidden;

    @Nullable
    String owner;

    @Nullable
    String checksum;

    @Nullable
    String osHashAlgo;

    @Nullable
    String osHashValue;

    @Nullable
    Long size;

    @Nullable
    Long virtualSize;

    @Nullable
    String containerFormat;

    @Nullable
    String diskFormat;

    int minRam;
    int minDisk;

    @Nullable
    StoredLayout storeLayout;

    long createdAt;
    long updatedAt;
    final Map<String, String> properties = new TreeMap<>();
    final SortedSet<String> tags = new TreeSet<>();

    Image(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public ImageStatus status() {
        return status;
    }

    public @Nullable String owner() {
        return owner;
    }

    public @Nullable StoredLayout storeLayout() {
        return storeLayout;
    }

    public @Nullable Long size() {
        return size;
    }

    public @Nullable String checksum() {
        return checksum;
    }

    public @Nullable String osHashValue() {
        return osHashValue;
    }

    Image copy() {
        Image c = new Image(id);
        c.name = name;
        c.status = status;
        c.visibility = visibility;
        c.isProtected = isProtected;
        c.osHidden = osHidden;
        c.owner = owner;
        c.checksum = checksum;
        c.osHashAlgo = osHashAlgo;
        c.osHashValue = osHashValue;
        c.size = size;
        c.virtualSize = virtualSize;
        c.containerFormat = containerFormat;
        c.diskFormat = diskFormat;
        c.minRam = minRam;
        c.minDisk = minDisk;
        c.storeLayout = storeLayout;
        c.createdAt = createdAt;
        c.updatedAt = updatedAt;
        c.properties.putAll(properties);
        c.tags.addAll(tags);
        return c;
    }
}
