package org.rectify.generator;

import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Rows streamed into one table with PostgreSQL's COPY (text format), the fastest way in with indexes in place.
 * COPY also takes the values of identity columns, which the generator reserves beforehand.
 */
final class Copy implements AutoCloseable {

    private final CopyIn in;
    private final StringBuilder buffer = new StringBuilder(1 << 20);
    private boolean first = true;
    private long rows;
    private final long started = System.nanoTime();
    private long millis = -1;

    Copy(Connection connection, Table<?> table, Field<?>... columns) throws SQLException {
        this.in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(statement(table, columns));
    }

    /** {@code copy "task" ("id", ...) from stdin}, the names from the generated schema. */
    static String statement(Table<?> table, Field<?>... columns) {
        var render = DSL.using(SQLDialect.POSTGRES);
        return "copy " + render.render(DSL.name(table.getName())) + " ("
                + java.util.Arrays.stream(columns).map(c -> render.render(DSL.name(c.getName()))).collect(java.util.stream.Collectors.joining(", "))
                + ") from stdin";
    }

    Copy add(Object value) {
        if (!first) {
            buffer.append('\t');
        }
        first = false;
        if (value == null) {
            buffer.append("\\N");
        } else if (value instanceof String s) {
            escape(s);
        } else if (value instanceof OffsetDateTime || value instanceof LocalDate || value instanceof Number || value instanceof Boolean) {
            buffer.append(value);
        } else {
            escape(value.toString());
        }
        return this;
    }

    void end() throws SQLException {
        buffer.append('\n');
        first = true;
        rows++;
        if (buffer.length() > (1 << 20)) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    /** From the start of the COPY to its end, or to now while it runs. */
    long millis() {
        return millis >= 0 ? millis : (System.nanoTime() - started) / 1_000_000;
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    @Override
    public void close() throws SQLException {
        if (millis >= 0) {
            return; // already ended
        }
        flush();
        in.endCopy();
        millis = (System.nanoTime() - started) / 1_000_000;
    }
}
