package org.reliefdesk.central;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.reliefdesk.logic.calendar.CalendarLoader;
import org.reliefdesk.logic.calendar.HolidayYear;
import org.reliefdesk.logic.calendar.YearFile;

/**
 * The holiday years administrators imported, shared with every PC: one file a year, the newest
 * import of a year replacing the one before. Checked by the same reader as on the PC.
 */
public final class CentralCalendar {

    private final CentralDatabase db;

    CentralCalendar(CentralDatabase db) {
        this.db = db;
    }

    public List<YearFile> years() {
        return db.inTransaction(c -> {
            List<YearFile> out = new ArrayList<>();
            try (PreparedStatement ps =
                            c.prepareStatement("SELECT holiday_year, content FROM holiday_year ORDER BY holiday_year");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new YearFile(rs.getInt(1), rs.getString(2)));
                }
            }
            return out;
        });
    }

    /**
     * @throws org.reliefdesk.logic.calendar.CalendarException (field {@code calendar}, its rule and entry) when
     *     the file is not a valid year; nothing stored
     */
    public HolidayYear put(String content, String importedBy, Instant at) {
        HolidayYear y = CalendarLoader.read("calendar", content);
        db.inTransaction(c -> {
            int updated;
            try (PreparedStatement ps = c.prepareStatement("UPDATE holiday_year SET content = ?, imported_by = ?,"
                    + " imported_at = ? WHERE holiday_year = ?")) {
                ps.setString(1, content);
                ps.setString(2, importedBy);
                ps.setTimestamp(3, Timestamp.from(at));
                ps.setInt(4, y.year());
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO holiday_year (holiday_year, content,"
                        + " imported_by, imported_at) VALUES (?, ?, ?, ?)")) {
                    ps.setInt(1, y.year());
                    ps.setString(2, content);
                    ps.setString(3, importedBy);
                    ps.setTimestamp(4, Timestamp.from(at));
                    ps.executeUpdate();
                }
            }
            return null;
        });
        return y;
    }
}
