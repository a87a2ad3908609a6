package org.reliefdesk.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.reliefdesk.logic.clock.TicketClocks;
import org.reliefdesk.model.TicketEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ticket's step movements kept on its own row (column {@code ticket.moves}), beside the
 * history they come from: the clocks of a county's 100,000 tickets then need one pass over the
 * tickets instead of another over half a million history rows. Each movement is
 * {@code seq,step after (empty when none),action,microseconds since 1970 (UTC)}, and for an entry
 * that moved the ticket to another item {@code ,item left>item entered}; movements are
 * joined by {@code ;} in the order of {@code seq}. {@code null} means "not kept": the history is
 * read instead (rows of an older version, or a code the format cannot hold), as it is for a
 * damaged text (logged). The store writes it wherever it writes a ticket's history, in the same
 * transaction.
 */
final class StepMoves {

    /** Longer than any real history (about a thousand movements); a longer one is not kept. */
    static final int LONGEST = 65_536;

    private static final Logger LOG = LoggerFactory.getLogger(StepMoves.class);
    private static final char BETWEEN = ';';
    private static final char WITHIN = ',';
    private static final char ITEMS = '>';

    private StepMoves() {}

    /** The movements of a whole history (in any order), or null when the format cannot hold them. */
    static String of(List<TicketEvent> history) {
        List<TicketEvent> ordered = new ArrayList<>(history);
        ordered.sort(Comparator.comparingInt(TicketEvent::seq));
        StringBuilder moves = new StringBuilder();
        for (TicketEvent e : ordered) {
            if (TicketClocks.readsEntry(e) && !add(moves, e)) {
                return null;
            }
        }
        return moves.length() > LONGEST ? null : moves.toString();
    }

    /** {@code moves} with one more entry appended to the history (null stays null: not kept). */
    static String append(String moves, TicketEvent e) {
        if (moves == null || !TicketClocks.readsEntry(e)) {
            return moves;
        }
        StringBuilder more = new StringBuilder(moves);
        if (!add(more, e) || more.length() > LONGEST) {
            return null;
        }
        return more.toString();
    }

    /**
     * The movements as history entries holding what the clocks read (sequence, action, step after,
     * time; no actor, note or form). {@code shared} gives one copy of each repeated text.
     */
    static List<TicketEvent> read(UUID ticket, String moves, UnaryOperator<String> shared) {
        List<TicketEvent> events = new ArrayList<>(6);
        int start = 0;
        while (start < moves.length()) {
            int end = moves.indexOf(BETWEEN, start);
            if (end < 0) {
                end = moves.length();
            }
            int a = moves.indexOf(WITHIN, start);
            int b = moves.indexOf(WITHIN, a + 1);
            int c = moves.indexOf(WITHIN, b + 1);
            if (a < 0 || b < 0 || c < 0 || c > end) {
                throw new StoreException("the step movements of ticket " + ticket + " are damaged: " + moves, null);
            }
            // an entry that moved the ticket to another item carries "item left>item entered" after its time
            int d = moves.indexOf(WITHIN, c + 1);
            int timeEnd = d < 0 || d > end ? end : d;
            Map<String, Object> items = timeEnd == end ? Map.of() : items(ticket, moves, timeEnd + 1, end, shared);
            long micros;
            int seq;
            try {
                micros = Long.parseLong(moves, c + 1, timeEnd, 10);
                seq = Integer.parseInt(moves, start, a, 10);
            } catch (NumberFormatException e) {
                throw new StoreException("the step movements of ticket " + ticket + " are damaged: " + moves, e);
            }
            String to = b == a + 1 ? null : shared.apply(moves.substring(a + 1, b));
            events.add(new TicketEvent(
                    null,
                    ticket,
                    seq,
                    null,
                    Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L),
                    shared.apply(moves.substring(b + 1, c)),
                    null,
                    to,
                    null,
                    items,
                    null,
                    null));
            start = end + 1;
        }
        return events;
    }

    /**
     * Sorts out what one row kept: its movements into {@code moves}, or its id into
     * {@code notKept} (to be read from its history) when none were kept or the text is damaged —
     * one damaged row must not stop a county's read.
     */
    static void sortOut(
            UUID ticket,
            String kept,
            UnaryOperator<String> shared,
            Map<UUID, List<TicketEvent>> moves,
            Collection<UUID> notKept) {
        if (kept == null) {
            notKept.add(ticket);
        } else if (!kept.isEmpty()) {
            try {
                moves.put(ticket, read(ticket, kept, shared));
            } catch (StoreException e) {
                LOG.warn("{}; its history is read instead", e.getMessage());
                notKept.add(ticket);
            }
        }
    }

    private static Map<String, Object> items(
            UUID ticket, String moves, int from, int end, UnaryOperator<String> shared) {
        int arrow = moves.indexOf(ITEMS, from);
        if (arrow < 0 || arrow >= end || arrow == from || arrow == end - 1) {
            throw new StoreException("the step movements of ticket " + ticket + " are damaged: " + moves, null);
        }
        return Map.of(
                TicketEvent.FROM_ITEM,
                shared.apply(moves.substring(from, arrow)),
                TicketEvent.ITEM,
                shared.apply(moves.substring(arrow + 1, end)));
    }

    /** Appends one movement; false when a code holds a separator (the format cannot keep it). */
    private static boolean add(StringBuilder moves, TicketEvent e) {
        String to = e.toStep() == null ? "" : e.toStep();
        if (!plain(e.action()) || !plain(to) || (e.changesItem() && (!item(e.itemBefore()) || !item(e.itemAfter())))) {
            return false;
        }
        if (moves.length() > 0) {
            moves.append(BETWEEN);
        }
        Instant at = e.at();
        // rounded to the microsecond as the history's TIMESTAMP(6) column rounds it
        long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), (at.getNano() + 500) / 1_000);
        moves.append(e.seq())
                .append(WITHIN)
                .append(to)
                .append(WITHIN)
                .append(e.action())
                .append(WITHIN)
                .append(micros);
        if (e.changesItem()) {
            moves.append(WITHIN).append(e.itemBefore()).append(ITEMS).append(e.itemAfter());
        }
        return true;
    }

    private static boolean item(String code) {
        return plain(code) && !code.isEmpty() && code.indexOf(ITEMS) < 0;
    }

    private static boolean plain(String code) {
        return code != null && code.indexOf(BETWEEN) < 0 && code.indexOf(WITHIN) < 0;
    }
}
