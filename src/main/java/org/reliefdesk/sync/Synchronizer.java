package org.reliefdesk.sync;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.reliefdesk.logic.ErrorIds;
import org.reliefdesk.logic.calendar.CalendarException;
import org.reliefdesk.logic.calendar.CalendarLoader;
import org.reliefdesk.logic.calendar.YearFile;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.interchange.LineRejectedException;
import org.reliefdesk.logic.interchange.TicketIngest;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.sync.OpResult;
import org.reliefdesk.logic.sync.Operation;
import org.reliefdesk.logic.workflow.AttachmentNames;
import org.reliefdesk.logic.workflow.TicketAttachments;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.User;
import org.reliefdesk.store.AttachmentStore;
import org.reliefdesk.store.LocalStore;
import org.reliefdesk.store.Outbox;
import org.reliefdesk.store.ReadyTicket;
import org.reliefdesk.store.SetAside;
import org.reliefdesk.store.SyncFacts;
import org.reliefdesk.store.TicketStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync of a county PC with the central store: first push this user's waiting operations
 * (their attachments before them), then pull every change after the stored cursor, page by page.
 * Each page is written with its cursor in one transaction, so an interrupted pull resumes where
 * it stopped; a push interrupted after the central store applied it is answered from the
 * central audit log when pushed again, so nothing is applied twice.
 */
public final class Synchronizer {
    public static final int DEFAULT_PUSH_BATCH = 100;
    public static final int PULL_PAGE = 1000;

    /** The most tickets a report names one by one; beyond it a sync reports "many" (a first pull). */
    public static final int CHANGED_NAMED = 5_000;
    /** The most missed attachments asked for again in one sync (the rest wait for the next). */
    static final int RETRIES_PER_SYNC = 200;

    private static final Logger LOG = LoggerFactory.getLogger(Synchronizer.class);

    private final LocalStore store;
    private final CentralClient client;
    private final TicketLineCodec codec;
    private final Catalog catalog;
    private final Clock clock;
    private int pushBatch = DEFAULT_PUSH_BATCH;
    private int pullPage = PULL_PAGE;

    private boolean fetchAttachments = true;

    /** Set by the pull of the sync running now when its cursor was another store's. */
    private boolean startedOver;

    /**
     * Set by the pull of the sync running now when its store was restored from a backup: the user's
     * applied work, checked against what the store sends again.
     */
    private LostWork lostWork;

    /** How many operations the pull of the sync running now put back to be sent again. */
    private int sentAgain;

    /** How many tickets of a store the user left the pull of the sync running now took off this PC. */
    private int leftBehind;
    /** Pulled tickets this sync could not store here, set aside (said to the person: most do not see 系统管理). */
    private int setAside;

    public Synchronizer(LocalStore store, CentralClient client, Catalog catalog, Clock clock) {
        this.store = store;
        this.client = client;
        this.catalog = catalog;
        this.codec = new TicketLineCodec(catalog);
        this.clock = clock;
    }

    /**
     * What one sync did; {@code calendarYears}: holiday years the central store had that this PC did
     * not; {@code startedOver}: the cursor was a number of another store (or of this one before a
     * restore), so the scope was pulled from the start; {@code sentAgain}: operations the central
     * store had applied that its restore from a backup lost, sent again (their answers are counted
     * in {@code pushed} and the rest); {@code held}: operations of the user waiting that were made
     * against another store than this one, not pushed here (docs/sync-protocol.md, "Which store");
     * {@code leftBehind}: tickets only a store the PC synced with before had, taken off this PC;
     * {@code setAside}: pulled tickets this PC could not store, set aside with their reason;
     * {@code calendarLeftOut}: holiday years of the central store this PC cannot read, not taken
     * (said at every sync while so: its deadlines are counted on its own calendar meanwhile).
     */
    public record Report(
            int pushed,
            int applied,
            int rejected,
            int conflicts,
            int pulled,
            long pendingLeft,
            int calendarYears,
            Changed changed,
            boolean startedOver,
            int sentAgain,
            long held,
            int leftBehind,
            int setAside,
            List<YearLeftOut> calendarLeftOut) {

        /** Each year left out once, in the order found (a store may send one many times). */
        public Report {
            Set<Integer> seen = new HashSet<>();
            calendarLeftOut =
                    calendarLeftOut.stream().filter(y -> seen.add(y.year())).toList();
        }
    }

