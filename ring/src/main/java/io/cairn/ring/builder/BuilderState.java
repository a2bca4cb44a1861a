package io.cairn.ring.builder;

import io.cairn.ring.Device;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything a builder persists: settings, devices, the assignment and the {@code min_part_hours}
 * bookkeeping. {@link RingBuilder} owns the behaviour, {@link BuilderFile} the encoding (Swift's pickle,
 * {@link SwiftBuilderPickle}; Cairn's earlier format, {@link CairnBuilderFileV1}, is still read).
 *
 * <p>Not thread-safe; confined to its builder.
 */
final class BuilderState {
    int partPower;
    double replicas;
    int minPartHours;
    double overload;
    /** Incremented on every change to devices, settings or the assignment. */
    long version;
    /** Indexed by device id; null holes for removed ids. */
    final List<@Nullable Device> devices = new ArrayList<>();
    /** Ids removed since the last rebalance (weight already 0; slots still occupied until it drains them). */
    final BitSet removing = new BitSet();
    /** {@code rows[replica][partition]} = device id; null until the first rebalance. */
    int @Nullable [][] rows;
    /** Hours (0..255) since each partition last moved, as of {@link #lastPartMovesEpochSecond}. */
    byte[] lastPartMoves;
    /** Unix time (seconds) at which {@link #lastPartMoves} was last aged; 0 = never. */
    long lastPartMovesEpochSecond;
    /** Partition at which the last balance gather started. */
    int lastPartGatherStart;
    /** Devices changed since the last rebalance, so the next one writes a new ring even if nothing moves. */
    boolean devicesChanged;
    /** Swift's builder id ({@code uuid4().hex}), given at the first save and kept for ever; null until then. */
    @Nullable
    String id;
    /** Swift's {@code next_part_power}: set while a partition power increase is in progress, else null. */
    @Nullable
    Integer nextPartPower;

    BuilderState(int partPower, double replicas, int minPartHours) {
        this.partPower = partPower;
        this.replicas = replicas;
        this.minPartHours = minPartHours;
        this.lastPartMoves = new byte[1 << partPower];
    }

    int partitionCount() {
        return 1 << partPower;
    }
}
