package org.reliefdesk.gui.session;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.reliefdesk.logic.clock.TicketClock;
import org.reliefdesk.logic.clock.TicketClocks;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.User;
import org.reliefdesk.store.LocalStore;
import org.reliefdesk.store.TicketStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole scope of the person most likely to sign in, read with its clocks while the sign-in
 * list shows: a person takes seconds to find their name and type a password, and a county of
 * 100,000 tickets takes seconds to read. The workbench of that scope takes it once, waiting if it
 * is still being read; a sign-in of anyone else stops it and drops it. Nothing can change the
 * store meanwhile (no one is signed in; sync starts with the workbench), and a pull that lands
 * later replaces the tickets it changed as every pull does.
 */
public final class ScopeReadAhead {

    /** A held read goes on after this anyway: a workbench that never asks must not keep it waiting forever. */
    static final long LONGEST_HOLD_MS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(ScopeReadAhead.class);

    /** What was read: the tickets newest first and their clocks as of {@code at}. */
    public record Read(List<Ticket> tickets, Map<UUID, TicketClock> clocks, TicketClocks maker, Instant at) {}

    private record FirstScreen(TicketScope scope, int limit, Read read) {}

    /** One read: the scope it is for, its result, and whether anyone still wants it. */
    private static final class Attempt {
        final TicketScope scope;
        final CompletableFuture<Read> result = new CompletableFuture<>();
        volatile boolean stopped;
        /** Set under the lock when the read begins: one not begun is not waited for. */
        boolean started;

        Attempt(TicketScope scope) {
            this.scope = scope;
        }
    }

    private Attempt current;
    /** The newest tickets of the expected scope, read first (what its workbench shows first). */
    private FirstScreen firstScreen;
    /** While the workbench draws its first screen the read waits: both want the same two cores. */
    private boolean held;

    /** Who signed in last on this PC; else the county's leader (the largest scope); else the first. */
    public static Optional<User> likelyUser(List<User> known, String lastUser) {
        return Optional.ofNullable(lastUser)
                .flatMap(name ->
                        known.stream().filter(u -> u.username().equals(name)).findFirst())
                .or(() -> known.stream().filter(u -> u.role() == Role.LEADER).findFirst())
                .or(() -> known.stream().findFirst());
    }

    /** Claims the next read for {@code scope} (before it is queued); an earlier one is stopped. */
    public synchronized void expect(TicketScope scope) {
        if (current != null) {
            current.stopped = true;
        }
        current = new Attempt(scope);
        firstScreen = null;
    }

    /** Keeps the newest {@code limit} tickets of the expected scope, read with their clocks. */
    public synchronized void keepFirstScreen(TicketScope scope, int limit, Read read) {
        if (current != null && current.scope.equals(scope)) {
            firstScreen = new FirstScreen(scope, limit, read);
        }
    }

    /**
     * The newest {@code limit} tickets of {@code scope} as read ahead; empty when none were kept
     * for it. Once only: the store may change after the workbench opens.
     */
    public synchronized Optional<Read> takeFirstScreen(TicketScope scope, int limit) {
        FirstScreen f = firstScreen;
        firstScreen = null;
        return f != null && f.scope().equals(scope) && f.limit() == limit ? Optional.of(f.read()) : Optional.empty();
    }

    /** Reads what was last expected (on a background lane). */
    public void read(LocalStore store, TicketClocks maker, Clock clock) {
        Attempt a;
        synchronized (this) {
            a = current;
            if (a == null || a.stopped) {
                return;
            }
            a.started = true;
        }
        long started = System.nanoTime();
        try {
            TicketStore.Screen screen = store.tickets().movements(a.scope, () -> waitWhileHeld(a));
            Instant now = clock.instant();
            Map<UUID, TicketClock> clocks = new HashMap<>(screen.tickets().size() * 2);
            int n = 0;
            for (Ticket t : screen.tickets()) {
                if ((++n & 0xFFF) == 0 && waitWhileHeld(a)) {
                    throw new CancellationException("stopped while computing clocks");
                }
                clocks.put(t.id(), maker.compute(t, screen.timelines().getOrDefault(t.id(), List.of()), now));
            }
            a.result.complete(new Read(screen.tickets(), clocks, maker, now));
            LOG.info(
                    "Read ahead {} tickets with their clocks in {} ms",
                    screen.tickets().size(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            a.result.completeExceptionally(e);
            if (e instanceof CancellationException) {
                LOG.info("Reading ahead stopped: another person signed in");
            } else {
                LOG.warn("Reading ahead failed (the workbench reads when it opens)", e);
            }
        }
    }

    /** Stops and drops a read for any scope other than {@code scope}. */
    public synchronized void keepOnly(TicketScope scope) {
        if (firstScreen != null && !firstScreen.scope().equals(scope)) {
            firstScreen = null;
        }
        if (current != null && !current.scope.equals(scope)) {
            current.stopped = true;
            current = null;
            notifyAll();
        }
    }

    /**
     * Drops whatever was read ahead (and stops a read under way): the store changed since, so it
     * may no longer say what the store holds (a first sync pulled the county after the sign-in list).
     */
    public synchronized void drop() {
        if (current != null) {
            current.stopped = true;
            current = null;
        }
        firstScreen = null;
        held = false;
        notifyAll();
    }

    /** Lets the first screen have the machine: the read waits (at most a few seconds) until {@link #take}. */
    public synchronized void hold() {
        held = true;
    }

    /** Whether the read is to stop; waits first while it is held (never longer than {@link #LONGEST_HOLD_MS}). */
    private synchronized boolean waitWhileHeld(Attempt a) {
        long until = System.currentTimeMillis() + LONGEST_HOLD_MS;
        while (held && !a.stopped && System.currentTimeMillis() < until) {
            try {
                wait(Math.max(1, until - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return a.stopped;
    }

    /**
     * The read of {@code scope}, waiting while it runs; empty when none was made for it, it was
     * stopped or it failed. Once only: what it held is the caller's.
     */
    public Optional<Read> take(TicketScope scope) {
        Attempt a;
        synchronized (this) {
            keepOnly(scope);
            a = current;
            current = null;
            held = false;
            notifyAll();
            if (a != null && !a.started) {
                // its lane is busy with something else: the workbench reads for itself
                a.stopped = true;
                return Optional.empty();
            }
        }
        if (a == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(a.result.join());
        } catch (CompletionException | CancellationException e) {
            return Optional.empty();
        }
    }
}