    /** A holiday year of the central store this PC cannot read, and the rule it breaks (said in the reader's words). */
    public record YearLeftOut(int year, InvalidFieldException why) {
        /** Years a message names one by one (the status line, {@code sync}); the rest are counted. */
        public static final int NAMED = 3;
    }

    /**
     * Which tickets a sync changed on this PC (pushed or pulled): named one by one up to
     * {@link #CHANGED_NAMED}, else only "many", when a screen reads its scope again whole.
     */
    public static final class Changed {
        private final Set<UUID> ids = new HashSet<>();
        private boolean many;

        void add(UUID id) {
            if (!many && ids.add(id) && ids.size() > CHANGED_NAMED) {
                many = true;
                ids.clear();
            }
        }

        /** Everything may have changed (a new holiday year moves every deadline). */
        public static Changed everything() {
            Changed c = new Changed();
            c.many = true;
            return c;
        }

        /** One ticket changed (a conflict re-applied or discarded). */
        public static Changed of(UUID id) {
            return of(id, Set.of());
        }

        /** One ticket changed, and the others moved to make way for its number. */
        public static Changed of(UUID id, Set<UUID> moved) {
            Changed c = new Changed();
            c.add(id);
            moved.forEach(c::add);
            return c;
        }

        public boolean many() {
            return many;
        }

        /** The tickets changed (empty when {@link #many()}). */
        public Set<UUID> ids() {
            return Set.copyOf(ids);
        }

        public boolean isEmpty() {
            return !many && ids.isEmpty();
        }

        @Override
        public String toString() {
            return many ? "many" : ids.size() + " tickets";
        }
    }

    /** Progress for a progress bar: what is being done, and how far (0..1, or -1 when unknown). */
    public record Progress(String phase, double fraction) {}

    /** Whether pulled tickets' photos are fetched with each page (the pull benchmark turns it off: its generated county names photos never taken). */
    public Synchronizer fetchAttachments(boolean fetch) {
        this.fetchAttachments = fetch;
        return this;
    }

    /** Changes per pull request (default {@value #PULL_PAGE}). */
    public Synchronizer pullPage(int n) {
        this.pullPage = Math.max(1, n);
        return this;
    }

    public Synchronizer pushBatch(int n) {
        this.pushBatch = Math.max(1, n);
        return this;
    }

    /** Signs in, then syncs once. */
    public Report run(String username, char[] password, Consumer<Progress> progress) throws IOException {
        return run(client.prove(username, password), progress);
    }

    /** Signs in with a proof made ahead ({@link CentralClient#prove}), then syncs once. */
    public Report run(CentralClient.Proof proof, Consumer<Progress> progress) throws IOException {
        CentralClient.Session session = client.signIn(proof, store.syncFacts().clientId());
        store.users().addMissing(List.of(session.user()));
        return sync(session, progress);
    }

