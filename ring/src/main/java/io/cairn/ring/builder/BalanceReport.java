package io.cairn.ring.builder;

import java.util.List;

/**
 * How well a builder's current assignment matches its devices' weights, per device and ring-wide, as
 * {@code swift-ring-builder <file>} reports it.
 *
 * <p>Immutable.
 *
 * @param devices one entry per device (ascending id), including devices pending removal
 * @param balance the largest |{@link DeviceBalance#balance()}| (Swift's {@code get_balance})
 * @param dispersion % of replica assignments beyond what the failure-domain tree allows (0 before the first
 *     rebalance)
 */
public record BalanceReport(List<DeviceBalance> devices, double balance, double dispersion) {

    /** Copies {@code devices}. */
    public BalanceReport {
        devices = List.copyOf(devices);
    }

    /**
     * One device's share.
     *
     * <p>Immutable.
     *
     * @param id device id
     * @param region region of the device
     * @param zone zone of the device
     * @param address {@code ip:port/device} ({@link io.cairn.ring.Device#address()})
     * @param weight weight of the device (0 while pending removal)
     * @param partitions replica assignments the device holds
     * @param wantedPartitions replica assignments the replica plan gives the device (its weight share, moved
     *     toward dispersion by the overload); 0 for zero-weight devices
     * @param balance {@code 100 · partitions / (weight · parts · replicas / total weight) − 100}; 999.99 for
     *     a zero-weight device holding partitions, 0 for one holding none
     */
    public record DeviceBalance(
            int id,
            int region,
            int zone,
            String address,
            double weight,
            int partitions,
            int wantedPartitions,
            double balance) {}
}
