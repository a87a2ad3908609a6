package org.reliefdesk.central;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.interchange.LineRejectedException;
import org.reliefdesk.logic.interchange.TicketIngest;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.User;

/**
 * Reads every ticket the central store keeps through the checks a PC applies to a pulled one (the
 * line's length, the codec, the bounds, the history replayed as the store's users) and names each
 * that fails: what PCs set aside, found by its row, so an administrator can find the tickets PCs
 * report, even one whose kept line is too damaged for a PC to read its number. Rows are read a
 * page at a time in id order, so a province's store is checked in bounded memory, and a check
 * running beside the servers holds no lock for long.
 */
public final class FitCheck {

    /** A kept ticket a PC would set aside: its row's id, number and county, and the rule it breaks. */
    public record Unfit(UUID id, String ticketNo, String countyCode, InvalidFieldException why) {}

    /** Rows read in one statement. */
    private static final int PAGE = 500;

    private final CentralDatabase db;
    private final TicketIngest ingest;
    private final Clock clock;

    FitCheck(CentralDatabase db, Catalog catalog, Function<String, Optional<User>> users, Clock clock) {
        this.db = db;
        this.ingest = new TicketIngest(catalog, users);
        this.clock = clock;
    }

    /** Checks every kept ticket, telling {@code each} the ones that fail; returns how many were checked. */
    public long run(Consumer<Unfit> each) {
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        long checked = 0;
        UUID after = null;
        while (true) {
            List<Row> rows = page(after);
            for (Row r : rows) {
                try {
                    ingest.read(new String(r.body(), StandardCharsets.UTF_8), 1, today);
                } catch (LineRejectedException e) {
                    each.accept(new Unfit(r.id(), r.ticketNo(), r.countyCode(), e.problem()));
                }
            }
            checked += rows.size();
            if (rows.size() < PAGE) {
                return checked;
            }
            after = rows.get(rows.size() - 1).id();
        }
    }

    private record Row(UUID id, String ticketNo, String countyCode, byte[] body) {}

    private List<Row> page(UUID after) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, ticket_no, county_code, body FROM central_ticket"
                    + (after == null ? "" : " WHERE id > ?")
                    + " ORDER BY id FETCH FIRST " + PAGE + " ROWS ONLY")) {
                if (after != null) {
                    ps.setObject(1, after);
                }
                List<Row> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(
                                new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBytes(4)));
                    }
                }
                return rows;
            }
        });
    }
}