    public Report sync(CentralClient.Session session, Consumer<Progress> progress) throws IOException {
        startedOver = false;
        lostWork = null;
        sentAgain = 0;
        leftBehind = 0;
        setAside = 0;
        int[] counts = new int[4];
        Changed changed = new Changed();
        // A store restored from a backup is found before anything is pushed: work made on top of
        // what it lost then waits for that to be sent again first, instead of meeting a conflict.
        boolean restored = restoreFoundFirst(session);
        if (!restored) {
            push(session, progress, counts, changed);
        }
        int pulled = pull(session, progress, changed);
        if (lostWork != null) {
            sendAgain(lostWork.openedAndNotHeld());
            store.syncFacts().restoreChecked(session.user().username());
            lostWork = null;
            if (sentAgain > 0 || restored) {
                // in this sync, with this sign-in: the times of work sent again are checked against
                // the sign-in before it, which the restored store still has
                push(session, progress, counts, changed);
            }
        }
        if (fetchAttachments) {
            fetchMissed(session.token(), new AttachmentStore(store.dataDir()));
        }
        boolean over = startedOver;
        List<YearLeftOut> leftOut = new ArrayList<>();
        int years = pullCalendar(session.token(), leftOut);
        pullPeople(session.token());
        store.syncFacts().put(SyncFacts.LAST_SYNC, clock.instant().toString());
        Report r = new Report(
                counts[0],
                counts[1],
                counts[2],
                counts[3],
                pulled,
                store.outbox().pendingCount(),
                years,
                changed,
                over,
                sentAgain,
                store.outbox()
                        .heldFrom(
                                session.user().username(),
                                store.syncFacts().storeLine(session.user().username())),
                leftBehind,
                setAside,
                leftOut);
        LOG.info("Sync of {}: {}", session.user().username(), r);
        return r;
    }

    /**
     * The holiday years an administrator imported on the central store, written into this PC's
     * calendar folder when they differ from what it has: every PC counts the same working days.
     * A year this PC cannot read is left out, into {@code leftOut}; a PC's own import of a year the
     * central store does not have stays.
     */
    private int pullCalendar(String token, List<YearLeftOut> leftOut) throws IOException {
        int written = 0;
        for (YearFile y : client.calendar(token)) {
            if (CalendarLoader.installedText(store.dataDir(), y.year())
                    .filter(y.content()::equals)
                    .isPresent()) {
                continue;
            }
            try {
                CalendarLoader.install("central:" + y.year(), y.content(), store.dataDir());
                written++;
                LOG.info("Holiday year {} taken from the central store", y.year());
            } catch (CalendarException e) {
                leftOut.add(new YearLeftOut(y.year(), e));
                LOG.warn(
                        ErrorIds.TOLD, "Holiday year {} from the central store left out: {}", y.year(), e.getMessage());
            }
        }
        return written;
    }

    /** The county's people's display names; a central store of an older version, without them, is passed over. */
    private void pullPeople(String token) throws IOException {
        try {
            int kept = store.people().replace(client.people(token));
            LOG.debug("{} people's names taken from the central store", kept);
        } catch (CentralClient.Refused e) {
            if (e.status() != 404) {
                throw e;
            }
            LOG.info("The central store lists no people (an older version): histories name accounts");
        }
    }

