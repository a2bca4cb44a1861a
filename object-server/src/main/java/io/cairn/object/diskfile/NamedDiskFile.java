package io.cairn.object.diskfile;

/**
 * What names a {@link DiskFile} in every implementation: the device, partition, policy, object name and its
 * hash.
 *
 * <p>Thread-safety: immutable.
 */
public abstract class NamedDiskFile implements DiskFile {
    protected final String device;
    protected final int partition;
    protected final int policyIndex;
    protected final String name;
    protected final String nameHash;

    protected NamedDiskFile(String device, int partition, int policyIndex, String name, String nameHash) {
        this.device = device;
        this.partition = partition;
        this.policyIndex = policyIndex;
        this.name = name;
        this.nameHash = nameHash;
    }

    @Override
    public final String device() {
        return device;
    }

    @Override
    public final int partition() {
        return partition;
    }

    @Override
    public final int policyIndex() {
        return policyIndex;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String nameHash() {
        return nameHash;
    }
}
