package io.cairn.replicator.object;

import io.cairn.ring.Device;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SuffixSyncer} for tests that copies the suffix directories between two local device trees like
 * {@code rsync --ignore-existing --xattrs}: every file the peer lacks is copied (through a temp name, then
 * renamed) with its {@code user.*} xattrs; the peer's cleanup picks the winner when it rehashes. Every hash
 * directory present on the peer afterwards is reported in sync. A peer without a devices tree fails.
 */
final class CopyingSyncer implements SuffixSyncer {
    record Call(String peer, int partition, List<String> suffixes) {}

    private final Path localDevices;
    private final Function<Device, @Nullable Path> peerDevices;
    final List<Call> calls = new CopyOnWriteArrayList<>();

    CopyingSyncer(Path localDevices, Function<Device, @Nullable Path> peerDevices) {
        this.localDevices = localDevices;
        this.peerDevices = peerDevices;
    }

    @Override
    public SyncOutcome sync(
            Device peer, String localDevice, int partition, int policyIndex, Collection<String> suffixes)
            throws InterruptedException {
        calls.add(new Call(peer.meta(), partition, List.copyOf(suffixes)));
        Path dest = peerDevices.apply(peer);
        if (dest == null) {
            return SyncOutcome.failed("refused by the test");
        }
        String objects = policyIndex == 0 ? "objects" : "objects-" + policyIndex;
        Path src = localDevices.resolve(localDevice).resolve(objects).resolve(Integer.toString(partition));
        Path dst = dest.resolve(peer.device()).resolve(objects).resolve(Integer.toString(partition));
        long[] sent = new long[2];
        Set<String> inSync = new HashSet<>();
        try {
            for (String suffix : suffixes) {
                copySuffix(src.resolve(suffix), dst.resolve(suffix), sent, inSync);
            }
        } catch (IOException e) {
            return new SyncOutcome(false, Set.of(), sent[0], sent[1]);
        }
        return new SyncOutcome(true, inSync, sent[0], sent[1]);
    }

    private static void copySuffix(Path src, Path dst, long[] sent, Set<String> inSync) throws IOException {
        if (!Files.isDirectory(src)) {
            return;
        }
        try (DirectoryStream<Path> hashes = Files.newDirectoryStream(src)) {
            for (Path hashDir : hashes) {
                Path target = Files.createDirectories(
                        dst.resolve(hashDir.getFileName().toString()));
                for (Path file : list(hashDir)) {
                    Path out = target.resolve(file.getFileName().toString());
                    if (!Files.exists(out)) {
                        copyWithXattrs(file, out);
                        sent[0]++;
                        sent[1] += Files.size(file);
                    }
                }
                inSync.add(hashDir.getFileName().toString());
            }
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            files.forEach(out::add);
        }
        return out;
    }

    private static void copyWithXattrs(Path from, Path to) throws IOException {
        Path tmp = to.resolveSibling("." + to.getFileName() + ".copying");
        Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
        UserDefinedFileAttributeView in = Files.getFileAttributeView(from, UserDefinedFileAttributeView.class);
        UserDefinedFileAttributeView out = Files.getFileAttributeView(tmp, UserDefinedFileAttributeView.class);
        for (String name : in.list()) {
            ByteBuffer value = ByteBuffer.allocate(in.size(name));
            in.read(name, value);
            value.flip();
            out.write(name, value);
        }
        Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE);
    }

    List<String> peersCalled() {
        List<String> out = new ArrayList<>();
        for (Call c : calls) {
            out.add(c.peer());
        }
        return out;
    }
}
