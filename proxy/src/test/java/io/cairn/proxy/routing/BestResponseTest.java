package io.cairn.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BestResponseTest {
    private static int[] parse(String s) {
        if (s.isBlank()) {
            return new int[0];
        }
        String[] parts = s.trim().split(" ");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Integer.parseInt(parts[i]);
        }
        return out;
    }

    @ParameterizedTest(name = "quorum_size({0}) = {1}")
    @CsvSource({"1,1", "2,1", "3,2", "4,2", "5,3", "6,3"})
    void shouldComputeSwiftQuorumWhenGivenReplicaCount(int n, int quorum) {
        assertThat(BestResponse.quorumSize(n)).isEqualTo(quorum);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "201 201 201, 201",
        "201 201 503, 201",
        "201 503 503, 503",
        "202 201 201, 202",
        "201 404 404, 404",
        "404 404 409, 409",
        "204 204 404, 204",
        "204 404 503, 503",
        "304 304 200, 304",
        "500 503 503, 503",
        "201 202, 202",
        "404 201, 201",
        "201 404 404 404, 404",
        "201 201 404 404, 201",
    })
    void shouldChooseHighestStatusOfFirstClassWithQuorumWhenNoOverrides(String statuses, int expected) {
        assertThat(BestResponse.chooseStatus(parse(statuses), Map.of())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "DELETE {0} -> {1}")
    @CsvSource({
        "204 404 503, 204",
        "404 404 503, 404",
        "404 503 503, 503",
        "204 204 404, 204",
        "404 404 404, 404",
        "204 503 503, 503",
    })
    void shouldCountNotFoundAsNoContentWhenObjectDeleteLacksQuorum(String statuses, int expected) {
        assertThat(BestResponse.chooseStatus(parse(statuses), Map.of(404, 204))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} of {1} -> {2}")
    @CsvSource({
        "201, 3, false",
        "201 201, 3, true",
        "201 404, 3, false",
        "404 404, 3, true",
        "100 100, 3, true",
        "503 503, 3, false",
        "201, 2, true",
    })
    void shouldDecideEarlyOnlyWhenSomeClassHasQuorum(String statuses, int nodes, boolean decided) {
        int[] s = parse(statuses);
        assertThat(BestResponse.haveQuorum(s, s.length, nodes)).isEqualTo(decided);
    }

    @org.junit.jupiter.api.Test
    void shouldReturnNoQuorumWhenNoStatuses() {
        assertThat(BestResponse.choose(new int[0], Map.of())).isEqualTo(BestResponse.NO_QUORUM);
        assertThat(BestResponse.chooseStatus(new int[0], Map.of())).isEqualTo(503);
    }

    @org.junit.jupiter.api.Test
    void shouldPickFirstOfEqualHighestWhenSeveralShareIt() {
        assertThat(BestResponse.choose(new int[] {201, 202, 202}, Map.of())).isEqualTo(1);
    }
}
