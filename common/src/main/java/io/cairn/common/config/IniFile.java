package io.cairn.common.config;

import io.cairn.common.codec.CodePoints;
import io.cairn.common.codec.Utf8;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A Swift INI configuration file (or {@code .conf.d} directory) as Swift's {@code readconf} and
 * paste-deploy read it; see {@link IniParser} for the line syntax and {@link Dialect} for how {@code
 * [DEFAULT]} combines with a section.
 *
 * <p>A directory is read as {@code readconf} and Swift's {@code ConfigDirLoader} read it: every
 * {@code *.conf} file in it not starting with {@code .}, in name order, as if concatenated, except that a
 * section may reappear in a later file (its keys merge, later values win).
 *
 * <p>Keys are stored with their case; a {@link ConfigSection} applies its dialect's key case. Files are
 * read as strict UTF-8 (Debian's locale encoding).
 *
 * <p>Thread-safety: immutable.
 */
public final class IniFile {
    /** configparser's default section. */
    public static final String DEFAULT_SECTION = "DEFAULT";

    private final String source;
    private final @Nullable Path path;
    private final List<String> sectionNames;
    private final List<IniParser.Option> options;

    private IniFile(String source, @Nullable Path path, List<String> sectionNames, List<IniParser.Option> options) {
        this.source = source;
        this.path = path;
        this.sectionNames = List.copyOf(sectionNames);
        this.options = List.copyOf(options);
    }

    /**
     * Reads a file, or every {@code *.conf} file of a directory.
     *
     * @throws ConfigException if nothing can be read or the text is malformed
     */
    public static IniFile load(Path path) {
        String source = path.toString();
        List<Path> files = Files.isDirectory(path) ? confDirFiles(path) : List.of(path);
        List<String> sections = new ArrayList<>();
        List<IniParser.Option> options = new ArrayList<>();
        int read = 0;
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                continue; // configparser.read skips files it cannot open; none at all is an error below
            }
            read++;
            List<String> fileSections = new ArrayList<>();
            options.addAll(IniParser.parse(decodeUtf8(bytes, file.toString()), file.toString(), fileSections));
            for (String s : fileSections) {
                if (!sections.contains(s)) {
                    sections.add(s);
                }
            }
        }
        if (read == 0) {
            throw new ConfigException(source, "Unable to read config from " + source);
        }
        return new IniFile(source, path.toAbsolutePath(), sections, options);
    }

    /** Parses {@code text}; {@code sourceName} names it in error messages. */
    public static IniFile parse(String text, String sourceName) {
        List<String> sections = new ArrayList<>();
        List<IniParser.Option> options = IniParser.parse(text, sourceName, sections);
        return new IniFile(sourceName, null, sections, options);
    }

    /** Parses strict UTF-8 {@code bytes} (as read from {@code sourceName}). */
    static IniFile parseUtf8(byte[] bytes, String sourceName) {
        return parse(decodeUtf8(bytes, sourceName), sourceName);
    }

    private static List<Path> confDirFiles(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> files = new ArrayList<>();
            for (Path p : (Iterable<Path>) entries::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(".conf") && !name.startsWith(".") && !Files.isDirectory(p)) {
                    files.add(p);
                }
            }
            files.sort((a, b) -> CodePoints.compare(a.toString(), b.toString()));
            return files;
        } catch (IOException e) {
            throw new ConfigException(dir.toString(), "Unable to read config from " + dir, e);
        }
    }

    private static String decodeUtf8(byte[] bytes, String file) {
        String text = Utf8.decodeOrNull(bytes);
        if (text == null) {
            throw new ConfigException(file, "not valid UTF-8");
        }
        return text;
    }

    /** The file or directory name given to {@link #load} or {@link #parse}. */
    public String source() {
        return source;
    }

    /** The sections other than {@code [DEFAULT]}, in order of first appearance. */
    public List<String> sectionNames() {
        return sectionNames;
    }

    /** Whether a section of exactly this name exists ({@code DEFAULT} never counts). */
    public boolean hasSection(String name) {
        return sectionNames.contains(name);
    }

    /** The section read with the dialect Swift uses for its name ({@link Dialect#forSection}). */
    public ConfigSection section(String name) {
        return section(name, Dialect.forSection(name));
    }

    /**
     * The section read with {@code dialect}.
     *
     * @throws ConfigException if there is no such section, or an interpolation in it fails
     */
    public ConfigSection section(String name, Dialect dialect) {
        return section(name, dialect, Interpolation.NICER);
    }

    /** {@code [DEFAULT]} alone, as {@code readconf} reads it (empty if absent). */
    public ConfigSection defaults() {
        return ConfigSection.build(this, DEFAULT_SECTION, Dialect.READCONF, Interpolation.NICER);
    }

    ConfigSection section(String name, Dialect dialect, Interpolation interpolation) {
        if (!hasSection(name)) {
            throw new ConfigException(source, "Unable to find " + name + " config section in " + source);
        }
        return ConfigSection.build(this, name, dialect, interpolation);
    }

    /** Raw options of one section (or DEFAULT), later values replacing earlier, keyed by {@code keyCase}. */
    Map<String, String> rawOptions(String section, Dialect dialect) {
        Map<String, String> merged = new java.util.LinkedHashMap<>();
        for (IniParser.Option o : options) {
            if (o.section().equals(section)) {
                merged.put(ConfigSection.keyCase(dialect, o.key()), o.value());
            }
        }
        return Collections.unmodifiableMap(merged);
    }

    /** paste-deploy's {@code here}: the directory of the file (or the directory itself), if loaded from disk. */
    @Nullable
    Path here() {
        if (path == null) {
            return null;
        }
        return Files.isDirectory(path) ? path.normalize() : path.getParent();
    }

    @Nullable
    Path path() {
        return path;
    }
}
