package io.cairn.ring.policy;

/** A storage policy's {@code policy_type}. Thread-safety: immutable. */
public enum PolicyType {
    /** {@code replication}: whole-object replicas; what Cairn implements. */
    REPLICATION("replication"),
    /** {@code erasure_coding}: parsed so a Swift cluster's {@code swift.conf} loads, but not supported by Cairn. */
    ERASURE_CODING("erasure_coding");

    private final String configName;

    PolicyType(String configName) {
        this.configName = configName;
    }

    /** The value in {@code swift.conf}. */
    public String configName() {
        return configName;
    }
}
