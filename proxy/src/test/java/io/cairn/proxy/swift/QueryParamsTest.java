package io.cairn.proxy.swift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected values are what Swift 2.30.1's {@code swob.Request.blank(...).params} gives under Python 3.11. */
class QueryParamsTest {
    @Test
    void onlyAmpersandSeparatesPairsAsPython39() {
        // Request.blank('/v1/a/c/o?a=1;b=2&c=%zz&d+e=f+g').params == {'a': '1;b=2', 'c': '%zz', 'd e': 'f g'}
        assertThat(QueryParams.parse("a=1;b=2&c=%zz&d+e=f+g"))
                .containsExactly(Map.entry("a", "1;b=2"), Map.entry("c", "%zz"), Map.entry("d e", "f g"));
    }

    @Test
    void lastOccurrenceWinsAndBlankValuesAreKept() {
        Map<String, String> p = QueryParams.parse("format=xml&&multipart-manifest&format=json&x=");
        assertThat(p)
                .containsExactly(Map.entry("format", "json"), Map.entry("multipart-manifest", ""), Map.entry("x", ""));
    }

    @Test
    void escapesDecodeAsUtf8AndMalformedOnesStay() {
        // wire characters: %C3%A9 is é; %2B a literal plus; "%4" and "%g1" are not escapes
        assertThat(QueryParams.parse("prefix=%C3%A9t%C3%A9%2B1&bad=%4&odd=%g1%41"))
                .containsExactly(Map.entry("prefix", "été+1"), Map.entry("bad", "%4"), Map.entry("odd", "%g1A"));
    }

    @Test
    void pairsComeInOrderWithRepeats() {
        Map<String, String> seen = new LinkedHashMap<>();
        StringBuilder order = new StringBuilder();
        QueryParams.forEachPair("b=1&a&b=2", (k, v) -> {
            order.append(k).append('=').append(v).append(';');
            seen.put(k, v);
        });
        assertThat(order).hasToString("b=1;a=;b=2;");
        assertThat(seen).containsEntry("b", "2");
    }

    @Test
    void buildQuotesEverythingAndParsesBack() {
        // urlencode would write the space as "+"; either decodes to the same parameters
        Map<String, String> p = new LinkedHashMap<>();
        p.put("prefix", "é /&");
        p.put("format", "json");
        assertThat(QueryParams.build(p)).isEqualTo("prefix=%C3%A9%20%2F%26&format=json");
        assertThat(QueryParams.parse(QueryParams.build(p))).isEqualTo(p);
    }
}
