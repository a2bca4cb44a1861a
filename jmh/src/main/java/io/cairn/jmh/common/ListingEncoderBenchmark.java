package io.cairn.jmh.common;

import io.cairn.common.listing.ListingEncoder;
import io.cairn.common.listing.ListingFormat;
import io.cairn.jmh.ThroughputBenchmark;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A whole container listing page of 1,000 rows encoded as JSON or XML into a pooled buffer, as the
 * container server streams it: the cost per page and what it allocates besides the encoder itself.
 */
public class ListingEncoderBenchmark extends ThroughputBenchmark {
    private static final int ROWS = 1_000;

    @Param({"JSON", "XML"})
    public String format = "JSON";

    private final String[] names = new String[ROWS];
    private ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer(0);

    @Setup(Level.Trial)
    public void setUp() {
        for (int i = 0; i < ROWS; i++) {
            // Mixed ASCII and non-ASCII names so the escaping paths are exercised, as real listings do.
            names[i] = (i % 10 == 0 ? "f\u00f6\u00f6/\u65e5\u672c-" : "photos/2026/11/IMG_") + (100_000 + i) + ".jpg";
        }
        out = PooledByteBufAllocator.DEFAULT.buffer(256 * ROWS);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        out.release();
    }

    @Benchmark
    public int page1000() {
        out.clear();
        ListingEncoder encoder = ListingEncoder.forContainer(ListingFormat.valueOf(format), "photos");
        encoder.begin(out);
        for (int i = 0; i < ROWS; i++) {
            encoder.object(
                    out,
                    names[i],
                    "d41d8cd98f00b204e9800998ecf8427e",
                    4096L + i,
                    "image/jpeg",
                    "2026-11-26T12:00:00.123450");
        }
        encoder.end(out);
        return out.writerIndex();
    }
}
