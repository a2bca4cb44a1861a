package io.cairn.cli;

import io.cairn.common.path.HashPath;
import io.cairn.ring.Device;
import io.cairn.ring.Ring;
import io.cairn.ring.RingData;
import io.cairn.ring.builder.BalanceReport;
import io.cairn.ring.builder.DeviceSpec;
import io.cairn.ring.builder.RebalanceResult;
import io.cairn.ring.builder.RingBuilder;
import io.cairn.ring.format.RingFileReader;
import io.cairn.ring.format.RingFileWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code cairn ring ...}: builds and inspects rings with the sub-commands of {@code swift-ring-builder}
 * ({@code create}, {@code add}, {@code set-weight}, {@code remove}, {@code rebalance}, {@code list}) plus
 * {@code lookup}, which prints the partition, primaries and handoffs of names as JSON lines. The builder file is
 * Swift's own ({@code swift-ring-builder} opens what this writes and the other way round); builder files written
 * by earlier Cairn versions still load and are saved in Swift's format.
 *
 * <p>A failing command changes nothing: the builder file is written (atomically) only after the whole
 * command succeeded. Not thread-safe; one instance per invocation.
 */
final class RingCommand {
    static final String USAGE = String.join(
            "\n",
            "usage: cairn ring <sub-command> ...     (BUILDER: a Swift .builder file, as swift-ring-builder's)",
            "  create BUILDER PART_POWER REPLICAS MIN_PART_HOURS",
            "  add BUILDER [rR]zZ-IP:PORT[RIP:PORT]/DEVICE[_META] WEIGHT [DEV WEIGHT ...]",
            "  set-weight BUILDER DEV WEIGHT      (DEV: id, dID, or IP:PORT/DEVICE)",
            "  remove BUILDER DEV",
            "  rebalance BUILDER                  (writes X.ring.gz next to X.builder)",
            "  list BUILDER",
            "  lookup RING_FILE [--swift-conf FILE] [--handoffs N] (PATH... | -)",
            "        PATH is account[/container[/object]]; '-' reads paths from stdin, one per line");

    private final PrintStream out;
    private final InputStream in;
    private final Clock clock;

    RingCommand(PrintStream out, InputStream in, Clock clock) {
        this.out = out;
        this.in = in;
        this.clock = clock;
    }

    /**
     * Runs one sub-command.
     *
     * @return the exit code: 0 success, 1 a failure explained on stderr, 2 a usage error
     * @throws UsageException for malformed arguments (the caller prints the message and the usage)
     */
    int run(List<String> args) throws IOException {
        if (args.isEmpty()) {
            throw new UsageException("missing sub-command");
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "create" -> create(rest);
            case "add" -> add(rest);
            case "set-weight", "set_weight" -> setWeight(rest);
            case "remove" -> remove(rest);
            case "rebalance" -> rebalance(rest);
            case "list" -> list(rest);
            case "lookup" -> lookup(rest);
            default -> throw new UsageException("unknown ring sub-command: " + args.get(0));
        };
    }

    private int create(List<String> args) throws IOException {
        expectCount(args, 4, "create BUILDER PART_POWER REPLICAS MIN_PART_HOURS");
        Path builderFile = Path.of(args.get(0));
        if (Files.exists(builderFile)) {
            throw new CommandException("builder file " + builderFile + " already exists; not overwriting it");
        }
        int partPower = parseInt(args.get(1), "PART_POWER");
        double replicas = parseDouble(args.get(2), "REPLICAS");
        int minPartHours = parseInt(args.get(3), "MIN_PART_HOURS");
        RingBuilder builder = rethrowIllegal(() -> RingBuilder.create(partPower, replicas, minPartHours));
        builder.save(builderFile);
        out.println("created " + builderFile + ": part power " + partPower + ", " + replicas + " replicas, "
                + "min_part_hours " + minPartHours);
        return 0;
    }

