package io.cairn.cli.conformance;

import io.cairn.cli.RawHttp;
import org.jspecify.annotations.Nullable;

/**
 * What one request got: a response, or the error that stood in for one (connection closed or timed out first).
 *
 * <p>Thread-safety: immutable.
 */
record Outcome(
        RawHttp.@Nullable Response response, @Nullable String error) {
    static Outcome of(RawHttp.Response response) {
        return new Outcome(response, null);
    }

    static Outcome failed(String error) {
        return new Outcome(null, error);
    }

    int status() {
        RawHttp.Response r = response;
        return r == null ? -1 : r.status();
    }
}
