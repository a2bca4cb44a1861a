package io.cairn.cli.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Ranges (single, suffix, open-ended, past the end, multiple → {@code multipart/byteranges}, unsatisfiable, bad)
 * and conditionals ({@code If-Match}, {@code If-None-Match}, {@code If-Modified-Since}, {@code
 * If-Unmodified-Since} with RFC 1123, RFC 850 and asctime dates, {@code If-Range}) on GET and HEAD, with the
 * headers that come back on 206, 304, 412 and 416.
 *
 * <p>Thread-safety: stateless.
 */
final class RangeScenarios {
    private static final String O = "/v1/AUTH_test/rng/o";
    /** MD5 of {@link #BODY}. */
    private static final String ETAG = "644be06dfc54061fd1e67f5ebbabcd58";

    private static final String BODY = "0123456789abcdefghij";
    private static final String PAST_1123 = "Sun, 06 Nov 1994 08:49:37 GMT";
    private static final String PAST_850 = "Sunday, 06-Nov-94 08:49:37 GMT";
    private static final String PAST_ASCTIME = "Sun Nov  6 08:49:37 1994";
    private static final String FUTURE_1123 = "Thu, 01 Jan 2037 00:00:00 GMT";
    private static final String FUTURE_850 = "Thursday, 01-Jan-37 00:00:00 GMT";
    private static final String FUTURE_ASCTIME = "Thu Jan  1 00:00:00 2037";

    private RangeScenarios() {}

    static List<Group> groups() {
        List<Scenario> s = new ArrayList<>();
        s.add(Scenario.of(
                "range.setup",
                Req.put("/v1/AUTH_test/rng"),
                Req.put(O).h("Content-Type", "text/plain").body(BODY),
                Req.put("/v1/AUTH_test/rng/empty").h("Content-Type", "text/plain"),
                Req.head(O)));
        String[][] ranges = {
            {"single", "bytes=0-4"},
            {"middle", "bytes=5-9"},
            {"suffix", "bytes=-5"},
            {"suffix-longer-than-object", "bytes=-50"},
            {"open-ended", "bytes=15-"},
            {"whole", "bytes=0-"},
            {"past-end", "bytes=10-100"},
            {"multiple", "bytes=0-1,5-6"},
            {"multiple-overlapping", "bytes=0-5,3-8"},
            {"multiple-one-unsatisfiable", "bytes=0-1,50-60"},
            {"unsatisfiable", "bytes=20-30"},
            {"unsatisfiable-suffix-zero", "bytes=-0"},
            {"reversed", "bytes=5-1"},
            {"other-unit", "items=0-1"},
            {"garbage", "bytes=abc"},
            {"spaces", "bytes= 0-1 , 3-4"},
        };
        for (String[] r : ranges) {
            s.add(Scenario.of("range." + r[0], Req.get(O).h("Range", r[1])));
        }
        s.add(Scenario.of("range.head-single", Req.head(O).h("Range", "bytes=0-4")));
        s.add(Scenario.of("range.head-unsatisfiable", Req.head(O).h("Range", "bytes=20-30")));
        s.add(Scenario.of(
                "range.empty-object", Req.get("/v1/AUTH_test/rng/empty").h("Range", "bytes=0-1")));
        s.add(Scenario.of(
                "range.if-range-etag", Req.get(O).h("Range", "bytes=0-1").h("If-Range", '"' + ETAG + '"')));
        s.add(Scenario.of(
                "range.if-range-wrong", Req.get(O).h("Range", "bytes=0-1").h("If-Range", "\"nope\"")));
        s.add(Scenario.of(
                "range.with-if-match", Req.get(O).h("Range", "bytes=0-1").h("If-Match", ETAG)));
        s.add(Scenario.of(
                "range.unsatisfiable-with-if-none-match",
                Req.get(O).h("Range", "bytes=20-30").h("If-None-Match", ETAG)));
        conditionals(s);
        return List.of(new Group("range", s));
    }

    private static void conditionals(List<Scenario> s) {
        String[][] c = {
            {"if-match", "If-Match", ETAG},
            {"if-match-quoted", "If-Match", '"' + ETAG + '"'},
            {"if-match-list", "If-Match", "\"nope\", \"" + ETAG + '"'},
            {"if-match-wrong", "If-Match", "\"nope\""},
            {"if-match-star", "If-Match", "*"},
            {"if-none-match", "If-None-Match", ETAG},
            {"if-none-match-quoted", "If-None-Match", '"' + ETAG + '"'},
            {"if-none-match-star", "If-None-Match", "*"},
            {"if-none-match-wrong", "If-None-Match", "\"nope\""},
            {"if-none-match-list", "If-None-Match", "\"nope\", \"" + ETAG + '"'},
            {"ims-past-rfc1123", "If-Modified-Since", PAST_1123},
            {"ims-past-rfc850", "If-Modified-Since", PAST_850},
            {"ims-past-asctime", "If-Modified-Since", PAST_ASCTIME},
            {"ims-future-rfc1123", "If-Modified-Since", FUTURE_1123},
            {"ims-future-rfc850", "If-Modified-Since", FUTURE_850},
            {"ims-future-asctime", "If-Modified-Since", FUTURE_ASCTIME},
            {"ims-garbage", "If-Modified-Since", "yesterday"},
            {"ius-past-rfc1123", "If-Unmodified-Since", PAST_1123},
            {"ius-past-rfc850", "If-Unmodified-Since", PAST_850},
            {"ius-past-asctime", "If-Unmodified-Since", PAST_ASCTIME},
            {"ius-future-rfc1123", "If-Unmodified-Since", FUTURE_1123},
            {"ius-future-rfc850", "If-Unmodified-Since", FUTURE_850},
            {"ius-future-asctime", "If-Unmodified-Since", FUTURE_ASCTIME},
            {"ius-garbage", "If-Unmodified-Since", "tomorrow"},
        };
        for (String[] x : c) {
            s.add(Scenario.of("cond.get." + x[0], Req.get(O).h(x[1], x[2])));
        }
        for (String[] x : c) {
            s.add(Scenario.of("cond.head." + x[0], Req.head(O).h(x[1], x[2])));
        }
        s.add(Scenario.of(
                "cond.get.if-none-match-wins-over-ims",
                Req.get(O).h("If-None-Match", "\"nope\"").h("If-Modified-Since", FUTURE_1123)));
        s.add(Scenario.of(
                "cond.get.if-match-and-ius-past", Req.get(O).h("If-Match", ETAG).h("If-Unmodified-Since", PAST_1123)));
        s.add(Scenario.of(
                "cond.get.missing-object-if-match",
                Req.get("/v1/AUTH_test/rng/nope").h("If-Match", ETAG)));
        s.add(Scenario.of(
                "cond.get.missing-object-if-none-match-star",
                Req.get("/v1/AUTH_test/rng/nope").h("If-None-Match", "*")));
    }
}
