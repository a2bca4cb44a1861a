package io.cairn.bench.workload;

import java.util.Locale;

/** Parses and prints byte counts with binary units ({@code 4KiB}, {@code 1MiB}, {@code 64m}, {@code 0}). Stateless. */
public final class ByteSizes {
    private ByteSizes() {}

    /**
     * Parses {@code text}: a non-negative integer optionally followed by {@code k/KiB/KB}, {@code m/MiB/MB} or {@code
     * g/GiB/GB} (all binary: 1 KiB = 1024 bytes).
     *
     * @throws IllegalArgumentException with the offending text when it is not a size
     */
    public static long parse(String text) {
        String t = text.trim();
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("not a byte size: '" + text + "' (e.g. 4KiB, 1MiB, 512)");
        }
        long number;
        try {
            number = Long.parseLong(t.substring(0, i));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("byte size too large: '" + text + "'", e);
        }
        long unit = switch (t.substring(i).trim().toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1L;
            case "k", "kb", "kib" -> 1L << 10;
            case "m", "mb", "mib" -> 1L << 20;
            case "g", "gb", "gib" -> 1L << 30;
            default ->
                throw new IllegalArgumentException("unknown unit in byte size '" + text + "' (use KiB, MiB or GiB)");
        };
        if (number > Long.MAX_VALUE / unit) {
            throw new IllegalArgumentException("byte size too large: '" + text + "'");
        }
        return number * unit;
    }

    /** Prints {@code bytes} in the largest binary unit that divides it exactly ({@code 4096} → {@code 4KiB}). */
    public static String format(long bytes) {
        if (bytes != 0 && bytes % (1L << 30) == 0) {
            return bytes / (1L << 30) + "GiB";
        }
        if (bytes != 0 && bytes % (1L << 20) == 0) {
            return bytes / (1L << 20) + "MiB";
        }
        if (bytes != 0 && bytes % (1L << 10) == 0) {
            return bytes / (1L << 10) + "KiB";
        }
        return Long.toString(bytes);
    }
}
