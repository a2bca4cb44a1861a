package io.cairn.object.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.http.HttpDates;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

class ConditionalsTest {
    /** Sun, 06 Nov 1994 08:49:37 GMT. */
    private static final long EXAMPLE = 784_111_777L;

    @Test
    void shouldEvaluateConditionalsInSwobOrder() {
        HttpHeaders h = new DefaultHttpHeaders();
        h.set("If-None-Match", "\"abc\"").set("If-Match", "\"zzz\"");
        assertThat(Conditionals.evaluate(h, "abc", 100, false)).isEqualTo(SwiftStatus.NOT_MODIFIED);
        h.clear().set("If-Match", "*");
        assertThat(Conditionals.evaluate(h, null, -1, true)).isEqualTo(SwiftStatus.PRECONDITION_FAILED);
        h.clear().set("If-Modified-Since", HttpDates.format(100));
        assertThat(Conditionals.evaluate(h, "abc", 100, false)).isEqualTo(SwiftStatus.NOT_MODIFIED);
        assertThat(Conditionals.evaluate(h, "abc", 101, false)).isNull();
    }

    @Test
    void shouldHonourEachHttpDateFormWhenComparingModificationTimes() {
        for (String date : new String[] {
            "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"
        }) {
            HttpHeaders h = new DefaultHttpHeaders().set("If-Modified-Since", date);
            assertThat(Conditionals.evaluate(h, "abc", EXAMPLE, false)).as(date).isEqualTo(SwiftStatus.NOT_MODIFIED);
            assertThat(Conditionals.evaluate(h, "abc", EXAMPLE + 1, false))
                    .as(date)
                    .isNull();
            h = new DefaultHttpHeaders().set("If-Unmodified-Since", date);
            assertThat(Conditionals.evaluate(h, "abc", EXAMPLE, false)).as(date).isNull();
            assertThat(Conditionals.evaluate(h, "abc", EXAMPLE + 1, false))
                    .as(date)
                    .isEqualTo(SwiftStatus.PRECONDITION_FAILED);
        }
    }

    @Test
    void shouldIgnoreADateSwobCannotParse() {
        for (String date : new String[] {"yesterday", "Sun, 31 Nov 1994 08:49:37 GMT", "784111777", ""}) {
            HttpHeaders h =
                    new DefaultHttpHeaders().set("If-Modified-Since", date).set("If-Unmodified-Since", date);
            assertThat(Conditionals.evaluate(h, "abc", EXAMPLE, false)).as(date).isNull();
        }
    }
}
