package org.reliefdesk.central;

import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A central database as a backup keeps it: every table's rows (but Flyway's), taken in one
 * transaction; {@link #restoreInto} puts them back as restoring that backup does, every row
 * written since gone. Parents before children by the tables' foreign keys. Works on H2 and
 * PostgreSQL alike, so a test of a restore needs neither's own dump tool.
 */
final class DatabaseCopy {

    /** Table name to its rows (column name to value), parents first. */
    private final Map<String, List<Map<String, Object>>> tables;

    private DatabaseCopy(Map<String, List<Map<String, Object>>> tables) {
        this.tables = tables;
    }

    static DatabaseCopy take(CentralDatabase db) {
        return new DatabaseCopy(db.inTransaction(c -> {
            Map<String, List<Map<String, Object>>> copy = new LinkedHashMap<>();
            for (String table : parentsFirst(c)) {
                List<Map<String, Object>> rows = new ArrayList<>();
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            row.put(md.getColumnName(i), value(rs.getObject(i)));
                        }
                        rows.add(row);
                    }
                }
                copy.put(table, rows);
            }
            return copy;
        }));
    }

    /** Empties every table and writes the copy's rows back, in one transaction. */
    void restoreInto(CentralDatabase db) {
        db.inTransaction(c -> {
            List<String> order = new ArrayList<>(tables.keySet());
            for (int i = order.size() - 1; i >= 0; i--) {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM " + order.get(i));
                }
            }
            for (Map.Entry<String, List<Map<String, Object>>> t : tables.entrySet()) {
                for (Map<String, Object> row : t.getValue()) {
                    List<String> columns = new ArrayList<>(row.keySet());
                    String sql = "INSERT INTO " + t.getKey() + " (" + String.join(", ", columns) + ") VALUES ("
                            + String.join(", ", columns.stream().map(x -> "?").toList()) + ")";
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        for (int i = 0; i < columns.size(); i++) {
                            ps.setObject(i + 1, row.get(columns.get(i)));
                        }
                        ps.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    private static Object value(Object o) throws SQLException {
        if (o instanceof Blob b) {
            return b.getBytes(1, (int) b.length());
        }
        if (o instanceof Clob c) {
            return c.getSubString(1, (int) c.length());
        }
        return o;
    }

    /** The store's tables, each after the tables its foreign keys name. */
    private static List<String> parentsFirst(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = c.getSchema();
        Map<String, Set<String>> parents = new HashMap<>();
        try (ResultSet rs = md.getTables(null, schema, null, new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.toLowerCase(Locale.ROOT).startsWith("flyway")) {
                    parents.put(name, new LinkedHashSet<>());
                }
            }
        }
        for (String table : parents.keySet()) {
            try (ResultSet rs = md.getImportedKeys(null, schema, table)) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME");
                    if (!parent.equals(table)) {
                        parents.get(table).add(parent);
                    }
                }
            }
        }
        List<String> order = new ArrayList<>();
        while (order.size() < parents.size()) {
            int before = order.size();
            for (Map.Entry<String, Set<String>> t : parents.entrySet()) {
                if (!order.contains(t.getKey()) && order.containsAll(t.getValue())) {
                    order.add(t.getKey());
                }
            }
            if (order.size() == before) {
                throw new IllegalStateException("foreign keys in a cycle: " + parents);
            }
        }
        return order;
    }
}