    private int add(List<String> args) throws IOException {
        if (args.size() < 3 || args.size() % 2 == 0) {
            throw new UsageException("add BUILDER DEV WEIGHT [DEV WEIGHT ...]");
        }
        Path builderFile = Path.of(args.get(0));
        RingBuilder builder = load(builderFile);
        List<String> added = new ArrayList<>();
        for (int i = 1; i < args.size(); i += 2) {
            double weight = parseDouble(args.get(i + 1), "WEIGHT");
            String spec = args.get(i);
            DeviceSpec device = rethrowIllegal(() -> DeviceSpec.parse(spec, weight));
            int id = rethrowIllegal(() -> builder.addDevice(device));
            added.add("d" + id + " " + spec + " weight " + weight);
        }
        builder.save(builderFile);
        for (String line : added) {
            out.println("added device " + line);
        }
        return 0;
    }

    private int setWeight(List<String> args) throws IOException {
        expectCount(args, 3, "set-weight BUILDER DEV WEIGHT");
        Path builderFile = Path.of(args.get(0));
        RingBuilder builder = load(builderFile);
        int id = findDevice(builder, args.get(1));
        double weight = parseDouble(args.get(2), "WEIGHT");
        rethrowIllegal(() -> {
            builder.setWeight(id, weight);
            return id;
        });
        builder.save(builderFile);
        out.println("d" + id + " weight set to " + weight);
        return 0;
    }

    private int remove(List<String> args) throws IOException {
        expectCount(args, 2, "remove BUILDER DEV");
        Path builderFile = Path.of(args.get(0));
        RingBuilder builder = load(builderFile);
        int id = findDevice(builder, args.get(1));
        rethrowIllegal(() -> {
            builder.removeDevice(id);
            return id;
        });
        builder.save(builderFile);
        out.println("d" + id + " marked for removal; rebalance to drain it");
        return 0;
    }

    private int rebalance(List<String> args) throws IOException {
        expectCount(args, 1, "rebalance BUILDER");
        Path builderFile = Path.of(args.get(0));
        RingBuilder builder = load(builderFile);
        RebalanceResult result;
        try {
            result = builder.rebalance(clock.instant());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new CommandException("cannot rebalance " + builderFile + ": " + e.getMessage());
        }
        Path ringFile = ringFileFor(builderFile);
        RingFileWriter.writeV1(builder.toRingData(), ringFile);
        builder.save(builderFile);
        out.println(String.format(
                Locale.ROOT,
                "reassigned %d replicas; balance %.2f%%, dispersion %.2f%%; wrote %s",
                result.partsMoved(),
                result.balance(),
                result.dispersion(),
                ringFile));
        return 0;
    }

    private int list(List<String> args) throws IOException {
        expectCount(args, 1, "list BUILDER");
        Path builderFile = Path.of(args.get(0));
        RingBuilder builder = load(builderFile);
        String id = builder.id();
        out.println(
                builderFile + ", build version " + builder.version() + ", id " + (id == null ? "(not assigned)" : id));
        out.print(BalanceReportFormat.format(builder.report()));
        return 0;
    }

