package io.cairn.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.codec.CodePoints;
import io.cairn.common.testing.Python;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads tricky configuration files with Swift's {@code readconf} and Swift's paste-deploy loader
 * ({@code swift.common.wsgi.loadcontext}) in one Python run and compares every section's effective
 * settings, and which files both refuse.
 */
class ConfigGoldenTest {
    private static final String SCRIPT = """
            import sys, binascii
            from swift.common.wsgi import loadcontext
            from swift.common.utils import readconf
            from paste.deploy import loadwsgi
            def factory(global_conf, **local):
                return None
            def h(s):
                return binascii.hexlify(s.encode('utf-8')).decode()
            SKIP = ('here', '__file__', '__name__', 'use')
            out = []
            for path in sys.argv[1:]:
                out.append('FILE\\t' + path)
                try:
                    conf = readconf(path)
                except Exception as e:
                    out.append('R-ERR')
                    continue
                for section in sorted(k for k, v in conf.items() if isinstance(v, dict)):
                    out.append('R\\t' + h(section) + ''.join(
                        '\\t%s=%s' % (h(k), h(v)) for k, v in sorted(conf[section].items())))
                    kind = section.split(':', 1)[0]
                    if kind not in ('app', 'filter'):
                        continue
                    try:
                        ctx = loadcontext(loadwsgi.APP if kind == 'app' else loadwsgi.FILTER, path,
                                          name=section.split(':', 1)[1])
                        merged = dict(ctx.global_conf)
                        merged.update(ctx.local_conf)
                        out.append('P\\t' + h(section) + ''.join(
                            '\\t%s=%s' % (h(k), h(v)) for k, v in sorted(merged.items()) if k not in SKIP))
                    except Exception as e:
                        out.append('P-ERR\\t' + h(section))
            print('\\n'.join(out))
            """;

    private static final String USE = "use = call:__main__:factory\n";

    private static final List<String> CONFIGS = List.of(
            "[DEFAULT]\nLog_Level = INFO\nx = 1\n[app:main]\n" + USE
                    + "x = 2\nset y = %(x)s!\nget z = x\nFoo = bar\n[object-replicator]\nX = 3\nconcurrency = 4\n",
            "# comment\n; other\n[DEFAULT]\na = 1 # not a comment\nb: colon\nc = x = y\nd=e:f\n"
                    + "[filter:f]\n" + USE + "  # indented comment\nmulti = first\n  second\n\n   third\n\n"
                    + "after = 1\n",
            "[s]\nkey = value\n\tcontinued with tab\n  # comment inside\n  more\nk2 =\n  indented\n"
                    + "empty =\n[t] trailing text\nv = %(key)s and %%(literal)s\nw = 100%\n",
            "[DEFAULT]\nbase = /srv\npath = %(base)s/node\n[app:main]\n" + USE
                    + "set base = /mnt\nown = %(path)s/x\nbase = ignored\n[u]\np = %(path)s\nbase = /other\n",
            "[a]\nx = \u00a0padded\u00a0\ny = caf\u00e9 \u2603 \ud83d\ude00\n[a]]b]\nz = 1\n",
            "[a]\nx = 1\nX = 2\n",
            "[a]\nx = 1\n[a]\ny = 2\n",
            "x = 1\n[a]\n",
            "[a]\njust a line\n",
            "[a]\nv = %(missing)s\n",
            "[a]\nv = %(v)s\n",
            "[a]\n  = value\n",
            "[DEFAULT]\nlist = a, b,, c ,\n[app:main]\n" + USE + "get copied = list\nset list = 1\n");

    @Test
    void shouldMatchSwiftReadconfAndPasteDeployWhenReadingTrickyFiles(@TempDir Path dir) throws IOException {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < CONFIGS.size(); i++) {
            Path p = dir.resolve("c" + i + ".conf");
            Files.writeString(p, CONFIGS.get(i), StandardCharsets.UTF_8);
            paths.add(p.toString());
        }
        Path confD = dir.resolve("object-server.conf.d");
        Files.createDirectory(confD);
        Files.writeString(confD.resolve("20-b.conf"), "[app:main]\n" + USE + "x = from-b\n[other]\nk = 2\n");
        Files.writeString(confD.resolve("10-a.conf"), "[DEFAULT]\nd = 1\n[app:main]\ny = from-a\nx = from-a\n");
        Files.writeString(confD.resolve(".hidden.conf"), "[hidden]\nk = 1\n");
        Files.writeString(confD.resolve("notes.txt"), "[ignored]\nk = 1\n");
        paths.add(confD.toString());

        String out = Python.runText(SCRIPT, paths.toArray(new String[0]));
        List<String> expected = new ArrayList<>(List.of(out.strip().split("\n")));
        List<String> actual = new ArrayList<>();
        for (String path : paths) {
            actual.addAll(cairn(path));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(expected).filteredOn(l -> l.startsWith("P\t")).hasSizeGreaterThan(4);
        assertThat(expected).filteredOn(l -> l.equals("R-ERR")).hasSizeGreaterThan(5);
    }

    private static List<String> cairn(String path) {
        List<String> lines = new ArrayList<>();
        lines.add("FILE\t" + path);
        IniFile ini;
        List<String> sections = new ArrayList<>();
        try {
            ini = IniFile.load(Path.of(path));
            for (String s : ini.sectionNames()) {
                sections.add(line("R", s, ini.section(s, Dialect.READCONF), Set.of()));
            }
        } catch (ConfigException e) {
            lines.add("R-ERR");
            return lines;
        }
        for (String s : new java.util.TreeSet<>(ini.sectionNames())) {
            lines.add(sections.get(ini.sectionNames().indexOf(s)));
            if (s.startsWith("app:") || s.startsWith("filter:")) {
                try {
                    lines.add(line("P", s, ini.section(s, Dialect.PASTE_DEPLOY), Set.of("use")));
                } catch (ConfigException e) {
                    lines.add("P-ERR\t" + hex(s));
                }
            }
        }
        return lines;
    }

    private static String line(String kind, String section, ConfigSection s, Set<String> skip) {
        Map<String, String> sorted = new TreeMap<>(CodePoints::compare);
        for (String k : s.keys()) {
            if (!skip.contains(k)) {
                sorted.put(k, java.util.Objects.requireNonNull(s.get(k)));
            }
        }
        StringBuilder sb = new StringBuilder(kind).append('\t').append(hex(section));
        sorted.forEach((k, v) -> sb.append('\t').append(hex(k)).append('=').append(hex(v)));
        return sb.toString();
    }

    private static String hex(String s) {
        return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
    }
}
