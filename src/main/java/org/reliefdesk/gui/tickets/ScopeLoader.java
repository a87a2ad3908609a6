package org.reliefdesk.gui.tickets;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.reliefdesk.gui.session.ScopeReadAhead;
import org.reliefdesk.logic.clock.TicketClock;
import org.reliefdesk.logic.clock.TicketClocks;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.queue.TicketSearch;
import org.reliefdesk.logic.workflow.WorkflowEngine;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.User;
import org.reliefdesk.store.LocalStore;
import org.reliefdesk.store.TicketStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the user's scope from the local store into snapshots, off the FX thread: the newest
 * tickets for the first screen, the whole scope, or just the tickets a save or a pull changed.
 * Holds no state of the screen; every call reads the store and the clock afresh.
 */
final class ScopeLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ScopeLoader.class);

    private final LocalStore store;
    private final TicketScope scope;
    private final User user;
    private final Supplier<TicketClocks> clocks;
    private final Clock clock;
    private final WorkflowEngine engine;
    private final boolean provisionalNumbers;
    private final ScopeReadAhead readAhead;

    ScopeLoader(
            LocalStore store,
            TicketScope scope,
            User user,
            Supplier<TicketClocks> clocks,
            Clock clock,
            WorkflowEngine engine,
            boolean provisionalNumbers,
            ScopeReadAhead readAhead) {
        this.store = store;
        this.scope = scope;
        this.user = user;
        this.clocks = clocks;
        this.clock = clock;
        this.engine = engine;
        this.provisionalNumbers = provisionalNumbers;
        this.readAhead = readAhead;
    }

    /** The newest {@code limit} tickets, marked partial when there may be more. */
    ScopeSnapshot newest(int limit) {
        // someone else's scope read ahead would only slow this one down; our own waits until the
        // first screen is drawn (the whole scope is asked for then, and the read goes on)
        readAhead.keepOnly(scope);
        readAhead.hold();
        long started = System.nanoTime();
        Optional<ScopeReadAhead.Read> ahead = readAhead.takeFirstScreen(scope, limit);
        if (ahead.isPresent()) {
            ScopeReadAhead.Read read = ahead.get();
            LOG.info(
                    "First screen for {}: {} tickets as read ahead",
                    user.username(),
                    read.tickets().size());
            return snapshot(
                    read.tickets(),
                    read.clocks(),
                    read.maker(),
                    read.at(),
                    read.tickets().size() >= limit);
        }
        TicketStore.Screen screen = store.tickets().newest(scope, limit);
        ScopeSnapshot s =
                snapshot(screen.tickets(), screen.timelines(), screen.tickets().size() >= limit);
        LOG.info(
                "First screen for {}: {} tickets in {} ms",
                user.username(),
                s.tickets().size(),
                (System.nanoTime() - started) / 1_000_000);
        return s;
    }

    /** Every ticket in scope: as read ahead while the sign-in list showed, or read now. */
    ScopeSnapshot all() {
        long started = System.nanoTime();
        Optional<ScopeReadAhead.Read> ahead = readAhead.take(scope);
        if (ahead.isPresent()) {
            ScopeReadAhead.Read read = ahead.get();
            LOG.info(
                    "Loaded {} tickets for {} as read ahead, after waiting {} ms",
                    read.tickets().size(),
                    user.username(),
                    (System.nanoTime() - started) / 1_000_000);
            return snapshot(read.tickets(), read.clocks(), read.maker(), read.at(), false);
        }
        TicketStore.Screen whole = store.tickets().movements(scope, () -> false);
        long read = System.nanoTime();
        ScopeSnapshot s = snapshot(whole.tickets(), whole.timelines(), false);
        LOG.info(
                "Loaded {} tickets for {}: read {} ms, clocks {} ms",
                whole.tickets().size(),
                user.username(),
                (read - started) / 1_000_000,
                (System.nanoTime() - read) / 1_000_000);
        return s;
    }

    /** The store changed (a sync, a save), or the first screen was the whole scope: what was read ahead is no longer used. */
    void dropReadAhead() {
        readAhead.drop();
    }

    /** The tickets of {@code ids} as stored now (those no longer in scope or gone are left out). */
    ScopeSnapshot.Changes changes(Collection<UUID> ids) {
        Instant now = clock.instant();
        TicketClocks maker = clocks.get();
        List<Ticket> tickets = new ArrayList<>();
        Map<UUID, TicketClock> computed = new HashMap<>();
        Set<UUID> mine = new HashSet<>();
        // one read for all of them, each ticket's movements from its row (a save must show at once)
        TicketStore.Screen read = store.tickets().movementsOf(ids);
        Set<UUID> gone = new HashSet<>(ids);
        for (Ticket t : read.tickets()) {
            if (!scope.covers(t)) {
                continue; // transferred to another department's item: it leaves the list
            }
            gone.remove(t.id());
            tickets.add(t);
            computed.put(t.id(), maker.compute(t, read.timelines().getOrDefault(t.id(), List.of()), now));
            if (engine.mayActInStep(t, user)) {
                mine.add(t.id());
            }
        }
        return new ScopeSnapshot.Changes(
                tickets,
                computed,
                mine,
                store.outbox().ticketStates(),
                provisionalNumbers ? store.outbox().provisional() : Set.of(),
                gone);
    }

    /** Display names by username: the county's people as the central store lists them, and the users of this PC. */
    Map<String, String> displayNames() {
        Map<String, String> names = new HashMap<>(store.people().names());
        store.users().list().forEach(u -> names.put(u.username(), u.displayName()));
        return names;
    }

    private ScopeSnapshot snapshot(List<Ticket> list, Map<UUID, List<TicketEvent>> events, boolean partial) {
        Instant now = clock.instant();
        TicketClocks maker = clocks.get();
        Map<UUID, TicketClock> computed = new HashMap<>(list.size() * 2);
        for (Ticket t : list) {
            computed.put(t.id(), maker.compute(t, events.getOrDefault(t.id(), List.of()), now));
        }
        return snapshot(list, computed, maker, now, partial);
    }

    private ScopeSnapshot snapshot(
            List<Ticket> list, Map<UUID, TicketClock> computed, TicketClocks maker, Instant at, boolean partial) {
        Set<UUID> mine = new HashSet<>();
        for (Ticket t : list) {
            if (engine.mayActInStep(t, user)) {
                mine.add(t.id());
            }
        }
        return new ScopeSnapshot(
                List.copyOf(list),
                Collections.unmodifiableMap(computed),
                Collections.unmodifiableSet(mine),
                maker,
                at,
                new TicketSearch.Index(list),
                store.outbox().ticketStates(),
                provisionalNumbers ? store.outbox().provisional() : Set.of(),
                partial);
    }
}
