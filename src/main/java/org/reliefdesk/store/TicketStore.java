package org.reliefdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.hibernate.Session;
import org.hibernate.query.QueryProducer;
import org.hibernate.query.SelectionQuery;
import org.reliefdesk.logic.ErrorIds;
import org.reliefdesk.logic.TicketNumbers;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.sync.Operation;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Place;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tickets and their histories in the local store. Events are only ever appended. */
public final class TicketStore {

    private static final Logger LOG = LoggerFactory.getLogger(TicketStore.class);

    private static final String SLIM_EVENTS =
            "select e.id, e.ticketId, e.seq, e.actor, e.at, e.action, e.fromStep, e.toStep, e.outcome, e.receivedAt";

    private final LocalStore store;

    TicketStore(LocalStore store) {
        this.store = store;
    }

    /** How many history entries all tickets hold. */
    public long eventCount() {
        return store.read(s -> s.createSelectionQuery("select count(e) from TicketEventEntity e", Long.class)
                .getSingleResult());
    }

    public long count() {
        return store.read(s -> s.createSelectionQuery("select count(t) from TicketEntity t", Long.class)
                .getSingleResult());
    }

    /** Tickets a scope covers, newest first. */
    public List<Ticket> list(TicketScope scope) {
        return store.readMany(
                s -> scoped(s, "select t from TicketEntity t", scope, "t.submittedAt desc", TicketEntity.class)
                        .getResultList()
                        .stream()
                        .map(TicketEntity::toModel)
                        .toList());
    }

    /** The newest tickets of a scope with their step movements: what the first screen shows. */
    public record Screen(List<Ticket> tickets, Map<UUID, List<TicketEvent>> timelines) {}

    /**
     * The newest {@code limit} tickets a scope covers, newest first, with their step movements
     * (a first screenful). Read as a range of submission times growing back from the newest
     * ticket, on the submission-time index: H2 will not walk an index backwards for
     * ORDER BY … LIMIT, and sorting a county of 100,000 tickets for 400 of them costs seconds.
     */
    public Screen newest(TicketScope scope, int limit) {
        return store.readMany(s -> {
            Instant newest = s.createSelectionQuery("select max(t.submittedAt) from TicketEntity t", Instant.class)
                    .getSingleResult();
            if (newest == null) {
                return new Screen(List.of(), Map.of());
            }
            Instant oldest = s.createSelectionQuery("select min(t.submittedAt) from TicketEntity t", Instant.class)
                    .getSingleResult();
            for (long hours = 12; ; hours *= 2) {
                Instant since = newest.minus(Duration.ofHours(hours));
                boolean all = since.isBefore(oldest);
                // counting on the index is cheap; read rows only once there can be enough of them
                long candidates = s.createSelectionQuery(
                                "select count(t) from TicketEntity t where t.submittedAt >= :since", Long.class)
                        .setParameter("since", since)
                        .getSingleResult();
                if (candidates < limit && !all) {
                    continue;
                }
                List<TicketEntity> found = s
                        .createSelectionQuery(
                                "select t from TicketEntity t where t.submittedAt >= :since", TicketEntity.class)
                        .setParameter("since", since)
                        .getResultList()
                        .stream()
                        .filter(t -> scope.covers(t.toModel()))
                        .toList();
                if (found.size() >= limit || all) {
                    List<TicketEntity> screen = found.stream()
                            .sorted(Comparator.comparing((TicketEntity t) -> t.submittedAt)
                                    .reversed())
                            .limit(limit)
                            .toList();
                    Map<UUID, List<TicketEvent>> timelines = new HashMap<>();
                    Set<UUID> notKept = new HashSet<>();
                    for (TicketEntity t : screen) {
                        StepMoves.sortOut(t.id, t.moves, String::intern, timelines, notKept);
                    }
                    if (!notKept.isEmpty()) { // rows of an older version: from their events
                        timelines.putAll(slim(s.createSelectionQuery(
                                        SLIM_EVENTS + " from TicketEventEntity e where e.ticketId in :ids",
                                        Object[].class)
                                .setParameterList("ids", notKept)
                                .getResultList()));
                    }
                    return new Screen(screen.stream().map(TicketEntity::toModel).toList(), timelines);
                }
            }
        });
    }

