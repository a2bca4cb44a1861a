package io.cairn.ring.format;

import java.nio.charset.StandardCharsets;

/**
 * Layout and constants of Swift's serialized ring file ({@code *.ring.gz}), reference §1.2.
 *
 * <p>Both versions are one gzip stream (RFC 1952). The gzip header is what Python's {@code GzipFile}
 * writes: {@code 1f 8b 08}, FLG = FNAME (0x08) when the file name (basename without {@code .gz}, latin-1)
 * is not empty, MTIME = {@value #GZIP_MTIME} (fixed so identical rings give identical bytes), XFL = 2
 * (level 9), OS = 255, then the zero-terminated name. The decompressed content:
 *
 * <pre>
 * v1 (Swift 2.30's only format; still master's default):
 * +--------+---------+-------------+-------------------------+------------------------------+
 * | "R1NG" | u16 BE  | u32 BE      | JSON, ASCII, sort_keys  | row 0 | row 1 | ... | row R-1 |
 * |        | = 1     | json_len    | (json_len bytes)        |                              |
 * +--------+---------+-------------+-------------------------+------------------------------+
 *   JSON = {"byteorder": "little"|"big", "devs": [dev|null...], "next_part_power": int?,
 *           "part_shift": int, "replica_count": R (number of rows, int), "version": int?}
 *   row r = u16 device ids in the byte order named by "byteorder" (the writer's native order);
 *           2^part_power entries, except the last row, which is shorter for a fractional
 *           replica count and simply ends at the end of the stream.
 *
 * v2 (master, Swift ≥ 2.36): sections, each starting at a zlib Z_FULL_FLUSH boundary
 * +--------+---------+-------------------------+------------------------+--------------------------+
 * | "R1NG" | u16 BE  | section                 | section                | section                  |
 * |        | = 2     | swift/ring/metadata     | swift/ring/devices     | swift/ring/assignments   |
 * +--------+---------+-------------------------+------------------------+--------------------------+
 *   (magic and version deflated at level 0 so libmagic can see them)
 *   section  = u64 BE length | blob (length bytes)
 *   metadata = JSON {"dev_id_bytes": 2|4, "next_part_power": int?, "part_shift": int,
 *                    "replica_count": float, "version": int|null}
 *   devices  = JSON [dev|null...]
 *   assignments = all rows concatenated, each id dev_id_bytes wide, BIG-endian; rows of
 *                 2^part_power entries except a possibly short last row
 * then the index and the tail:
 * +------------------------------------------------+----------------------+----------------------+
 * | u64 BE length | index JSON                     | u64 BE u_start of    | u64 BE c_start of    |
 * |   {name: [c_start, u_start, c_end, u_end,      | the index (level 0,  | the index (level 0,  |
 * |           "sha256", hexdigest], ...}           | full flush)          | full flush)          |
 * +------------------------------------------------+----------------------+----------------------+
 *   c_* = offsets in the compressed file, u_* = offsets in the decompressed stream, both pointing
 *   at a section's 8-byte length; the checksum covers the length prefix and the blob. The two tail
 *   sizes are deflated at level 0, each followed by a full flush (18 bytes each on disk).
 * </pre>
 *
 * <p>A dev is a JSON object with the keys {@code device, id, ip, meta, port, region, replication_ip,
 * replication_port, weight, zone}. The legacy "v0" format (a pickled dict without the magic, readable by
 * 2.30 but not by master) is not supported: {@link RingFileReader} reports it as such.
 *
 * <p>Thread-safety: constants only.
 */
public final class RingFileFormat {
    /** The 4 magic bytes at the start of the decompressed content. */
    public static final byte[] MAGIC = "R1NG".getBytes(StandardCharsets.US_ASCII);

    /** Format version 1: JSON header and raw rows. */
    public static final int VERSION_1 = 1;

    /** Format version 2: indexed, checksummed sections. */
    public static final int VERSION_2 = 2;

    /** The gzip header MTIME Swift writes (seconds since the epoch). */
    public static final long GZIP_MTIME = 1300507380L;

    /** The v1 "none" device id, reserved by Swift's builder; also the exclusive upper bound of v1 ids. */
    public static final int V1_NONE_DEV = 0xFFFF;

    /** Number of bytes of magic plus version. */
    public static final int HEADER_BYTES = 6;

    /** v2 section names, in the order Swift writes them. */
    public static final String SECTION_METADATA = "swift/ring/metadata";

    public static final String SECTION_DEVICES = "swift/ring/devices";
    public static final String SECTION_ASSIGNMENTS = "swift/ring/assignments";

    /** Size of every v2 length prefix and tail offset. */
    public static final int V2_SIZE_BYTES = 8;

    /** The v2 checksum algorithm Swift writes. */
    public static final String V2_CHECKSUM = "sha256";

    /** zlib levels Swift uses: 9 for content, 0 (stored) for magic and the v2 tail. */
    static final int LEVEL_BEST = 9;

    static final int LEVEL_STORED = 0;

    private RingFileFormat() {}
}
