package io.cairn.ring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the Python scripts the interop tests run with Debian's Swift (test resources). */
public final class TestScripts {
    private TestScripts() {}

    /** The text of class-path resource {@code name} (absolute, e.g. {@code /io/cairn/ring/x.py}). */
    public static String load(String name) {
        try (InputStream in = TestScripts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