    /** Events without forms, grouped by ticket, each ticket's in order. */
    private static Map<UUID, List<TicketEvent>> slim(List<Object[]> rows) {
        Map<UUID, List<TicketEvent>> byTicket = new HashMap<>();
        for (Object[] r : rows) {
            UUID ticket = (UUID) r[1];
            byTicket.computeIfAbsent(ticket, k -> new ArrayList<>(6))
                    .add(new TicketEvent(
                            (UUID) r[0],
                            ticket,
                            (Integer) r[2],
                            (String) r[3],
                            (Instant) r[4],
                            (String) r[5],
                            (String) r[6],
                            (String) r[7],
                            null,
                            Map.of(),
                            (String) r[8],
                            (Instant) r[9]));
        }
        byTicket.values().forEach(events -> events.sort(Comparator.comparingInt(TicketEvent::seq)));
        return byTicket;
    }

    /** A query over the tickets a scope covers ({@code t}), with the scope's conditions bound. */
    private static <R> SelectionQuery<R> scoped(
            QueryProducer s, String select, TicketScope scope, String order, Class<R> type) {
        StringBuilder hql = new StringBuilder(select)
                .append(select.contains(" where ") ? " and" : " where")
                .append(" t.countyCode = :county");
        if (scope.itemCodes() != null) {
            hql.append(" and t.itemCode in :items");
        }
        if (scope.townshipCode() != null) {
            hql.append(" and t.townshipCode = :township");
        }
        if (order != null) {
            hql.append(" order by ").append(order);
        }
        SelectionQuery<R> q = s.createSelectionQuery(hql.toString(), type).setParameter("county", scope.countyCode());
        if (scope.itemCodes() != null) {
            q.setParameter("items", scope.itemCodes());
        }
        if (scope.townshipCode() != null) {
            q.setParameter("township", scope.townshipCode());
        }
        return q;
    }

    /**
     * Every ticket a scope covers, newest first, with its step movements (events without notes
     * or forms, oldest first): what the workbench's clocks and queues and the reports need, read
     * in one pass. The full history of one ticket comes from {@link #events(UUID)} when it is
     * opened.
     */
    public Screen scope(TicketScope scope) {
        return scope(scope, () -> false);
    }

    /**
     * {@link #scope(TicketScope)}, stopped with a {@link java.util.concurrent.CancellationException}
     * soon after {@code stop} says so (a read ahead that nobody waits for any more).
     */
    public Screen scope(TicketScope scope, BooleanSupplier stop) {
        return TicketReads.scope(store.dataSource(), scope, stop);
    }

    /**
     * Every ticket a scope covers, newest first, with only what its clocks read: its step
     * movements, kept on its row (no actors, notes or outcomes; see {@link #scope} for those).
     * The workbench's whole scope: one pass over the tickets, none over half a million history
     * rows. Stopped as {@link #scope(TicketScope, BooleanSupplier)} is.
     */
    public Screen movements(TicketScope scope, BooleanSupplier stop) {
        return TicketReads.movements(store.dataSource(), scope, stop);
    }

    /** These tickets (those stored; any order) with their step movements, as {@link #movements} reads them. */
    public Screen movementsOf(Collection<UUID> ids) {
        return TicketReads.movementsOf(store.dataSource(), List.copyOf(ids));
    }

    /** The service item of a stored ticket (plain JDBC: a sync's push names its photos by it). */
    public Optional<String> itemOf(UUID id) {
        return store.readJdbc(c -> Sql.column(c, String.class, "SELECT item_code FROM ticket WHERE id = ?", id).stream()
                .findFirst());
    }

    public Optional<Ticket> find(UUID id) {
        return store.read(
                s -> Optional.ofNullable(s.find(TicketEntity.class, id)).map(TicketEntity::toModel));
    }

    /** The ticket's history, oldest first. */
    public List<TicketEvent> events(UUID ticketId) {
        return store.read(s -> historyOf(s, ticketId));
    }

