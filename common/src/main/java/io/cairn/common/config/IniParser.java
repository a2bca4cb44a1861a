package io.cairn.common.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One file through Python 3.11's {@code configparser.RawConfigParser._read} with its defaults (the
 * reader under both {@code readconf} and paste-deploy): full-line comments starting with {@code #} or
 * {@code ;} (no inline comments: {@code a = b # c} has value {@code b # c}), {@code =} or {@code :} as
 * delimiter (the first one wins), continuation lines indented deeper than the key's line, blank lines
 * kept inside a continued value, values joined with {@code \n} and right-stripped, and a section header
 * being {@code [} up to the last {@code ]} of the line. Within one file a repeated section or key is an
 * error (keys compared case-insensitively, since {@code readconf} lower-cases them).
 *
 * <p>Thread-safety: not thread-safe; one instance parses one file.
 */
final class IniParser {
    /** One {@code key = value} in file order. */
    record Option(String section, String key, String value) {}

    private final String source;
    private final List<String> sections = new ArrayList<>();
    private final List<Option> options = new ArrayList<>();
    private final List<List<String>> valueLines = new ArrayList<>();
    private final Set<String> sectionsInFile = new HashSet<>();
    private final Set<String> keysInFile = new HashSet<>();
    private final List<Integer> badLines = new ArrayList<>();
    private @Nullable String section;
    private int currentOption = -1;
    private int indentLevel;

    private IniParser(String source) {
        this.source = source;
    }

    /** Parses {@code text}; section names (except DEFAULT) go to {@code sectionsOut} in order. */
    static List<Option> parse(String text, String source, List<String> sectionsOut) {
        IniParser p = new IniParser(source);
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            p.line(lines[i], i + 1);
        }
        if (!p.badLines.isEmpty()) {
            throw new ConfigException(
                    source,
                    "lines " + p.badLines + " are neither a [section], a key = value, "
                            + "a comment, nor an indented continuation");
        }
        List<Option> result = new ArrayList<>(p.options.size());
        for (int i = 0; i < p.options.size(); i++) {
            Option o = p.options.get(i);
            result.add(new Option(o.section(), o.key(), PythonText.rstrip(String.join("\n", p.valueLines.get(i)))));
        }
        sectionsOut.addAll(p.sections);
        return result;
    }

    private void line(String line, int lineNo) {
        String stripped = PythonText.strip(line);
        boolean comment = stripped.startsWith("#") || stripped.startsWith(";");
        if (comment || stripped.isEmpty()) {
            if (!comment && currentOption >= 0) {
                valueLines.get(currentOption).add("");
            }
            return;
        }
        int indent = PythonText.indent(line);
        if (section != null && currentOption >= 0 && indent > indentLevel) {
            valueLines.get(currentOption).add(stripped);
            return;
        }
        indentLevel = indent;
        int close = stripped.lastIndexOf(']');
        if (stripped.charAt(0) == '[' && close > 1) {
            startSection(stripped.substring(1, close), lineNo);
            return;
        }
        if (section == null) {
            throw new ConfigException(
                    source, "line " + lineNo + ": file contains no section headers before \"" + stripped + "\"");
        }
        option(section, stripped, lineNo);
    }

    private void startSection(String name, int lineNo) {
        currentOption = -1;
        if (!name.equals(IniFile.DEFAULT_SECTION) && !sectionsInFile.add(name)) {
            throw new ConfigException(source, "line " + lineNo + ": section [" + name + "] appears twice");
        }
        if (!name.equals(IniFile.DEFAULT_SECTION)) {
            sections.add(name);
        }
        section = name;
    }

    private void option(String sectionName, String stripped, int lineNo) {
        int delimiter = firstDelimiter(stripped);
        String key = delimiter < 0 ? "" : PythonText.strip(stripped.substring(0, delimiter));
        if (key.isEmpty()) {
            badLines.add(lineNo);
            currentOption = -1;
            return;
        }
        if (!keysInFile.add(sectionName + '\0' + key.toLowerCase(Locale.ROOT))) {
            throw new ConfigException(
                    source, "line " + lineNo + ": key \"" + key + "\" appears twice in [" + sectionName + "]");
        }
        options.add(new Option(sectionName, key, ""));
        List<String> lines = new ArrayList<>(1);
        lines.add(PythonText.strip(stripped.substring(delimiter + 1)));
        valueLines.add(lines);
        currentOption = options.size() - 1;
    }

    private static int firstDelimiter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '=' || c == ':') {
                return i;
            }
        }
        return -1;
    }
}
