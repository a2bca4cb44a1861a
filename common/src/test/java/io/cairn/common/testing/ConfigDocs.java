package io.cairn.common.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The generated parts of a module's docs: the table between {@code <!-- config:NAME -->} and {@code <!--
 * /config:NAME -->} in a README, which a module's config test compares with its {@link
 * io.cairn.common.config.ConfigDefinition#markdownTable()}.
 */
public final class ConfigDocs {
    private ConfigDocs() {}

    /**
     * The text between the markers of {@code name} (the line breaks right after the opening and before the
     * closing marker excluded).
     *
     * @throws IllegalArgumentException if the README has no such markers
     */
    public static String readmeTable(Path readme, String name) throws IOException {
        String text = Files.readString(readme);
        String open = "<!-- config:" + name + " -->\n";
        String close = "<!-- /config:" + name + " -->";
        int start = text.indexOf(open);
        int end = text.indexOf(close);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(readme + " has no " + open.strip() + " … " + close + " block");
        }
        return text.substring(start + open.length(), end);
    }
}