    /** The history read within a session (so a unit of work sees its own transaction). */
    static List<TicketEvent> historyOf(Session s, UUID ticketId) {
        List<TicketEventEntity> events = s.createSelectionQuery(
                        "from TicketEventEntity e where e.ticketId = :id order by e.seq", TicketEventEntity.class)
                .setParameter("id", ticketId)
                .getResultList();
        TicketFormEntity kept = s.find(TicketFormEntity.class, ticketId);
        Map<UUID, Map<String, Object>> forms = kept == null ? Map.of() : TicketForms.read(ticketId, kept.forms);
        return events.stream().map(e -> toModel(e, forms.get(e.id))).toList();
    }

    /** Appends one event with its form data (after those of its ticket's row of forms). */
    static void persist(Session s, TicketEvent e) {
        s.persist(toEntity(e));
        TicketFormEntity forms = s.find(TicketFormEntity.class, e.ticketId());
        if (forms == null) {
            forms = new TicketFormEntity();
            forms.ticketId = e.ticketId();
            forms.forms = TicketForms.with(null, e);
            s.persist(forms);
        } else {
            forms.forms = TicketForms.with(forms.forms, e);
        }
    }

    /**
     * Stores a ticket opened on this machine, giving it the next human ticket number of its
     * county and day (county code + yyyyMMdd + 4 digits), all in one transaction, with the
     * operation that tells the central store (whose number is final: a number another PC gave
     * meanwhile is replaced at the next sync).
     */
    public Ticket insertOpened(TicketHistory opened, TicketLineCodec codec) {
        Ticket t = opened.ticket();
        String prefix = TicketNumbers.prefix(t.county().code(), t.submittedAt());
        return store.inTransaction(s -> {
            Ticket numbered =
                    t.withNumber(s.doReturningWork(c -> TicketNumbers.next(prefix, TicketRows.numbersOf(c, prefix))));
            TicketHistory stored = new TicketHistory(numbered, opened.events());
            insertAll(s, List.of(stored));
            TicketEvent submit = opened.events().get(0);
            Outbox.add(s, Operation.open(UUID.randomUUID(), t.id(), codec.write(stored)), submit.actor(), submit.at());
            return numbered;
        });
    }

    /**
     * Writes tickets as the central store holds them — except those with a local change still
     * waiting or in conflict, which a pull never overwrites — and the pull cursor after them, in
     * one transaction: an interrupted pull resumes after the last page written.
     *
     * @return how many tickets were written
     */
    public int replaceFromCentral(List<TicketHistory> tickets, String username, long cursor) {
        return replaceFromCentral(
                        ReadyTicket.all(tickets),
                        List.of(),
                        List.of(),
                        username,
                        cursor,
                        Instant.now(),
                        h -> h.ticket().id().toString())
                .written();
    }

    /**
     * What a page did: tickets written, tickets set aside, and other tickets here moved to another
     * number to make way for the page's ({@code renumbered}: a screen showing one reads it again).
     */
    public record PageWritten(int written, int setAside, Set<UUID> renumbered) {}

    /**
     * Writes a pulled page: the tickets that can be taken, the ones that cannot ({@code refused}:
     * set aside with their reason), and the cursor, in one transaction. When the local database
     * refuses the page, each ticket is tried in a transaction of its own; one it still refuses is
     * set aside with the database's reason, and the rest and the cursor are written: one ticket
     * never stops a PC's pull.
     *
     * @param left tickets that left this PC's scope (moved to another department's item): removed,
     *             unless the page brings them back or a change of this PC on them still waits
     * @param tickets the page's tickets this PC takes, their rows' texts made ({@link ReadyTicket})
     * @param lineOf the ticket as pulled (kept whole with a ticket set aside)
     */
    public PageWritten replaceFromCentral(
            List<ReadyTicket> tickets,
            List<UUID> left,
            List<SetAside.Entry> refused,
            String username,
            long cursor,
            Instant now,
            Function<TicketHistory, String> lineOf) {
        return replaceFromCentral(tickets, left, refused, username, false, cursor, now, lineOf);
    }

