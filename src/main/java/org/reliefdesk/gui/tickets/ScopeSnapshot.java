package org.reliefdesk.gui.tickets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.reliefdesk.logic.clock.TicketClock;
import org.reliefdesk.logic.clock.TicketClocks;
import org.reliefdesk.logic.queue.TicketSearch;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.store.Outbox;

/**
 * The user's scope as loaded at one moment: the tickets newest first, each one's clock (the step
 * movements it was computed from are not kept: a county's half a million of them would double
 * the heap) and whether it is the user's task, the search over them and where their changes stand
 * with the central store. Never changed: a save or a pulled page makes a new snapshot that
 * shares what did not change ({@link #replacing}); background work is handed a snapshot, never
 * the view model's fields.
 *
 * @param partial true while only the newest tickets are in it and the rest are being read
 */
public record ScopeSnapshot(
        List<Ticket> tickets,
        Map<UUID, TicketClock> clocks,
        Set<UUID> actionable,
        TicketClocks maker,
        Instant at,
        TicketSearch.Index search,
        Map<UUID, Outbox.TicketSync> syncStates,
        Set<UUID> provisional,
        boolean partial) {

    public static final ScopeSnapshot EMPTY = new ScopeSnapshot(
            List.of(),
            Map.of(),
            Set.of(),
            null,
            Instant.EPOCH,
            new TicketSearch.Index(List.of()),
            Map.of(),
            Set.of(),
            false);

    /**
     * What a save or a pulled page changed: the tickets as stored now, with their clocks, and
     * those asked for that are no longer in the scope ({@code gone}: transferred to another
     * department's item, or removed by a pull).
     */
    public record Changes(
            List<Ticket> tickets,
            Map<UUID, TicketClock> clocks,
            Set<UUID> actionable,
            Map<UUID, Outbox.TicketSync> syncStates,
            Set<UUID> provisional,
            Set<UUID> gone) {

        public Set<UUID> ids() {
            Set<UUID> ids = new HashSet<>();
            tickets.forEach(t -> ids.add(t.id()));
            return ids;
        }
    }

    public boolean isEmpty() {
        return tickets.isEmpty();
    }

    /**
     * This snapshot with the changed tickets in place of the ones it held (a ticket new to the
     * scope comes first, as the newest), and without those gone from it; everything else is shared. The sync states and the
     * provisional numbers are the outbox's as read with the changes.
     */
    public ScopeSnapshot replacing(Changes changes) {
        Map<UUID, Ticket> fresh = new HashMap<>();
        changes.tickets().forEach(t -> fresh.put(t.id(), t));
        List<Ticket> list = new ArrayList<>(tickets.size() + fresh.size());
        Set<UUID> known = new HashSet<>();
        for (Ticket t : tickets) {
            if (changes.gone().contains(t.id())) {
                continue;
            }
            Ticket now = fresh.get(t.id());
            list.add(now != null ? now : t);
            if (now != null) {
                known.add(t.id());
            }
        }
        List<Ticket> added =
                changes.tickets().stream().filter(t -> !known.contains(t.id())).toList();
        list.addAll(0, added);
        Map<UUID, TicketClock> c = new HashMap<>(clocks);
        c.keySet().removeAll(changes.gone());
        c.putAll(changes.clocks());
        Set<UUID> mine = new HashSet<>(actionable);
        mine.removeAll(fresh.keySet());
        mine.removeAll(changes.gone());
        mine.addAll(changes.actionable());
        return new ScopeSnapshot(
                Collections.unmodifiableList(list),
                Collections.unmodifiableMap(c),
                Collections.unmodifiableSet(mine),
                maker,
                at,
                search.without(changes.gone()).replacing(changes.tickets()),
                Map.copyOf(changes.syncStates()),
                Set.copyOf(changes.provisional()),
                partial);
    }
}