    private void push(CentralClient.Session session, Consumer<Progress> progress, int[] counts, Changed changed)
            throws IOException {
        Outbox outbox = store.outbox();
        AttachmentStore files = new AttachmentStore(store.dataDir());
        // only work made against this store (its line of ids); work for another one waits
        List<String> line = store.syncFacts().storeLine(session.user().username());
        while (true) {
            List<Outbox.Entry> batch = outbox.pendingFor(session.user().username(), line, pushBatch);
            if (batch.isEmpty()) {
                return;
            }
            progress.accept(new Progress("push", -1));
            for (Map.Entry<String, UUID> named : attachmentsOf(batch).entrySet()) {
                String stored = named.getKey();
                if (!AttachmentNames.valid(stored)) {
                    continue;
                }
                Path file = files.path(stored);
                if (Files.exists(file)) {
                    client.upload(session.token(), named.getValue(), sha(stored), file);
                }
            }
            List<Operation> ops = batch.stream().map(Outbox.Entry::operation).toList();
            List<OpResult> results = client.push(session.token(), ops);
            List<Outbox.Answer> answers = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                OpResult r = results.get(i);
                Outbox.State state = switch (r.outcome()) {
                    case APPLIED -> Outbox.State.APPLIED;
                    case REJECTED -> Outbox.State.REJECTED;
                    case CONFLICT -> Outbox.State.CONFLICT;
                };
                changed.add(batch.get(i).ticketId());
                answers.add(new Outbox.Answer(
                        r.opId(),
                        batch.get(i).ticketId(),
                        state,
                        r.reasonKey(),
                        r.reason(),
                        r.ticket(),
                        r.ticket() == null ? null : decode(r.ticket())));
                counts[0]++;
                counts[state == Outbox.State.APPLIED ? 1 : state == Outbox.State.REJECTED ? 2 : 3]++;
            }
            // a ticket here moved to make way for a final number changed too, though no answer names it
            outbox.record(answers, session.user().username(), clock.instant()).forEach(changed::add);
        }
    }

    /** The attachments the batch's operations name, each with the ticket it comes with. */
    private Map<String, UUID> attachmentsOf(List<Outbox.Entry> batch) {
        Map<String, UUID> names = new LinkedHashMap<>();
        for (Outbox.Entry e : batch) {
            Operation op = e.operation();
            if (op.kind() == Operation.Kind.ACT) {
                store.tickets()
                        .itemOf(op.ticketId())
                        .ifPresent(item -> TicketAttachments.of(catalog, item, List.of(op.asEvent(e.createdBy())))
                                .forEach(a -> names.putIfAbsent(a.storedName(), op.ticketId())));
            } else {
                TicketHistory h = decode(op.line());
                TicketAttachments.of(catalog, h.ticket().itemCode(), h.events())
                        .forEach(a -> names.putIfAbsent(a.storedName(), op.ticketId()));
            }
        }
        return names;
    }

    private int pull(CentralClient.Session session, Consumer<Progress> progress, Changed changed) throws IOException {
        String token = session.token();
        String username = session.user().username();
        if (store.syncFacts()
                .keepCursorFor(username, TicketScope.of(session.user(), catalog).key())) {
            LOG.info("The scope of {} changed since the last pull: pulling everything in it again", username);
        }
        if (lostWork == null && store.syncFacts().checkingRestore(username)) {
            // an earlier sync found the store restored and was cut short while checking what it lost:
            // checked again from the start (what that sync found waits, pushed after this check)
            LOG.info("The check of the restored central store's losses for {} starts again", username);
            store.syncFacts().resetCursor(username);
            lostWork = new LostWork(store.outbox().applied(username));
        }
        int pulled = 0;
        long total = -1;
        AttachmentStore files = new AttachmentStore(store.dataDir());
        // Defence in depth: a pulled ticket goes through the same ingestion as an imported one.
        Map<String, Optional<User>> known = new HashMap<>();
        store.users().list().forEach(u -> known.put(u.username(), Optional.of(u)));
        PageReader reader = new PageReader(
                token, username, new TicketIngest(catalog, name -> known.getOrDefault(name, Optional.empty())));
        // One page is fetched and checked on a thread of its own while the one before is written:
        // the PC's two halves of the work (reading lines, writing rows) overlap instead of taking turns.
        ExecutorService ahead = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "reliefdesk-pull-ahead");
            t.setDaemon(true);
            return t;
        });
        // Where a pull's time goes: waiting for the page read ahead (the network, the reading and
        // checking) or writing it; logged at the end, to tell which half a slow pull waits on.
        long waitedNanos = 0;
        long writtenNanos = 0;
        int pages = 0;
        int notHeld = 0;
        try {
            long first = store.syncFacts().cursor(username);
            Future<ReadPage> next = ahead.submit(() -> reader.read(first, true));
            boolean storeChecked = false;
            while (true) {
                long waitFrom = System.nanoTime();
                ReadPage read = await(next);
                long writeFrom = System.nanoTime();
                waitedNanos += writeFrom - waitFrom;
                PulledPage page = read.page();
                if (!storeChecked) {
                    storeChecked = true;
                    if (startsOver(username, first, page)) {
                        // nothing of the page asked with that cursor is written (none was read ahead of it yet)
                        next = ahead.submit(() -> reader.read(0, true));
                        continue;
                    }
                }
                if (lostWork != null) {
                    lostWork.heldElsewhere(page.left());
                    lostWork.heldElsewhere(read.refused().stream()
                            .map(SetAside.Entry::ticketId)
                            .toList());
                    // before the page is written: a ticket with work waiting keeps this PC's version
                    sendAgain(lostWork.lostIn(read.tickets()));
                }
                pages++;
                if (total < 0) {
                    total = Math.max(0, page.total());
                }
                next = page.more() ? ahead.submit(() -> reader.read(page.next(), false)) : null;
                TicketStore.PageWritten written = store.tickets()
                        .replaceFromCentral(
                                read.ready(),
                                page.left(),
                                read.refused(),
                                username,
                                read.after() == 0,
                                page.next(),
                                clock.instant(),
                                h -> read.pulled().get(h.ticket().id()).line());
                writtenNanos += System.nanoTime() - writeFrom;
                written.renumbered().forEach(changed::add);
                if (written.setAside() > 0) {
                    setAside += written.setAside();
                    LOG.warn(
                            ErrorIds.TOLD,
                            "{} pulled tickets set aside (see 系统管理); the pull goes on",
                            written.setAside());
                }
                if (fetchAttachments) {
                    notHeld += fetchAttachments(token, read.tickets(), files, page);
                }
                pulled += read.tickets().size();
                read.tickets().forEach(h -> changed.add(h.ticket().id()));
                page.left().forEach(changed::add);
                progress.accept(new Progress("pull", total <= 0 ? 1 : Math.min(1, (double) pulled / total)));
                if (!page.more()) {
                    List<UUID> gone = store.tickets().caughtUp(username);
                    gone.forEach(changed::add);
                    leftBehind += gone.size();
                    if (notHeld > 0) {
                        // Sample data names photos that were never taken; real ones arrive with their operation.
                        LOG.info(
                                "{} attachments named by pulled tickets are not on the central store yet: asked again later",
                                notHeld);
                    }
                    LOG.info(
                            "Pulled {} tickets in {} pages: {} ms fetching and {} ms reading pages ahead;"
                                    + " {} ms waiting for them, {} ms writing",
                            pulled,
                            pages,
                            reader.fetchNanos / 1_000_000,
                            reader.readNanos / 1_000_000,
                            waitedNanos / 1_000_000,
                            writtenNanos / 1_000_000);
                    return pulled;
                }
            }
        } finally {
            ahead.shutdownNow();
        }
    }

    /**
     * Whether the user's central store is one restored from a backup, asked before their waiting
     * work is pushed: by an earlier sync whose check was cut short, or by the first change after
     * the cursor (one ticket at most; asked only when work waits, so a sync with none asks nothing
     * more). Another store is started over as the pull would, and is pushed only the work made
     * for it: the rest is held ({@link Outbox#pendingFor}).
     */
    private boolean restoreFoundFirst(CentralClient.Session session) throws IOException {
        String username = session.user().username();
        if (store.syncFacts().checkingRestore(username)) {
            return true;
        }
        long cursor = store.syncFacts().cursor(username);
        if (cursor == 0 || store.outbox().pending(username, 1).isEmpty()) {
            return false;
        }
        return startsOver(username, cursor, client.pullTickets(session.token(), cursor, 1, false)) && lostWork != null;
    }

    /**
     * Whether the cursor is a change number of another central store, or of this one before it was
     * restored from a backup (docs/sync-protocol.md, "Which store"): the first page names another
     * store than the one the cursor came from, or says the cursor lies past its county's last
     * change. Then the cursor starts from 0 again, as a full resync does (waiting changes stay),
     * and the store's id is kept with it.
     */
    private boolean startsOver(String username, long cursor, PulledPage page) {
        Optional<String> kept = store.syncFacts().pulledFrom(username);
        List<String> keptEarlier = store.syncFacts().pulledFromEarlier(username);
        boolean another =
                page.store() != null && kept.isPresent() && !kept.get().equals(page.store());
        if (cursor > 0 && (another || page.cursorAhead())) {
            // restored: the same store with its numbers gone back, or one of the same line of ids (it
            // names the kept id as its own before a renewal, or the kept store named its id so: an
            // older backup brought back); never another store, which was never sent this PC's work
            boolean restored = another
                    ? page.earlierStores().contains(kept.get())
                            || keptEarlier.contains(page.store())
                            || !Collections.disjoint(keptEarlier, page.earlierStores())
                    : kept.isPresent() && kept.get().equals(page.store());
            if (restored) {
                lostWork = new LostWork(store.outbox().applied(username));
                // work made against it under the ids it had is its own under the new one (read
                // before startOver below keeps the new id)
                store.outbox().madeFor(username, store.syncFacts().storeLine(username), page.store());
            }
            LOG.warn(
                    ErrorIds.TOLD, // the sync's report says so: the person reads it in their words
                    "The pull cursor {} of {} is not a number of the central store that answered ({}): pulling"
                            + " everything in the scope again",
                    cursor,
                    username,
                    restored
                            ? "its own store restored from a backup, now " + page.store()
                            : another
                                    ? "another store, " + page.store() + " instead of " + kept.get()
                                    : "past its last change");
            store.syncFacts().startOver(username, page.store(), page.earlierStores(), restored);
            startedOver = true;
            return true;
        }
        if (page.store() != null
                && (!page.store().equals(kept.orElse(null))
                        || !page.earlierStores().equals(keptEarlier))) {
            store.syncFacts().keepStore(username, page.store(), page.earlierStores());
        }
        return false;
    }

    /** Puts operations the restored store lost back among those waiting, and says so in the log. */
    private void sendAgain(List<UUID> lost) {
        int again = store.outbox().sendAgain(lost);
        sentAgain += again;
        if (again > 0) {
            LOG.warn(
                    ErrorIds.TOLD,
                    "{} operations the central store had applied were lost by its restore: sent again",
                    again);
        }
    }

    /**
     * A pulled page, its tickets read: those this PC takes (and their rows' texts, made here so the
     * writing thread only binds), those it sets aside, each ticket as pulled.
     */
    private record ReadPage(
            long after,
            PulledPage page,
            List<TicketHistory> tickets,
            List<ReadyTicket> ready,
            List<SetAside.Entry> refused,
            Map<UUID, PulledTicket> pulled) {}

    /** Fetches a page after a cursor and reads its lines as an import reads them (one thread at a time). */
    private final class PageReader {
        private final String token;
        private final String username;
        private final TicketIngest ingest;
        private final LocalDate today =
                LocalDate.now(clock.withZone(ChinaTime.ZONE)).plusDays(1);
        /** Time spent fetching pages and reading their lines (this thread's; seen by the writer through each page's future). */
        private long fetchNanos;

        private long readNanos;

        PageReader(String token, String username, TicketIngest ingest) {
            this.token = token;
            this.username = username;
            this.ingest = ingest;
        }

        ReadPage read(long after, boolean count) throws IOException {
            long from = System.nanoTime();
            PulledPage page = client.pullTickets(token, after, pullPage, count);
            long fetched = System.nanoTime();
            fetchNanos += fetched - from;
            List<TicketHistory> tickets = new ArrayList<>(page.tickets().size());
            List<ReadyTicket> ready = new ArrayList<>(page.tickets().size());
            List<SetAside.Entry> refused = new ArrayList<>();
            Map<UUID, PulledTicket> pulled = new HashMap<>();
            for (PulledTicket c : page.tickets()) {
                try {
                    TicketHistory h = c.fields() == null
                            ? ingest.read(c.line(), 1, today)
                            : ingest.read(c.fields(), c.utf8Bytes(), c::line, 1, today);
                    tickets.add(h);
                    // a ticket read from the page keeps its forms' texts as they lay there (the
                    // values just read are theirs) rather than writing them out again
                    ready.add(c.fields() == null ? ReadyTicket.of(h) : ReadyTicket.of(h, c.formTexts()));
                    pulled.put(h.ticket().id(), c);
                } catch (LineRejectedException e) {
                    refused.add(setAside(c.line(), username, e.problem()));
                }
            }
            readNanos += System.nanoTime() - fetched;
            return new ReadPage(after, page, tickets, ready, refused, pulled);
        }
    }

    /** The page read ahead, or what stopped it (a refusal, the network) as if it happened here. */
    private static ReadPage await(Future<ReadPage> next) throws IOException {
        try {
            return next.get();
        } catch (InterruptedException e) {
            next.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the pull was stopped");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }

    /** A pulled line this PC will not take, kept with its id and number when they can be read at all. */
    private SetAside.Entry setAside(String line, String username, InvalidFieldException why) {
        UUID id = null;
        String number = null;
        try {
            JsonNode n = new ObjectMapper().readTree(line);
            id = UUID.fromString(n.path("id").asText());
            number = n.path("ticketNo").asText(null);
        } catch (IOException | RuntimeException e) {
            // no readable id: kept under a made-up one, still shown with its reason
        }
        LOG.warn(ErrorIds.TOLD, "Pulled ticket {} set aside: {}", number, why.getMessage());
        return new SetAside.Entry(
                id != null ? id : UUID.nameUUIDFromBytes(line.getBytes(StandardCharsets.UTF_8)),
                number,
                username,
                why,
                line,
                clock.instant());
    }

    /**
     * Photos of pulled tickets, fetched now so they show offline later. One the page says the
     * central store does not hold yet is not asked for: it is noted as missing, asked again later.
     *
     * @return how many the central store does not hold yet (said once for the whole pull, not per page)
     */
    private int fetchAttachments(String token, List<TicketHistory> tickets, AttachmentStore files, PulledPage page) {
        List<String> missed = new ArrayList<>();
        List<String> fetched = new ArrayList<>();
        // what the central store said it holds; null: it did not say, so each is asked for
        Set<String> held = page.held() == null ? null : new HashSet<>(page.held());
        for (TicketHistory h : tickets) {
            for (TicketAttachments.Attached a :
                    TicketAttachments.of(catalog, h.ticket().itemCode(), h.events())) {
                if (!AttachmentNames.valid(a.storedName())) {
                    continue; // never a path: the ingestion refuses such a form, this is belt and braces
                }
                if (Files.exists(files.path(a.storedName()))) {
                    continue; // here already: nothing to fetch, nothing to forget (a photo is kept once)
                }
                boolean here =
                        (held == null || held.contains(sha(a.storedName()))) && fetch(token, a.storedName(), files);
                (here ? fetched : missed).add(a.storedName());
            }
        }
        store.missingAttachments().tried(missed, fetched, clock.instant());
        return missed.size();
    }

    /**
     * Asks again for attachments missed before whose wait is over (at most {@value #RETRIES_PER_SYNC}
     * a sync): a photo pushed since arrives; one still missing waits twice as long.
     */
    private void fetchMissed(String token, AttachmentStore files) {
        List<String> due = store.missingAttachments().due(clock.instant(), RETRIES_PER_SYNC);
        List<String> missed = new ArrayList<>();
        List<String> fetched = new ArrayList<>();
        for (String name : due) {
            if (AttachmentNames.valid(name)) {
                (fetch(token, name, files) ? fetched : missed).add(name);
            }
        }
        store.missingAttachments().tried(missed, fetched, clock.instant());
        if (!due.isEmpty()) {
            LOG.info("Asked again for {} missing attachments: {} arrived", due.size(), fetched.size());
        }
    }

    /** Fetches one attachment unless it is here; whether it is here now. */
    private boolean fetch(String token, String storedName, AttachmentStore files) {
        Path target = files.path(storedName);
        if (Files.exists(target)) {
            return true;
        }
        try {
            client.download(token, sha(storedName), target);
            return true;
        } catch (CentralClient.Refused e) {
            if (e.status() != 404) {
                LOG.warn("Attachment {} not fetched: {}", storedName, e.getMessage());
            }
        } catch (IOException e) {
            LOG.warn("Attachment {} not fetched: {}", storedName, e.getMessage());
        }
        return false;
    }

    private static String sha(String storedName) {
        int dot = storedName.indexOf('.');
        return dot < 0 ? storedName : storedName.substring(0, dot);
    }

    /** A line the central store answered with: it checked it before storing it. */
    private TicketHistory decode(String line) {
        return codec.readTrusted(line);
    }
}