    /**
     * The same, for the first page of a pull from the start ({@code fromStart}): what the user's
     * pulls set aside before is forgotten with it ({@link SetAside#forgetPulledBy}).
     */
    public PageWritten replaceFromCentral(
            List<ReadyTicket> tickets,
            List<UUID> left,
            List<SetAside.Entry> refused,
            String username,
            boolean fromStart,
            long cursor,
            Instant now,
            Function<TicketHistory, String> lineOf) {
        try {
            return store.inJdbcTransaction(c -> {
                if (fromStart) {
                    SetAside.forgetPulledBy(c, username);
                }
                removeLeft(c, left, tickets);
                Set<UUID> renumbered = new HashSet<>();
                int written = writeFromCentral(c, tickets, SyncFacts.storeOf(c, username), renumbered);
                for (SetAside.Entry e : refused) {
                    SetAside.put(c, e);
                }
                SetAside.clear(
                        c, tickets.stream().map(r -> r.history().ticket().id()).toList());
                SyncFacts.put(c, SyncFacts.cursorName(username), Long.toString(cursor));
                return new PageWritten(written, refused.size(), renumbered);
            });
        } catch (RuntimeException pageFailed) {
            if (tickets.isEmpty()) {
                throw pageFailed;
            }
            LOG.warn(
                    "A pulled page could not be written whole ({}); writing its tickets one by one",
                    pageFailed.toString());
        }
        List<SetAside.Entry> aside = new ArrayList<>(refused);
        int written = 0;
        Set<UUID> renumbered = new HashSet<>();
        String fromStore = store.readJdbc(c -> SyncFacts.storeOf(c, username));
        for (ReadyTicket r : tickets) {
            TicketHistory h = r.history();
            try {
                Set<UUID> moved = new HashSet<>();
                written += store.inJdbcTransaction(c -> {
                    int n = writeFromCentral(c, List.of(r), fromStore, moved);
                    SetAside.clear(c, List.of(h.ticket().id()));
                    return n;
                });
                renumbered.addAll(moved);
            } catch (RuntimeException e) {
                // the database's reason (SQL, its English) to the log; the person reads the id to pass on
                String id = ErrorIds.log(
                        LOG, "Pulled ticket " + h.ticket().ticketNo() + " set aside: the local database refused it", e);
                aside.add(new SetAside.Entry(
                        h.ticket().id(),
                        h.ticket().ticketNo(),
                        username,
                        new InvalidFieldException("ticket", "sync.setAside.database", id),
                        lineOf.apply(h),
                        now));
            }
        }
        store.inJdbcTransaction(c -> {
            if (fromStart) {
                SetAside.forgetPulledBy(c, username);
            }
            removeLeft(c, left, tickets);
            for (SetAside.Entry e : aside) {
                SetAside.put(c, e);
            }
            SyncFacts.put(c, SyncFacts.cursorName(username), Long.toString(cursor));
            return null;
        });
        return new PageWritten(written, aside.size(), renumbered);
    }

    /**
     * Removes the tickets that left this PC's scope, except one the page brings back (moved to an
     * item still in scope) and one with a change of this PC still waiting or in conflict (its
     * conflict is shown with it; the central store keeps the ticket).
     */
    private static void removeLeft(Connection c, List<UUID> left, List<ReadyTicket> page) throws SQLException {
        if (left.isEmpty()) {
            return;
        }
        Set<UUID> back = new HashSet<>();
        page.forEach(r -> back.add(r.history().ticket().id()));
        Set<UUID> keep = Outbox.lockAndFindUnsynced(c, left);
        int removed = 0;
        for (UUID id : new HashSet<>(left)) {
            if (!back.contains(id) && !keep.contains(id)) {
                CentralCopies.remove(c, id);
                removed++;
            }
        }
        LOG.info("{} tickets moved to another department's item were removed from this PC", removed);
    }

    /**
     * {@code username}'s pull reached the end of their scope ({@link SyncFacts#caughtUp}). When they
     * were pointed at another central store (a training store, a new address), the tickets the
     * stores they left sent and the new one did not leave this PC, but for one with work of this PC
     * waiting or in conflict (held: pushed at its store, or given up on 同步冲突). A ticket no store
     * sent stays: taken in by {@code import}, or held before local schema 17 said where it came
     * from. Returns the tickets taken off.
     */
    public List<UUID> caughtUp(String username) {
        return store.inJdbcTransaction(c -> {
            SyncFacts.markCaughtUp(c, username);
            List<String> left = SyncFacts.leftStores(c, username);
            if (left.isEmpty()) {
                return List.of();
            }
            List<UUID> theirs = Sql.column(
                    c,
                    UUID.class,
                    "SELECT id FROM ticket WHERE from_store IN (" + Sql.marks(left.size()) + ")",
                    left.toArray());
            Set<UUID> keep = Outbox.lockAndFindUnsynced(c, theirs);
            List<UUID> removed =
                    theirs.stream().filter(id -> !keep.contains(id)).toList();
            for (UUID id : removed) {
                CentralCopies.remove(c, id);
            }
            SyncFacts.leftStoresCleared(c, username);
            LOG.info(
                    "{} tickets only the central stores {} left had were removed from this PC ({} kept: work waits on them)",
                    removed.size(),
                    username,
                    keep.size());
            return removed;
        });
    }

