package io.cairn.bench.run;

/**
 * The fields of one {@code /proc/<pid>/stat} (or {@code /proc/<pid>/task/<tid>/stat}) line the CPU accounting needs.
 * Immutable.
 *
 * @param pid process id, or thread id for a task line (field 1)
 * @param comm the command or thread name without its parentheses (field 2; the kernel truncates it to 15 bytes)
 * @param ppid parent process id (field 4)
 * @param ownTicks utime + stime (fields 14–15), in clock ticks: for a thread, that thread's own CPU
 * @param cpuTicks utime + stime + cutime + cstime (fields 14–17), in clock ticks: for a process, its own CPU (all
 *     threads, including ended ones) plus that of children it has reaped
 */
public record ProcStat(long pid, String comm, long ppid, long ownTicks, long cpuTicks) {
    /**
     * Parses a stat line. The command name (field 2) is in parentheses and may itself contain spaces and parentheses,
     * so the fields after it are counted from the last {@code ')'}.
     *
     * @throws IllegalArgumentException when the line is not a stat line
     */
    public static ProcStat parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open <= 0 || close < open) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + abbreviate(line));
        }
        String[] rest = line.substring(close + 1).trim().split(" +");
        // rest[0] is field 3 (state): field n is rest[n - 3]
        if (rest.length < 15) {
            throw new IllegalArgumentException("short /proc/<pid>/stat line: " + abbreviate(line));
        }
        try {
            long pid = Long.parseLong(line.substring(0, open).trim());
            long ppid = Long.parseLong(rest[4 - 3]);
            long own = Long.parseLong(rest[14 - 3]) + Long.parseLong(rest[15 - 3]);
            long children = Long.parseLong(rest[16 - 3]) + Long.parseLong(rest[17 - 3]);
            return new ProcStat(pid, line.substring(open + 1, close), ppid, own, own + children);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in /proc/<pid>/stat line: " + abbreviate(line), e);
        }
    }

    private static String abbreviate(String line) {
        return line.length() > 120 ? line.substring(0, 120) + "..." : line;
    }
}
