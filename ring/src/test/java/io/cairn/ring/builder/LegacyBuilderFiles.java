package io.cairn.ring.builder;

import io.cairn.ring.Device;
import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Writes Cairn's earlier builder format (version 1, {@link CairnBuilderFileV1}) as Cairn wrote it before it wrote
 * Swift's pickle, so tests can make old files, corrupt them and check they still load.
 */
final class LegacyBuilderFiles {
    private LegacyBuilderFiles() {}

    static void writeV1(Path path, BuilderState state) throws IOException {
        CountingOutputStream counter = new CountingOutputStream();
        writePayload(new DataOutputStream(counter), state);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(CairnBuilderFileV1.MAGIC);
        out.writeShort(CairnBuilderFileV1.FORMAT_VERSION);
        out.writeShort(0);
        out.writeLong(counter.count);
        writePayload(out, state);
        out.flush();
        CRC32C crc = new CRC32C();
        crc.update(bytes.toByteArray());
        out.writeInt((int) crc.getValue());
        Files.write(path, bytes.toByteArray());
    }

    private static void writePayload(DataOutput out, BuilderState s) throws IOException {
        out.writeByte(s.partPower);
        out.writeDouble(s.replicas);
        out.writeInt(s.minPartHours);
        out.writeDouble(s.overload);
        out.writeLong(s.version);
        out.writeLong(s.lastPartMovesEpochSecond);
        out.writeInt(s.lastPartGatherStart);
        out.writeByte(s.devicesChanged ? 1 : 0);
        out.writeInt(s.devices.size());
        for (int id = 0; id < s.devices.size(); id++) {
            Device d = s.devices.get(id);
            if (d == null) {
                out.writeByte(CairnBuilderFileV1.KIND_HOLE);
                continue;
            }
            out.writeByte(s.removing.get(id) ? CairnBuilderFileV1.KIND_REMOVING : CairnBuilderFileV1.KIND_DEVICE);
            out.writeInt(d.region());
            out.writeInt(d.zone());
            writeString(out, d.ip());
            out.writeInt(d.port());
            writeString(out, d.replicationIp());
            out.writeInt(d.replicationPort());
            writeString(out, d.device());
            out.writeDouble(d.weight());
            writeString(out, d.meta());
        }
        int[][] rows = s.rows;
        out.writeInt(rows == null ? 0 : rows.length);
        if (rows != null) {
            for (int[] row : rows) {
                out.writeInt(row.length);
                for (int dev : row) {
                    out.writeInt(dev);
                }
            }
        }
        out.write(s.lastPartMoves);
    }

    private static void writeString(DataOutput out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Counts bytes so the payload length can be written before the payload. */
    private static final class CountingOutputStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
