package org.reliefdesk.store;

import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Small plain-JDBC statements of the store, their parameters bound as its columns take them: an
 * {@link Instant} as a UTC time with zone, a text column read as a string while the connection is
 * open. The sync's writes go this way, so a pull never waits for Hibernate's mapping.
 */
final class Sql {

    /** The most values in one IN list. */
    static final int IN_LIST = 500;

    /** Rows sent in one round of a batch. */
    private static final int BATCH = 500;

    private Sql() {}

    /** Runs an INSERT, UPDATE, DELETE or MERGE; the rows it touched. */
    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    /** Runs one statement for each row of parameters, sent to the database in batches. */
    static void batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = 0;
            for (Object[] row : rows) {
                bind(ps, row);
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** Every row of a query, each as its columns' values (text columns as strings). */
    static List<Object[]> rows(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        Object v = rs.getObject(i + 1);
                        row[i] = v instanceof Clob clob ? clob.getSubString(1, (int) clob.length()) : v;
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    /** The first column of every row of a query. */
    static <T> List<T> column(Connection c, Class<T> type, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> values = new ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getObject(1, type));
                }
                return values;
            }
        }
    }

    /** A list cut into pieces of at most {@value #IN_LIST}: ids or names asked about in one IN list each. */
    static <T> List<List<T>> parts(List<T> all) {
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_LIST) {
            parts.add(all.subList(from, Math.min(all.size(), from + IN_LIST)));
        }
        return parts;
    }

    /** {@code n} parameter marks for an IN list ("?, ?, ?"). */
    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** The values of a collection as parameters, after {@code before}. */
    static Object[] args(Collection<?> values, Object... before) {
        Object[] all = new Object[before.length + values.size()];
        System.arraycopy(before, 0, all, 0, before.length);
        int i = before.length;
        for (Object v : values) {
            all[i++] = v;
        }
        return all;
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object v = args[i] instanceof Instant at ? OffsetDateTime.ofInstant(at, ZoneOffset.UTC) : args[i];
            ps.setObject(i + 1, v);
        }
    }
}
