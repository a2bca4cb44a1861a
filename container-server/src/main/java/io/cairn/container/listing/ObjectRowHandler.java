package io.cairn.container.listing;

import java.sql.SQLException;

/** Receives the entries of one object listing in order; called on the device executor. */
public interface ObjectRowHandler {
    /** One object row, as stored ({@code createdAt} is the encoded data/ctype/meta timestamp triple). */
    void row(String name, String createdAt, long size, String contentType, String etag) throws SQLException;

    /** One {@code subdir} entry (ends with the delimiter). */
    void subdir(String name) throws SQLException;
}