    private int lookup(List<String> args) throws IOException {
        LookupArgs parsed = LookupArgs.parse(args);
        HashPath hashPath = SwiftConfFiles.hashPath(parsed.swiftConf);
        Ring ring = new Ring(readRing(parsed.ringFile));
        if (parsed.paths.size() == 1 && parsed.paths.get(0).equals("-")) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!line.isEmpty()) {
                        out.println(LookupFormat.lookupJson(ring, hashPath, line, parsed.handoffs));
                    }
                }
            }
        } else {
            for (String path : parsed.paths) {
                out.println(LookupFormat.lookupJson(ring, hashPath, path, parsed.handoffs));
            }
        }
        return 0;
    }

    private static RingData readRing(Path ringFile) throws IOException {
        try {
            return RingFileReader.read(ringFile);
        } catch (NoSuchFileException e) {
            throw new CommandException("ring file " + ringFile + " does not exist");
        }
    }

    private static RingBuilder load(Path builderFile) throws IOException {
        if (!Files.exists(builderFile)) {
            throw new CommandException("builder file " + builderFile + " does not exist (create it first)");
        }
        try {
            return RingBuilder.load(builderFile);
        } catch (IllegalArgumentException e) {
            throw new CommandException("cannot read builder file " + builderFile + ": " + e.getMessage());
        }
    }

    /** {@code object.builder} → {@code object.ring.gz}, as swift-ring-builder names it. */
    static Path ringFileFor(Path builderFile) {
        String name = builderFile.getFileName().toString();
        String base = name.endsWith(".builder") ? name.substring(0, name.length() - ".builder".length()) : name;
        return builderFile.resolveSibling(base + ".ring.gz");
    }

    /** Finds a device by {@code 3}, {@code d3} or {@code ip:port/device}. */
    private static int findDevice(RingBuilder builder, String search) {
        String idText = search.startsWith("d") ? search.substring(1) : search;
        if (!idText.isEmpty() && idText.chars().allMatch(Character::isDigit)) {
            int id = Integer.parseInt(idText);
            for (Device d : builder.devices()) {
                if (d.id() == id) {
                    return id;
                }
            }
            throw new CommandException("no device with id " + id);
        }
        for (Device d : builder.devices()) {
            if (d.address().equals(search)) {
                return d.id();
            }
        }
        throw new CommandException("no device matches " + search + " (use an id, dID, or IP:PORT/DEVICE)");
    }

    private static void expectCount(List<String> args, int count, String usage) {
        if (args.size() != count) {
            throw new UsageException(usage);
        }
    }

    static int parseInt(String text, String what) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UsageException(what + " must be an integer, got '" + text + "'");
        }
    }

    static double parseDouble(String text, String what) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException(what + " must be a number, got '" + text + "'");
        }
    }

    private interface Action<T> {
        T run();
    }

    private static <T> T rethrowIllegal(Action<T> action) {
        try {
            return action.run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandException(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** The parsed arguments of {@code lookup}. */
    private static final class LookupArgs {
        Path ringFile = Path.of("");

        @Nullable
        Path swiftConf;

        int handoffs;
        final List<String> paths = new ArrayList<>();

        static LookupArgs parse(List<String> args) {
            LookupArgs parsed = new LookupArgs();
            Iterator<String> it = args.iterator();
            List<String> positional = new ArrayList<>();
            while (it.hasNext()) {
                String a = it.next();
                if (a.equals("--swift-conf") || a.equals("--handoffs")) {
                    if (!it.hasNext()) {
                        throw new UsageException(a + " needs a value");
                    }
                    String v = it.next();
                    if (a.equals("--swift-conf")) {
                        parsed.swiftConf = Path.of(v);
                    } else {
                        parsed.handoffs = parseInt(v, "--handoffs");
                        if (parsed.handoffs < 0) {
                            throw new UsageException("--handoffs must be >= 0");
                        }
                    }
                } else if (a.startsWith("--")) {
                    throw new UsageException("unknown option " + a);
                } else {
                    positional.add(a);
                }
            }
            if (positional.size() < 2) {
                throw new UsageException("lookup RING_FILE [--swift-conf FILE] [--handoffs N] (PATH... | -)");
            }
            parsed.ringFile = Path.of(positional.get(0));
            parsed.paths.addAll(positional.subList(1, positional.size()));
            if (parsed.paths.contains("-") && parsed.paths.size() > 1) {
                throw new UsageException("'-' reads paths from stdin and cannot be mixed with paths: "
                        + Arrays.toString(parsed.paths.toArray()));
            }
            return parsed;
        }
    }

    /** A bad command line: the message and the usage go to stderr, exit code 2. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** A command that cannot be carried out: the message goes to stderr, exit code 1, nothing changed. */
    static final class CommandException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CommandException(String message) {
            super(message);
        }
    }

    /** Formats the builder's balance report as {@code swift-ring-builder}'s default view does. */
    static final class BalanceReportFormat {
        private BalanceReportFormat() {}

        static String format(BalanceReport report) {
            return report.toString();
        }
    }
}
