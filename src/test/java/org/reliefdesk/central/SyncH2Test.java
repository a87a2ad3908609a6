package org.reliefdesk.central;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.queue.TicketScope;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sync contract against the central store's default database: an H2 file. */
class SyncH2Test extends SyncContract {

    @Override
    String freshDatabase(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("central").resolve("central").toAbsolutePath();
    }

    /**
     * A page reads the rows it sends, not every row after the cursor: H2 takes the changes in the
     * index's order and stops after the page (ordered by the change number alone it read every
     * later row, each with its whole line, and sorted them; a county's first pull read its tickets
     * over and over, page after page).
     */
    @Test
    void aPageReadsItsOwnRowsNotEveryRowAfterTheCursor() {
        int rows = 11;
        for (TicketScope scope : List.of(
                TicketScope.of(SyncWorld.LEADER_A, SyncWorld.CATALOG),
                TicketScope.of(SyncWorld.WATER_A, SyncWorld.CATALOG))) {
            String plan = world.central.database().inTransaction(c -> {
                try (PreparedStatement ps =
                        c.prepareStatement("EXPLAIN ANALYZE " + CentralTickets.pageQuery(scope, rows))) {
                    CentralTickets.bind(ps, scope, 100);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getString(1);
                    }
                }
            });
            assertTrue(plan.contains("index sorted"), plan);
            Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(plan);
            assertTrue(scanned.find(), plan);
            int read = Integer.parseInt(scanned.group(1));
            // a department's page passes over other departments' changes on the way (a county has seven)
            int limit = scope.itemCodes() == null ? rows + 1 : 40 * rows;
            assertTrue(
                    read <= limit,
                    read + " rows read for a page of " + rows + " of " + world.countyATickets + " (" + scope + "): "
                            + plan);
        }
    }
}
