package org.reliefdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.reliefdesk.logic.TicketNumbers;
import org.reliefdesk.model.TicketHistory;

/**
 * The central store's versions of tickets put in place of the local ones, with plain JDBC inside
 * the caller's transaction: a pulled page, and a pushed operation's answer. A known ticket's row
 * is updated (its version goes up, so a form opened on the old one is refused) and its events
 * replaced; a new one is inserted. Statements go a page at a time, not a ticket at a time.
 */
final class CentralCopies {

    private CentralCopies() {}

    /**
     * Puts these histories as the central store {@code fromStore} sent them (its id, null when it
     * named none); the caller has left out those with a local change waiting. Returns the other
     * tickets here moved to another number to make way for theirs ({@link #makeWayForNumbers}).
     */
    static Set<UUID> put(Connection c, List<ReadyTicket> tickets, String fromStore) throws SQLException {
        return put(
                c,
                tickets,
                existing(c, tickets.stream().map(r -> r.history().ticket().id()).toList()),
                fromStore);
    }

    /** {@link #put(Connection, List, String)} when the caller has found which of them this PC holds ({@code known}). */
    static Set<UUID> put(Connection c, List<ReadyTicket> tickets, Set<UUID> known, String fromStore)
            throws SQLException {
        if (tickets.isEmpty()) {
            return Set.of();
        }
        List<UUID> ids = tickets.stream().map(r -> r.history().ticket().id()).toList();
        Set<UUID> renumbered =
                makeWayForNumbers(c, tickets.stream().map(ReadyTicket::history).toList());
        List<UUID> replaced = ids.stream().filter(known::contains).toList();
        deleteEvents(c, replaced);
        List<ReadyTicket> fresh = new ArrayList<>();
        List<ReadyTicket> updated = new ArrayList<>();
        for (ReadyTicket r : tickets) {
            (known.contains(r.history().ticket().id()) ? updated : fresh).add(r);
        }
        TicketRows.updateTickets(c, updated, fromStore);
        TicketRows.insertTickets(c, fresh, fromStore);
        TicketRows.insertEvents(c, tickets);
        return renumbered;
    }

    /** Removes a ticket, its events and their forms (nothing when it is not here). */
    static void remove(Connection c, UUID id) throws SQLException {
        deleteEvents(c, List.of(id));
        Sql.update(c, "DELETE FROM ticket WHERE id = ?", id);
    }

    /** Those of {@code ids} this PC holds. */
    private static Set<UUID> existing(Connection c, List<UUID> ids) throws SQLException {
        Set<UUID> found = new HashSet<>();
        for (List<UUID> part : Sql.parts(ids)) {
            found.addAll(Sql.column(
                    c,
                    UUID.class,
                    "SELECT id FROM ticket WHERE id IN (" + Sql.marks(part.size()) + ")",
                    Sql.args(part)));
        }
        return found;
    }

    private static void deleteEvents(Connection c, List<UUID> ticketIds) throws SQLException {
        for (List<UUID> part : Sql.parts(ticketIds)) {
            String in = "(" + Sql.marks(part.size()) + ")";
            Sql.update(c, "DELETE FROM ticket_form WHERE ticket_id IN " + in, Sql.args(part));
            Sql.update(c, "DELETE FROM ticket_event WHERE ticket_id IN " + in, Sql.args(part));
        }
    }

    /**
     * Makes way for the central store's numbers: a ticket opened on this PC and not yet synced may
     * hold the same provisional number (another PC gave it first); it moves to the next free number
     * of its day, and gets its final number when it syncs. One query finds whether any number of
     * the histories is held by another ticket; only then are they freed one by one, in order.
     * Returns the tickets moved (a screen showing one reads it again: no page brings it).
     */
    private static Set<UUID> makeWayForNumbers(Connection c, List<TicketHistory> histories) throws SQLException {
        Map<String, UUID> claimed = new HashMap<>();
        for (TicketHistory h : histories) {
            if (TicketNumbers.wellFormed(h.ticket().ticketNo())) {
                claimed.put(h.ticket().ticketNo(), h.ticket().id());
            }
        }
        boolean clash = false;
        for (List<String> part : Sql.parts(new ArrayList<>(claimed.keySet()))) {
            for (Object[] r : Sql.rows(
                    c,
                    "SELECT id, ticket_no FROM ticket WHERE ticket_no IN (" + Sql.marks(part.size()) + ")",
                    Sql.args(part))) {
                clash |= !r[0].equals(claimed.get((String) r[1]));
            }
        }
        Set<UUID> moved = new HashSet<>();
        if (!clash) {
            return moved;
        }
        for (TicketHistory h : histories) {
            moved.addAll(freeNumber(c, h.ticket().ticketNo(), h.ticket().id(), claimed.keySet()));
        }
        // those given: the page's own tickets take their numbers next
        histories.forEach(h -> moved.remove(h.ticket().id()));
        return moved;
    }

    /**
     * Moves another holder of {@code number} to the next number of its day not taken here nor by
     * {@code claimed}; returns it (none when nobody else holds the number).
     */
    private static List<UUID> freeNumber(Connection c, String number, UUID owner, Set<String> claimed)
            throws SQLException {
        if (!TicketNumbers.wellFormed(number)) {
            return List.of();
        }
        List<UUID> holders =
                Sql.column(c, UUID.class, "SELECT id FROM ticket WHERE ticket_no = ? AND id <> ?", number, owner);
        if (holders.isEmpty()) {
            return holders;
        }
        String prefix = number.substring(0, 14);
        List<String> taken = new ArrayList<>(TicketRows.numbersOf(c, prefix));
        claimed.stream().filter(n -> n.startsWith(prefix)).forEach(taken::add);
        Sql.update(
                c,
                "UPDATE ticket SET ticket_no = ?, version = version + 1 WHERE ticket_no = ? AND id <> ?",
                TicketNumbers.next(prefix, taken),
                number,
                owner);
        return holders;
    }
}
