package io.cairn.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KnownDifferencesTest {
    private static KnownDifferences parse(String text) throws IOException {
        return KnownDifferences.parse(new BufferedReader(new StringReader(text)));
    }

    @Test
    void shouldMatchShapeScenarioAndAspectWithGlobsWhenListed() throws IOException {
        KnownDifferences k = parse("# comment\n\ncairn,other names.obj.* header:date:* no Date header\n");

        assertThat(k.match("cairn", "names.obj.emoji", "header:date:missing")).isNotNull();
        assertThat(k.match("other", "names.obj.emoji", "header:date:missing")).isNotNull();
        assertThat(k.match("cairn", "names.ctr.emoji", "header:date:missing")).isNull();
        assertThat(k.match("cairn", "names.obj.emoji", "status")).isNull();
        assertThat(k.match("third", "names.obj.emoji", "header:date:missing")).isNull();
    }

    @Test
    void shouldGiveTheDifferenceToTheFirstMatchingLineWhenLinesOverlap() throws IOException {
        KnownDifferences k = parse("cairn * header:date:missing global\ncairn s1 * the scenario's own\n");

        assertThat(k.match("cairn", "s1", "header:date:missing"))
                .extracting(KnownDifferences.Entry::reason)
                .isEqualTo("global");
        assertThat(k.stale(Set.of("cairn"))).singleElement().asString().contains("the scenario's own");
        assertThat(k.match("cairn", "s1", "status"))
                .extracting(KnownDifferences.Entry::reason)
                .isEqualTo("the scenario's own");
        assertThat(k.stale(Set.of("cairn"))).isEmpty();
    }

    @Test
    void shouldReportAnEntryStaleForEachShapeItNoLongerMatchesWhenDifferencesAreFixed() throws IOException {
        KnownDifferences k = parse("a,b s1 status fixed in b\n");

        k.match("a", "s1", "status");

        assertThat(k.stale(Set.of("a", "b")))
                .singleElement()
                .asString()
                .contains("[b]")
                .contains(":1 ");
        assertThat(k.stale(Set.of("a"))).isEmpty();
    }

    @Test
    void shouldNameShapesTheHarnessDoesNotRunWhenMisspelt() throws IOException {
        assertThat(parse("caIrn s1 status typo\n").unknownShapes(Set.of("cairn")))
                .singleElement()
                .asString()
                .contains("caIrn");
    }

    @Test
    void shouldRefuseALineWithoutAReasonWhenParsed() {
        assertThatThrownBy(() -> parse("cairn s1 status\n")).isInstanceOf(IOException.class);
    }

    @Test
    void shouldTreatRegexCharactersLiterallyWhenMatchingGlobs() {
        assertThat(KnownDifferences.glob("a.b+c*").matcher("a.b+cd").matches()).isTrue();
        assertThat(KnownDifferences.glob("a.b+c*").matcher("axb+cd").matches()).isFalse();
        assertThat(KnownDifferences.glob("*").matcher("").matches()).isTrue();
    }

    @Test
    void shouldParseTheCheckedInFileWhenLoaded() throws IOException {
        KnownDifferences k = KnownDifferences.load();

        assertThat(k.unknownShapes(Set.of(
                        ConformanceIT.CAIRN,
                        ConformanceIT.SWIFT_PROXY_CAIRN_STORAGE,
                        ConformanceIT.CAIRN_PROXY_SWIFT_STORAGE)))
                .isEmpty();
    }
}
