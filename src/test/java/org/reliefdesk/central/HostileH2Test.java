package org.reliefdesk.central;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.sync.OpResult;
import org.reliefdesk.logic.sync.Operation;
import org.reliefdesk.logic.workflow.TicketAttachments;
import org.reliefdesk.model.Ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hostile-client suite against the central store's default database: an H2 file. */
class HostileH2Test extends HostileContract {

    @Override
    String freshDatabase(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("central").resolve("central").toAbsolutePath();
    }

    /**
     * A county's other writers wait while one has its turn, and with PostgreSQL on another
     * machine every statement is a round trip on the network. An applied action on a ticket that
     * names a photo makes nine in its turn (the counter; the audit row and the ticket in one read;
     * the event id; the photos noted; the counter's update; the ticket; its event; the audit row;
     * the commit) and two before it (the ticket read and that transaction's end): eleven. Counted
     * with H2's query statistics (the same statements run on PostgreSQL). Fourteen before
     * 2026-12-06, twelve of them in the turn.
     */
    @Test
    void anAppliedActionMakesNineStatementsInItsCountysTurnAndTwoBefore() throws Exception {
        try (SyncWorld.Pc a = world.pc("a", SyncWorld.WATER_A);
                Connection c = DriverManager.getConnection(world.jdbcUrl, "sa", "");
                Statement s = c.createStatement()) {
            a.sync();
            // a ticket that names photos, so its photos' one read is always among the statements
            // (the generated county changes with the clock: the first actionable ticket may name none)
            Ticket ticket = a.tickets().stream()
                    .filter(a::actionable)
                    .filter(t -> !TicketAttachments.of(
                                    SyncWorld.CATALOG,
                                    t.itemCode(),
                                    a.store.tickets().events(t.id()))
                            .isEmpty())
                    .findFirst()
                    .orElseThrow();
            Operation op = nextOp(a, ticket, world.clock.instant(), UUID.randomUUID());
            s.execute("SET QUERY_STATISTICS TRUE");
            OpResult r = world.central
                    .ops()
                    .push(new CentralUsers.Caller(SyncWorld.WATER_A, "pc-a", null), List.of(op))
                    .get(0);
            assertEquals(OpResult.Outcome.APPLIED, r.outcome(), r.reasonKey() + " " + r.args());
            Map<String, Integer> ran = new TreeMap<>();
            try (ResultSet rs =
                    s.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
                while (rs.next()) {
                    String sql = rs.getString(1);
                    if (!sql.contains("QUERY_STATISTICS")) {
                        ran.put(sql, rs.getInt(2));
                    }
                }
            }
            s.execute("SET QUERY_STATISTICS FALSE");
            assertEquals(11, ran.values().stream().mapToInt(Integer::intValue).sum(), ran.toString());
        }
    }
}
