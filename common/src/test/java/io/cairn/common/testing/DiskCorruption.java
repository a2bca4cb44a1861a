package io.cairn.common.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Bitrot on demand, for tests of the GET path's and the auditor's MD5 checks. */
public final class DiskCorruption {
    private DiskCorruption() {}

    /** Flips every bit of one byte in place: same size, same xattrs, different MD5. */
    public static void flipByte(Path file, long position) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            ch.read(one, position);
            one.put(0, (byte) ~one.get(0));
            one.rewind();
            ch.write(one, position);
        }
    }
}
