package io.cairn.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSectionTest {
    private static final String CONF = """
            [DEFAULT]
            bind_port = 6200
            workers = 4
            log_level = INFO

            [app:object-server]
            use = egg:swift#object
            workers = 8
            set log_level = DEBUG
            Mixed_Case = yes
            typo_key = 1

            [object-replicator]
            Concurrency = 2
            rsync_timeout = 900.5
            sync_method = rsync
            handoffs_first = maybe
            devices = sda, sdb,, sdc ,
            negative = -3
            big = 99999999999999999999
            """;

    private final IniFile ini = IniFile.parse(CONF, "object-server.conf");

    @Test
    void shouldLetDefaultWinOverPlainKeyButNotOverSetWhenReadingPasteSection() {
        ConfigSection app = ini.section("app:object-server");
        assertThat(app.dialect()).isEqualTo(Dialect.PASTE_DEPLOY);
        assertThat(app.get("workers")).isEqualTo("4");
        assertThat(app.get("log_level")).isEqualTo("DEBUG");
        assertThat(app.get("Mixed_Case")).isEqualTo("yes");
        assertThat(app.get("mixed_case")).isNull();
        assertThat(app.shadowedKeys()).containsExactly("workers");
        assertThat(app.unknownKeys(Set.of("use", "log_level", "workers"))).containsExactly("Mixed_Case", "typo_key");
    }

    @Test
    void shouldLetSectionWinAndLowerCaseKeysWhenReadingReadconfSection() {
        ConfigSection r = ini.section("object-replicator");
        assertThat(r.dialect()).isEqualTo(Dialect.READCONF);
        assertThat(r.getInt("concurrency", 1, 1, 100)).isEqualTo(2);
        assertThat(r.getInt("bind_port", 0, 1, 65535)).isEqualTo(6200);
        assertThat(r.keys()).startsWith("bind_port", "workers", "log_level").contains("concurrency");
        assertThat(r.unknownKeys(Set.of("concurrency", "rsync_timeout", "sync_method", "devices")))
                .containsExactly("big", "handoffs_first", "negative");
        ConfigSection asReadconf = ini.section("app:object-server", Dialect.READCONF);
        assertThat(asReadconf.get("workers")).isEqualTo("8");
        assertThat(asReadconf.get("set log_level")).isEqualTo("DEBUG");
    }

    @Test
    void shouldParseTypedValuesAndReturnDefaultsWhenAbsent() {
        ConfigSection r = ini.section("object-replicator");
        assertThat(r.getDouble("rsync_timeout", 1, 0, 3600)).isEqualTo(900.5);
        assertThat(r.getLong("negative", 0, -10, 10)).isEqualTo(-3);
        assertThat(r.getList("devices", List.of())).containsExactly("sda", "sdb", "sdc");
        assertThat(r.getString("sync_method", "ssync")).isEqualTo("rsync");
        assertThat(r.getString("absent", "dflt")).isEqualTo("dflt");
        assertThat(r.getInt("absent", 7, 0, 1)).isEqualTo(7);
        assertThat(r.getBoolean("absent", true)).isTrue();
        assertThat(r.getList("absent", List.of("x"))).containsExactly("x");
        assertThat(IniFile.parse("[a]\nb1 = Yes\nb2 = off\nb3 = T\n", "t")
                        .section("a")
                        .getBoolean("b1", false))
                .isTrue();
        assertThat(IniFile.parse("[a]\nb2 = off\n", "t").section("a").getBoolean("b2", true))
                .isFalse();
        assertThat(IniFile.parse("[a]\nn = 1_000\n", "t").section("a").getInt("n", 0, 0, 5000))
                .isEqualTo(1000);
    }

    @Test
    void shouldReadAutoOrAnIntegerWhenParsingAnAutoIntValue() {
        ConfigSection s = IniFile.parse("[a]\nw1 = auto\nw2 = AUTO\nw3 = 5\nw4 = many\n", "t")
                .section("a");
        assertThat(s.getAutoInt("w1", 8, 0, 64)).isEqualTo(8);
        assertThat(s.getAutoInt("w2", 8, 0, 64)).isEqualTo(8);
        assertThat(s.getAutoInt("w3", 8, 0, 64)).isEqualTo(5);
        assertThat(s.getAutoInt("absent", 8, 0, 64)).isEqualTo(8);
        assertThatThrownBy(() -> s.getAutoInt("w4", 8, 0, 64))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("w4");
    }

    @Test
    void shouldNameFileSectionKeyValueAndRangeWhenValueIsBad() {
        ConfigSection r = ini.section("object-replicator");
        assertThatThrownBy(() -> r.getInt("concurrency", 1, 5, 10))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "object-server.conf: [object-replicator] concurrency = \"2\": expected an integer in [5, 10]");
        assertThatThrownBy(() -> r.getInt("big", 1, 0, Integer.MAX_VALUE)).hasMessageContaining("99999999999999999999");
        assertThatThrownBy(() -> r.getInt("sync_method", 1, 0, 9)).hasMessageContaining("expected an integer");
        assertThatThrownBy(() -> r.getDouble("sync_method", 1, 0, 9)).hasMessageContaining("expected a number in");
        assertThatThrownBy(() -> r.getDouble("rsync_timeout", 1, 0, 60)).hasMessageContaining("[0.0, 60.0]");
        assertThatThrownBy(() -> r.getBoolean("handoffs_first", false))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.source()).isEqualTo("object-server.conf");
                    assertThat(e.section()).isEqualTo("object-replicator");
                    assertThat(e.key()).isEqualTo("handoffs_first");
                    assertThat(e.value()).isEqualTo("maybe");
                })
                .hasMessageContaining("expected a boolean");
        assertThatThrownBy(() -> ini.section("container-server"))
                .hasMessageContaining("Unable to find container-server config section in object-server.conf");
    }

    @Test
    void shouldRejectMalformedFilesWithLineNumbers() {
        assertThatThrownBy(() -> IniFile.parse("[a]\nx = 1\nnot a pair\n", "f.conf"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("f.conf")
                .hasMessageContaining("[3]");
        assertThatThrownBy(() -> IniFile.parse("x = 1\n", "f.conf")).hasMessageContaining("no section headers");
        assertThatThrownBy(() -> IniFile.parse("[a]\nx=1\n[a]\n", "f.conf")).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> IniFile.parse("[a]\nx=1\nX=2\n", "f.conf")).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> IniFile.parse("[a]\nx=%(y)s\n", "f.conf").section("a"))
                .hasMessageContaining("%(y)s");
        assertThatThrownBy(() -> IniFile.parse("[a]\nx=%(x)s\n", "f.conf").section("a"))
                .hasMessageContaining("nested");
    }

    @Test
    void shouldMergeConfFilesInNameOrderWhenLoadingDirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("2.conf"), "[a]\nx = two\n[b]\n");
        Files.writeString(dir.resolve("1.conf"), "[DEFAULT]\nd = 1\n[a]\nx = one\ny = one\n");
        Files.writeString(dir.resolve(".3.conf"), "[hidden]\n");
        Files.createDirectory(dir.resolve("sub.conf"));
        IniFile ini = IniFile.load(dir);
        assertThat(ini.sectionNames()).containsExactly("a", "b");
        ConfigSection a = ini.section("a");
        assertThat(a.get("x")).isEqualTo("two");
        assertThat(a.get("y")).isEqualTo("one");
        assertThat(a.get("d")).isEqualTo("1");
        assertThat(ini.defaults().keys()).containsExactly("d");
        assertThatThrownBy(() -> IniFile.load(dir.resolve("absent.conf")))
                .hasMessageContaining("Unable to read config from");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> IniFile.load(empty)).isInstanceOf(ConfigException.class);
    }

    @Test
    void shouldOfferHereToInterpolationWhenPasteSectionIsLoadedFromDisk(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("proxy-server.conf");
        Files.writeString(file, "[app:proxy-server]\nuse = egg:swift#proxy\nmime = %(here)s/mime.types\n");
        assertThat(IniFile.load(file).section("app:proxy-server").get("mime")).isEqualTo(dir + "/mime.types");
        assertThat(IniFile.load(file).section("app:proxy-server").keys()).containsExactly("use", "mime");
    }

    @Test
    void shouldAgreeWithPythonOnWhitespaceForEveryBmpCharacter() {
        StringBuilder spaces = new StringBuilder();
        for (char c = 0; c < 0xFFFF; c++) {
            if (PythonText.isSpace(c)) {
                spaces.append((int) c).append(',');
            }
        }
        String python = io.cairn.common.testing.Python.runText(
                "print(''.join('%d,' % c for c in range(0xFFFF) if chr(c).isspace()))");
        assertThat(spaces.toString()).isEqualTo(python.strip());
    }
}
