package io.cairn.common.db;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work on a broker's connection (run under the broker's lock). */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection conn) throws SQLException;
}
