package io.cairn.compute.system;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Positional SQL arguments, any of them null (JdbcClient's varargs {@code params} is declared non-null). */
public final class SqlArgs {
    private SqlArgs() {}

    public static List<@Nullable Object> of(@Nullable Object... values) {
        return Arrays.asList(values);
    }
}