    /**
     * Writes the central store's versions of these tickets, except those with a local change
     * still waiting or in conflict, within the caller's transaction; {@code fromStore}: the id of
     * the store that sent them. Other tickets moved to make way for their numbers are added to
     * {@code renumbered}.
     */
    private static int writeFromCentral(Connection c, List<ReadyTicket> tickets, String fromStore, Set<UUID> renumbered)
            throws SQLException {
        Outbox.Held held = Outbox.lock(
                c, tickets.stream().map(r -> r.history().ticket().id()).toList());
        List<ReadyTicket> written = tickets.stream()
                .filter(r -> !held.unsynced().contains(r.history().ticket().id()))
                .toList();
        renumbered.addAll(CentralCopies.put(c, written, held.present(), fromStore));
        return written.size();
    }

    /** The townships (code and name) that have tickets in a county, by code. */
    public List<Place> townshipsOf(String countyCode) {
        return store.read(s -> s
                .createSelectionQuery(
                        "select distinct t.townshipCode, t.townshipName from TicketEntity t"
                                + " where t.countyCode = :c order by t.townshipCode",
                        Object[].class)
                .setParameter("c", countyCode)
                .getResultList()
                .stream()
                .map(r -> new Place((String) r[0], (String) r[1]))
                .toList());
    }

    /** The counties (code and name) of the stored tickets; one on a county PC. */
    public List<Place> counties() {
        return store.read(s -> s
                .createSelectionQuery(
                        "select distinct t.countyCode, t.countyName from TicketEntity t" + " order by t.countyCode",
                        Object[].class)
                .getResultList()
                .stream()
                .map(r -> new Place((String) r[0], (String) r[1]))
                .toList());
    }

    /** Villages already known in a township, by name, for choosing where a new ticket is. */
    public List<Place> villagesOf(String townshipCode) {
        return store.read(s -> s
                .createSelectionQuery(
                        "select distinct t.villageCode, t.villageName from TicketEntity t where t.townshipCode = :tc "
                                + "order by t.villageName",
                        Object[].class)
                .setParameter("tc", townshipCode)
                .getResultList()
                .stream()
                .map(r -> new Place((String) r[0], (String) r[1]))
                .toList());
    }

    /** Inserts new tickets with their histories in the caller's transaction, in JDBC batches (a ticket opened). */
    void insertAll(Session s, List<TicketHistory> histories) {
        s.flush(); // whatever the session holds goes first
        s.doWork(c -> {
            List<ReadyTicket> ready = ReadyTicket.all(histories);
            TicketRows.insertTickets(c, ready, null);
            TicketRows.insertEvents(c, ready);
        });
        s.clear();
    }

    static TicketEventEntity toEntity(TicketEvent e) {
        TicketEventEntity entity = new TicketEventEntity();
        entity.id = e.id();
        entity.ticketId = e.ticketId();
        entity.seq = e.seq();
        entity.actor = e.actor();
        entity.at = e.at();
        entity.action = e.action();
        entity.fromStep = e.fromStep();
        entity.toStep = e.toStep();
        entity.note = e.note();
        entity.outcome = e.outcome();
        entity.receivedAt = e.receivedAt();
        return entity;
    }

    static TicketEvent toModel(TicketEventEntity e, Map<String, Object> form) {
        if (form == null) {
            throw new IllegalStateException("event " + e.id + " has no stored form data");
        }
        return new TicketEvent(
                e.id,
                e.ticketId,
                e.seq,
                e.actor,
                e.at,
                e.action,
                e.fromStep,
                e.toStep,
                e.note,
                form,
                e.outcome,
                e.receivedAt);
    }
}
