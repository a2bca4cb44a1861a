package io.cairn.object.diskfile;

/**
 * Swift's {@code fallocate_reserve}: free space a write must leave on its device, in bytes or as a percentage of
 * the filesystem ({@code N%}); Swift's default is {@code 1%}. Checked where Swift's {@code utils.fallocate} checks
 * it, before a body of known size is written and only while fallocate is enabled ({@code disable_fallocate = true}
 * turns both off): with {@code free = f_bavail * f_frsize - size}, as a percentage {@code free / (f_blocks *
 * f_frsize) * 100}, a write is refused ({@code ENOSPC}, 507) when {@code free <= reserve}. A reserve of 0 checks
 * nothing.
 *
 * @param value bytes, or percent when {@code percent}
 * @param percent whether {@code value} is a percentage of the filesystem's size
 *     <p>Thread-safety: immutable.
 */
public record FallocateReserve(double value, boolean percent) {
    /** Swift's default, {@code 1%}. */
    public static final FallocateReserve DEFAULT = new FallocateReserve(1, true);

    /** No reserve: only the disk's own limits apply. */
    public static final FallocateReserve NONE = new FallocateReserve(0, false);

    /**
     * Swift's {@code config_fallocate_value}: {@code N%} (a decimal number) or whole bytes.
     *
     * @throws IllegalArgumentException for anything else, as Swift refuses to start
     */
    public static FallocateReserve parse(String text) {
        String t = text.strip();
        try {
            if (t.endsWith("%")) {
                return new FallocateReserve(Double.parseDouble(t.substring(0, t.length() - 1)), true);
            }
            return new FallocateReserve(Long.parseLong(t), false);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(text + " is an invalid value for fallocate_reserve", e);
        }
    }

    /**
     * Whether writing {@code size} more bytes would leave less than the reserve.
     *
     * @param usableBytes {@code f_bavail * f_frsize} ({@code FileStore.getUsableSpace()})
     * @param totalBytes {@code f_blocks * f_frsize} ({@code FileStore.getTotalSpace()})
     */
    public boolean refuses(long usableBytes, long totalBytes, long size) {
        if (value == 0) {
            return false;
        }
        double free = (double) usableBytes - size;
        if (percent) {
            free = free / totalBytes * 100;
        }
        return free <= value;
    }

    /** As written in a config file. */
    @Override
    public String toString() {
        return percent ? value + "%" : Long.toString((long) value);
    }
}
