package org.tonkla.platform;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL {@code COPY} for bulk writes (imports, synthetic populations): rows go in as CSV on
 * the connection of the current transaction, so a failed batch rolls back with everything else.
 * Values: {@code null} is SQL NULL; {@code byte[]} becomes {@code bytea}; anything else is written
 * with {@code toString()} (UUIDs, dates in ISO, numbers, booleans).
 */
@Component
public class BulkCopy {

    private static final HexFormat HEX = HexFormat.of();
    private static final String UNIQUE_VIOLATION = "23505";
    private final DataSource dataSource;

    BulkCopy(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Copies {@code rows} into {@code table}; each row has one value per column, in order. Returns the row count. */
    public long copy(String table, List<String> columns, Iterable<Object[]> rows) {
        var csv = new StringBuilder(1 << 16);
        for (Object[] row : rows) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException(table + ": a row has " + row.length + " values for " + columns.size() + " columns");
            }
            for (int i = 0; i < row.length; i++) {
                if (i > 0) csv.append(',');
                append(csv, row[i]);
            }
            csv.append('\n');
        }
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)",
                    new StringReader(csv.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    /**
     * Like {@link #copy}, but rows that would violate a unique key (the same id, the same national
     * ID…) are skipped, so an import can be run again or resumed: the rows go through a staging
     * table and {@code INSERT … ON CONFLICT DO NOTHING}. Returns the number of rows inserted.
     */
    public long copyNew(String table, List<String> columns, Iterable<Object[]> rows) {
        if (!rows.iterator().hasNext()) return 0;
        String stage = "stage_" + table;
        String cols = String.join(", ", columns);
        Connection c = DataSourceUtils.getConnection(dataSource);
        try (var s = c.createStatement()) {
            // Rows of an import are nearly always all new: COPY them straight in, behind a savepoint. Only when a
            // key is there already (a rerun, the same child from another file) is the COPY undone and the rows
            // sent the careful way. Half the work of staging every batch (issue 14 §6: import against raw COPY).
            Savepoint before = c.getAutoCommit() ? null : c.setSavepoint();
            try {
                long copied = copy(table, columns, rows);
                if (before != null) c.releaseSavepoint(before);
                return copied;
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState()))) throw e;
                if (before != null) c.rollback(before);
            }
            s.execute("CREATE TEMP TABLE IF NOT EXISTS " + stage + " (LIKE " + table + " INCLUDING DEFAULTS)");
            s.execute("TRUNCATE " + stage);
            copy(stage, columns, rows);
            return s.executeUpdate("INSERT INTO " + table + " (" + cols + ") SELECT " + cols + " FROM " + stage
                    + " ON CONFLICT DO NOTHING");
        } catch (SQLException e) {
            throw new IllegalStateException("Bulk insert into " + table + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    private static void append(StringBuilder csv, Object value) {
        switch (value) {
            case null -> { } // an unquoted empty field is NULL in CSV COPY
            case byte[] bytes -> csv.append("\\x").append(HEX.formatHex(bytes));
            case Number n -> csv.append(n);
            case Boolean b -> csv.append(b);
            default -> {
                String s = value.toString();
                csv.append('"');
                for (int i = 0; i < s.length(); i++) {
                    char ch = s.charAt(i);
                    if (ch == '"') csv.append('"');
                    csv.append(ch);
                }
                csv.append('"');
            }
        }
    }
}
