package org.reliefdesk.central;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.Sha256;
import org.reliefdesk.logic.calendar.CalendarLoader;
import org.reliefdesk.logic.calendar.WorkingCalendar;
import org.reliefdesk.logic.catalog.FormDef;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.sample.FormFaker;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.logic.sync.OpResult;
import org.reliefdesk.logic.sync.Operation;
import org.reliefdesk.logic.sync.OperationApplier;
import org.reliefdesk.logic.sync.OperationCodec;
import org.reliefdesk.logic.workflow.TicketFacts;
import org.reliefdesk.logic.workflow.WorkflowEngine;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.User;
import org.reliefdesk.store.LocalStore;
import org.reliefdesk.store.MissingAttachments;
import org.reliefdesk.store.Outbox;
import org.reliefdesk.store.TicketActions;
import org.reliefdesk.sync.CentralClient;
import org.reliefdesk.sync.Synchronizer;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the central store and the client sync must do, on real parts: a central database (H2 or
 * PostgreSQL, by subclass), a real HTTP server on loopback, and county PCs with local H2 files.
 */
abstract class SyncContract extends WorldContract {

    SyncContract() {
        super("", 400, 120);
    }

    @Test
    void theSecondClientSeesTheFirstClientsAcceptedActionAfterItsSync() throws Exception {
        try (SyncWorld.Pc a = world.pc("a", SyncWorld.WATER_A);
                SyncWorld.Pc b = world.pc("b", SyncWorld.WATER_A2)) {
            Synchronizer.Report first = a.sync();
            assertTrue(first.pulled() > 0, "a water clerk pulls the county's water tickets");
            assertEquals(first.pulled(), b.sync().pulled());
            Ticket target = a.actionable().orElseThrow();
            Ticket acted = a.act(target);
            assertEquals(
                    Outbox.TicketSync.PENDING, a.store.outbox().ticketStates().get(target.id()));

            Synchronizer.Report pushed = a.sync();
            assertEquals(1, pushed.pushed());
            assertEquals(1, pushed.applied());
            assertEquals(0, pushed.pendingLeft());
            assertEquals(
                    Outbox.TicketSync.SYNCED, a.store.outbox().ticketStates().get(target.id()));

            b.sync();
            List<TicketEvent> seenByB = b.store.tickets().events(target.id());
            List<TicketEvent> madeByA = a.store.tickets().events(target.id());
            assertEquals(madeByA.size(), seenByB.size());
            TicketEvent last = seenByB.get(seenByB.size() - 1);
            assertEquals(madeByA.get(madeByA.size() - 1).id(), last.id(), "the same event, not a copy");
            assertEquals(SyncWorld.WATER_A.username(), last.actor());
            assertEquals(
                    acted.currentStep(),
                    b.store.tickets().find(target.id()).orElseThrow().currentStep());
            assertEquals(
                    madeByA.size(), world.centralTicket(target.id()).events().size());
        }
    }

    @Test
    void aMissingAttachmentIsAskedForAgainWithBackOffNotAtEverySync() throws Exception {
        try (SyncWorld.Pc leader = world.pc("leader", SyncWorld.LEADER_A)) {
            leader.sync();
            MissingAttachments missing = leader.store.missingAttachments();
            Instant farAhead = world.clock.instant().plus(Duration.ofDays(400));
            List<String> all = missing.due(farAhead, 10_000);
            assertFalse(all.isEmpty(), "the sample county names photos that were never taken");
            String one = all.get(0);
            assertEquals(1, missing.attempts(one));
            assertTrue(missing.due(world.clock.instant(), 10_000).isEmpty(), "none due right after the miss");

            leader.sync();
            assertEquals(1, missing.attempts(one), "a sync right after does not ask again");
            world.clock.advance(Duration.ofMinutes(6));
            leader.sync();
            assertEquals(2, missing.attempts(one), "asked again once 5 minutes have passed");
            world.clock.advance(Duration.ofMinutes(6));
            leader.sync();
            assertEquals(2, missing.attempts(one), "then after 10 minutes, not 6");
            world.clock.advance(Duration.ofMinutes(5));
            leader.sync();
            assertEquals(3, missing.attempts(one));
            assertEquals(all.size(), missing.due(farAhead, 10_000).size(), "each still missing, none forgotten");
        }
    }

    @Test
    void aSyncReadsAndWritesWithPlainJdbcWithoutWaitingForHibernatesMapping() throws Exception {
        try (SyncWorld.Pc b = world.pc("b", SyncWorld.WATER_A2)) {
            b.sync();
            assertFalse(b.store.mappingBuilt(), "a first pull never waits ~2 s for Hibernate's mapping");
            Ticket before;
            Ticket acted;
            try (SyncWorld.Pc a = world.pc("a", SyncWorld.WATER_A)) {
                a.sync();
                before = a.actionable().orElseThrow();
                acted = a.act(before);
            }
            // the sync command's own process: the store opened afresh, a change of the workbench waiting
            try (SyncWorld.Pc a = world.pc("a", SyncWorld.WATER_A)) {
                assertEquals(1, a.sync().applied());
                assertFalse(a.store.mappingBuilt(), "nor a push and its answer written back");
            }

            Synchronizer.Report again = b.sync();
            assertFalse(b.store.mappingBuilt(), "nor a pull that replaces a ticket this PC holds");
            assertEquals(1, again.pulled());
            Ticket there = b.store.tickets().find(before.id()).orElseThrow();
            assertEquals(acted.currentStep(), there.currentStep(), "the central store's version is here");
            assertEquals(
                    b.store.tickets().events(before.id()).size(),
                    world.centralTicket(before.id()).events().size(),
                    "its old events replaced, none twice");
            assertEquals(1, there.version(), "its version one up: a form opened on the old one is refused");
        }
    }

    @Test
    void aPullPageSaysWhichAttachmentsItsTicketsNameTheStoreHoldsAndAPcAsksForNoOther() throws Exception {
        Random random = new Random(7);
        byte[] whole = new byte[3000];
        byte[] half = new byte[3000];
        byte[] elsewhere = new byte[3000];
        random.nextBytes(whole);
        random.nextBytes(half);
        random.nextBytes(elsewhere);
        try (SyncWorld.Pc a = world.pc("a", SyncWorld.WATER_A)) {
            a.sync();
            UUID ticket = a.tickets().get(0).id();
            CentralAttachments stored = world.central.attachments();
            stored.append(Sha256.hex(whole), 0, whole.length, whole, "water.clerk", world.clock.instant());
            stored.append(
                    Sha256.hex(half), 0, half.length, Arrays.copyOf(half, 10), "water.clerk", world.clock.instant());
            stored.append(Sha256.hex(elsewhere), 0, elsewhere.length, elsewhere, "water.clerk", world.clock.instant());
            nameAttachment(ticket, Sha256.hex(whole));
            nameAttachment(ticket, Sha256.hex(half));
            nameAttachment(UUID.randomUUID(), Sha256.hex(elsewhere)); // a ticket on no page of this scope

            assertFalse(
                    get("/api/v1/changes?after=0&limit=2000", a.token()).has("held"),
                    "said only when asked: a PC of an earlier version never meets the field");
            JsonNode page = get("/api/v1/changes?after=0&limit=2000&held=true", a.token());
            List<String> held = new ArrayList<>();
            page.path("held").forEach(n -> held.add(n.asText()));
            assertEquals(
                    List.of(Sha256.hex(whole)),
                    held,
                    "only the page's tickets' attachments stored whole: not one still uploading, not another ticket's");
        }
        // A new PC's first pull: the sample names photos never taken, and the page says none is held.
        try (CountingProxy wire = new CountingProxy(world.url());
                SyncWorld.Pc b = world.pc("b", SyncWorld.WATER_A2)) {
            b.syncWith(wire.url());
            Instant farAhead = world.clock.instant().plus(Duration.ofDays(400));
            int named = b.store.missingAttachments().due(farAhead, 100_000).size();
            assertTrue(named > 0, "the sample's tickets name photos");
            assertTrue(wire.count("/api/v1/changes") > 0, "the pull went through the relay: " + wire.paths());
            assertEquals(
                    0, wire.count("/api/v1/attachments/"), named + " photos noted missing without asking for each");
        }
    }

    /**
     * A PC of this version asks for its tickets as objects ({@code tickets=objects}) and gets each
     * ticket's kept line as the object it is; a PC of an earlier version, which does not ask, still
     * gets each as a string. A ticket whose note reads like the page's own end (quotes, brackets,
     * "next", a backslash, a character outside the BMP) stays inside its ticket:
     * the page's cursor is the page's, and a PC pulls the note as it was written.
     */
    @Test
    void ticketsGoAsObjectsToAPcThatAsksAndAsStringsToOneThatDoesNotAndTheirTextsStayInside() throws Exception {
        String note = "\"}],\"next\":999999,\"more\":false,\"x\":[{\" \\ 𠮷 终";
        TicketHistory generated = new SampleGenerator(SyncWorld.CATALOG)
                .generate(99, world.clock.instant().minus(Duration.ofHours(1)), 1)
                .get(0);
        ObjectNode written =
                (ObjectNode) OperationCodec.json().readTree(new TicketLineCodec(SyncWorld.CATALOG).write(generated));
        String ticketNo = written.path("ticketNo").asText();
        written.put("ticketNo", ticketNo.substring(0, ticketNo.length() - 4) + "9999"); // not one the county has
        ((ObjectNode) written.path("events").get(0)).put("note", note);
        String line = OperationCodec.json().writeValueAsString(written);
        CentralTickets.Intake in = world.intake(line);
        assertEquals(1, in.added(), "the ticket with the note went in: " + in.rejected());

        try (SyncWorld.Pc pc = world.pc("objects", SyncWorld.LEADER_A)) {
            JsonNode strings = get("/api/v1/changes?after=0&limit=2000", pc.token());
            JsonNode objects = get("/api/v1/changes?after=0&limit=2000&tickets=objects", pc.token());
            assertEquals(strings.path("next").asLong(), objects.path("next").asLong(), "the page's own cursor");
            assertEquals(strings.path("more"), objects.path("more"));
            assertEquals(world.countyATickets + 1, objects.path("changes").size());
            for (int i = 0; i < strings.path("changes").size(); i++) {
                JsonNode asString = strings.path("changes").get(i);
                JsonNode asObject = objects.path("changes").get(i);
                assertTrue(asString.path("ticket").isTextual(), "an earlier PC gets a string");
                assertTrue(asObject.path("ticket").isObject(), "a PC that asks gets an object");
                assertEquals(asString.path("changeNo"), asObject.path("changeNo"));
                assertEquals(
                        OperationCodec.json().readTree(asString.path("ticket").asText()),
                        asObject.path("ticket"),
                        "the same ticket either way");
            }

            pc.sync();
            UUID id = generated.ticket().id();
            assertEquals(note, pc.store.tickets().events(id).get(0).note(), "the note as it was written");
            assertEquals(world.countyATickets + 1, pc.tickets().size(), "every ticket of the county, none set aside");
        }
    }

    /**
     * What the store looks up by ticket has an index by ticket: each start's check for events not
     * yet indexed (without it a restart with 50,000 tickets scanned every event for every ticket,
     * for minutes) and a pull page's attachments.
     */
    @Test
    void lookupsByTicketHaveAnIndexByTicket() {
        for (String table : List.of("central_event", "ticket_attachment")) {
            boolean indexed = world.central.database().inTransaction(c -> {
                for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
                    try (var rs = c.getMetaData().getIndexInfo(null, null, name, false, false)) {
                        while (rs.next()) {
                            if (rs.getShort("ORDINAL_POSITION") == 1
                                    && "ticket_id".equalsIgnoreCase(rs.getString("COLUMN_NAME"))) {
                                return true;
                            }
                        }
                    }
                }
                return false;
            });
            assertTrue(indexed, table + " has an index starting with ticket_id");
        }
    }

    @Test
    void twoClientsActOnOneTicketOneConflictBothVersionsKept() throws Exception {
        try (SyncWorld.Pc a = world.pc("a", SyncWorld.WATER_A);
                SyncWorld.Pc b = world.pc("b", SyncWorld.WATER_A2)) {
            Ticket target = bothActOnOneTicket(a, b);
            UUID bEvent = last(b.store.tickets().events(target.id())).id();

            assertEquals(1, a.sync().applied());
            Synchronizer.Report second = b.sync();
            assertEquals(1, second.conflicts(), "the later push meets the first one's change");
            assertEquals(0, second.applied());

            // Both versions kept: the central store's (A's action) and B's own (still shown on B's PC).
            Outbox.Entry conflict = b.store.outbox().unsettled().get(0);
            assertEquals(Outbox.State.CONFLICT, conflict.state());
            assertEquals("sync.rule.movedOn", conflict.reasonKey());
            assertNotNull(conflict.centralTicket());
            TicketHistory centralVersion =
                    new TicketLineCodec(SyncWorld.CATALOG).read(conflict.centralTicket(), 1, LocalDate.of(9999, 1, 1));
            assertEquals(
                    last(a.store.tickets().events(target.id())).id(),
                    last(centralVersion.events()).id());
            assertEquals(
                    bEvent, last(b.store.tickets().events(target.id())).id(), "a pull does not overwrite B's change");
            assertEquals(
                    Outbox.TicketSync.CONFLICT, b.store.outbox().ticketStates().get(target.id()));
            Synchronizer.Report again = b.sync();
            assertEquals(0, again.pushed(), "an operation in conflict is not pushed again by itself");
            assertEquals(1, b.store.outbox().unsettled().size());
            assertEquals(bEvent, last(b.store.tickets().events(target.id())).id(), "syncing again keeps B's version");
            String two = SyncWorld.WATER_A2.username();
            assertTrue(b.store.syncFacts().caughtUp(two), "pulled to the end of the scope");
            b.store.syncFacts().resetCursor(two);
            assertFalse(b.store.syncFacts().caughtUp(two), "a full resync holds part of the scope until it ends");
            assertEquals(a.tickets().size(), b.sync().pulled(), "a full resync pulls the whole scope again");
            assertTrue(b.store.syncFacts().caughtUp(two));
            assertEquals(
                    bEvent, last(b.store.tickets().events(target.id())).id(), "and still keeps B's waiting change");

            // The audit log says who pushed what from which PC.
            List<String> audit = world.central.database().inTransaction(c -> {
                List<String> rows = new ArrayList<>();
                try (var ps =
                        c.prepareStatement("SELECT username, client_id, outcome FROM applied_op WHERE ticket_id = ?"
                                + " ORDER BY username")) {
                    ps.setObject(1, target.id());
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(rs.getString(1) + "|" + rs.getString(2).startsWith("pc-") + "|" + rs.getString(3));
                        }
                    }
                }
                return rows;
            });
            assertEquals(List.of("water.clerk|true|APPLIED", "water.two|true|CONFLICT"), audit);

            // B discards: the ticket shows the central version; the operation stays, marked discarded.
            b.store.outbox().discard(conflict.opId(), centralVersion, world.clock.instant());
            assertEquals(
                    last(centralVersion.events()).id(),
                    last(b.store.tickets().events(target.id())).id());
            assertEquals(
                    Outbox.State.DISCARDED,
                    b.store.outbox().find(conflict.opId()).orElseThrow().state());
            assertEquals(
                    Outbox.TicketSync.SYNCED, b.store.outbox().ticketStates().get(target.id()));
            assertEquals(0, b.sync().pushed());
        }
    }

    @Test
    void aConflictReappliedOnTheNewStateGoesThroughAsANewOperation() throws Exception {
        try (SyncWorld.Pc a = world.pc("a", SyncWorld.WATER_A);
                SyncWorld.Pc b = world.pc("b", SyncWorld.WATER_A2)) {
            Ticket target = bothActOnOneTicket(a, b);
            a.sync();
            b.sync();
            Outbox.Entry conflict = b.store.outbox().unsettled().get(0);
            TicketHistory central = world.centralTicket(target.id());
            try {
                new TicketActions(b.store, new WorkflowEngine(SyncWorld.CATALOG, world.clock))
                        .reapply(conflict.opId(), SyncWorld.WATER_A2, central, world.clock.instant());
            } catch (InvalidFieldException refused) {
                // The action no longer fits the new step: nothing changed, the conflict still waits.
                assertEquals(
                        Outbox.State.CONFLICT,
                        b.store.outbox().find(conflict.opId()).orElseThrow().state());
                assertEquals(last(b.store.tickets().events(target.id())).actor(), SyncWorld.WATER_A2.username());
                return;
            }
            assertEquals(
                    Outbox.State.REAPPLIED,
                    b.store.outbox().find(conflict.opId()).orElseThrow().state());
            Synchronizer.Report r = b.sync();
            assertEquals(1, r.applied());
            assertEquals(
                    central.events().size() + 1,
                    world.centralTicket(target.id()).events().size());
        }
    }

    @Test
    void aFirstPullCutOffHalfWayResumesAfterTheLastPageWritten() throws Exception {
        try (SyncWorld.Pc leader = world.pc("leader", SyncWorld.LEADER_A)) {
            CentralClient client = new CentralClient(world.url(), Duration.ofSeconds(10));
            CentralClient.Session session =
                    client.signIn(SyncWorld.LEADER_A.username(), SyncWorld.PASSWORD.toCharArray(), "pc-leader");
            int[] pages = new int[1];
            double[] lastFraction = new double[1];
            Synchronizer cutOff = new Synchronizer(leader.store, client, SyncWorld.CATALOG, world.clock).pullPage(50);
            RuntimeException cut = Assertions.assertThrows(
                    RuntimeException.class,
                    () -> cutOff.sync(session, p -> {
                        lastFraction[0] = p.fraction();
                        if ("pull".equals(p.phase()) && ++pages[0] == 3) {
                            throw new RuntimeException("the laptop lid closed");
                        }
                    }));
            assertEquals("the laptop lid closed", cut.getMessage());
            assertEquals(
                    150.0 / world.countyATickets, lastFraction[0], 1e-9, "progress counts pages against the total");
            List<Ticket> afterCut = leader.store.tickets().list(new TicketScope(SyncWorld.COUNTY_A, null, null));
            assertEquals(150, afterCut.size(), "three pages of 50 were written with their cursor");
            long cursor = leader.store.syncFacts().cursor(SyncWorld.LEADER_A.username());
            assertTrue(cursor > 0);

            Synchronizer.Report rest = new Synchronizer(leader.store, client, SyncWorld.CATALOG, world.clock)
                    .pullPage(50)
                    .sync(session, p -> {});
            assertEquals(world.countyATickets - 150, rest.pulled(), "only the rest is pulled again");
            assertEquals(
                    world.countyATickets,
                    leader.store
                            .tickets()
                            .list(new TicketScope(SyncWorld.COUNTY_A, null, null))
                            .size());
        }
    }

    /** A pull of many pages says once, at its end, how many named attachments the central store lacks. */
    @Test
    void aPullOfManyPagesSaysOnceWhatTheCentralStoreDoesNotHoldYet() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(Synchronizer.class);
        ListAppender<ILoggingEvent> heard = new ListAppender<>();
        heard.start();
        Level level = log.getLevel();
        log.setLevel(Level.INFO);
        log.addAppender(heard);
        try (SyncWorld.Pc leader = world.pc("leader", SyncWorld.LEADER_A);
                CentralClient client = new CentralClient(world.url(), Duration.ofSeconds(10))) {
            new Synchronizer(leader.store, client, SyncWorld.CATALOG, world.clock)
                    .pullPage(50)
                    .run(SyncWorld.LEADER_A.username(), SyncWorld.PASSWORD.toCharArray(), p -> {});
            Instant farAhead = world.clock.instant().plus(Duration.ofDays(400));
            int missing =
                    leader.store.missingAttachments().due(farAhead, 100_000).size();
            assertTrue(missing > 0, "the sample's tickets name photos never taken");
            String thread = Thread.currentThread().getName();
            List<String> said = heard.list.stream()
                    .filter(e -> e.getThreadName().equals(thread))
                    .map(ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.contains("not on the central store yet"))
                    .toList();
            assertEquals(
                    List.of(
                            missing
                                    + " attachments named by pulled tickets are not on the central store yet: asked again later"),
                    said,
                    "once for " + world.countyATickets / 50 + " pages");
        } finally {
            log.detachAppender(heard);
            log.setLevel(level);
        }
    }

    @Test
    void aLineThatGoesDownMidPullKeepsEveryPageReadBeforeItAndTheRestFollowsLater() throws Exception {
        try (CountingProxy wire = new CountingProxy(world.url()).cutAfter("/api/v1/changes", 2);
                SyncWorld.Pc leader = world.pc("leader", SyncWorld.LEADER_A)) {
            CentralClient client = new CentralClient(wire.url(), Duration.ofSeconds(10));
            CentralClient.Session session =
                    client.signIn(SyncWorld.LEADER_A.username(), SyncWorld.PASSWORD.toCharArray(), "pc-leader");
            // a 503 without the central store's reason code: the line (a gateway) says the store is not reached
            CentralClient.Unreachable down = Assertions.assertThrows(
                    CentralClient.Unreachable.class,
                    () -> new Synchronizer(leader.store, client, SyncWorld.CATALOG, world.clock)
                            .pullPage(50)
                            .sync(session, p -> {}));
            assertEquals(wire.url(), down.url());
            TicketScope county = new TicketScope(SyncWorld.COUNTY_A, null, null);
            assertEquals(
                    100,
                    leader.store.tickets().list(county).size(),
                    "the two pages read before the line went down are written, the third (read ahead) is not");

            Synchronizer.Report rest = new Synchronizer(
                            leader.store,
                            new CentralClient(world.url(), Duration.ofSeconds(10)),
                            SyncWorld.CATALOG,
                            world.clock)
                    .pullPage(50)
                    .sync(session, p -> {});
            assertEquals(world.countyATickets - 100, rest.pulled(), "only the rest is pulled again");
            assertEquals(
                    world.countyATickets, leader.store.tickets().list(county).size());
        }
    }

    @Test
    void aUserOfOneCountyPullsNothingOfAnotherAndAForgedCountyChangesNothing() throws Exception {
        try (SyncWorld.Pc other = world.pc("other", SyncWorld.WATER_B);
                SyncWorld.Pc a = world.pc("a", SyncWorld.WATER_A)) {
            Synchronizer.Report r = other.sync();
            assertTrue(r.pulled() > 0);
            List<Ticket> all = other.store.tickets().list(new TicketScope(SyncWorld.COUNTY_A, null, null));
            assertTrue(all.isEmpty(), "no ticket of county A on county B's PC");
            a.sync();
            Ticket ofA = a.tickets().get(0);

            // Forged scope in the query: the same answer as without it.
            String token = other.token();
            JsonNode plain = get("/api/v1/changes?after=0&limit=2000", token);
            JsonNode forged = get(
                    "/api/v1/changes?after=0&limit=2000&county=" + SyncWorld.COUNTY_A + "&countyCode="
                            + SyncWorld.COUNTY_A + "&department=CIVIL&township=530128002",
                    token);
            assertEquals(plain.get("changes").size(), forged.get("changes").size());
            assertEquals(r.pulled(), plain.get("changes").size());
            for (JsonNode c : forged.get("changes")) {
                assertTrue(c.get("ticket").asText().contains("\"countyCode\":\"" + SyncWorld.COUNTY_B + "\""));
            }

            // An action on county A's ticket pushed by county B's clerk: refused, nothing stored.
            int before = world.centralTicket(ofA.id()).events().size();
            Operation op = Operation.act(
                    UUID.randomUUID(),
                    ofA.id(),
                    before,
                    "accept",
                    Map.of(),
                    null,
                    world.clock.instant(),
                    UUID.randomUUID());
            List<OpResult> results = new CentralClient(world.url(), Duration.ofSeconds(10)).push(token, List.of(op));
            assertEquals(OpResult.Outcome.REJECTED, results.get(0).outcome());
            // the same answer as for a ticket that does not exist, and none of the ticket in it
            assertEquals("sync.rule.noTicket", results.get(0).reasonKey());
            assertEquals(null, results.get(0).ticket());
            assertEquals(before, world.centralTicket(ofA.id()).events().size());
        }
    }

    @Test
    void badRequestsGetClearErrorsAndStoreNothing() throws Exception {
        try (SyncWorld.Pc a = world.pc("a", SyncWorld.WATER_A)) {
            a.sync();
            String token = a.token();
            long audit = world.central.ops().auditCount();
            long tickets = world.central.tickets().count();

            assertError(post("/api/v1/ops", token, "{\"ops\": [ {\"opId\": "), 400, "badJson");
            assertError(post("/api/v1/ops", token, "[1, 2]"), 400, "badJson");
            // one object is the body; what follows it is not read past as if it were not there
            assertError(post("/api/v1/ops", token, "{\"ops\": []} x"), 400, "badJson");
            assertError(post("/api/v1/ops", token, "{\"ops\": []}{\"ops\": []}"), 400, "badJson");
            assertError(post("/api/v1/ops", token, "{\"ops\": [{\"kind\": \"ACT\"}]}"), 400, "badOperation");
            assertError(
                    post("/api/v1/ops", token, "{\"ops\": [{\"opId\": \"x\", \"kind\": \"FLY\"}]}"),
                    400,
                    "badOperation");
            String huge = "{\"ops\": [], \"pad\": \"" + "x".repeat(CentralServer.MAX_JSON_BYTES) + "\"}";
            assertError(post("/api/v1/ops", token, huge), 413, "tooLarge");
            assertError(post("/api/v1/ops", "not-a-token", "{\"ops\": []}"), 401, "sync.auth.badToken");
            assertError(post("/api/v1/ops", null, "{\"ops\": []}"), 401, "sync.auth.noToken");
            assertError(
                    post("/api/v1/sign-in", null, "{\"username\": \"water.clerk\", \"password\": \"wrong\"}"),
                    401,
                    "sync.auth.wrongPassword");
            assertEquals(audit, world.central.ops().auditCount(), "no bad request reached the audit log");
            assertEquals(tickets, world.central.tickets().count());

            // A replayed operation: answered from the audit log, applied once.
            Ticket target = a.actionable().orElseThrow();
            a.act(target);
            Operation op = a.store
                    .outbox()
                    .pending(SyncWorld.WATER_A.username(), 10)
                    .get(0)
                    .operation();
            CentralClient client = new CentralClient(world.url(), Duration.ofSeconds(10));
            OpResult first = client.push(token, List.of(op)).get(0);
            OpResult again = client.push(token, List.of(op)).get(0);
            assertEquals(OpResult.Outcome.APPLIED, first.outcome());
            assertFalse(first.replay());
            assertEquals(OpResult.Outcome.APPLIED, again.outcome());
            assertTrue(again.replay());
            assertEquals(audit + 1, world.central.ops().auditCount());
            int events = world.centralTicket(target.id()).events().size();
            assertEquals(events, a.store.tickets().events(target.id()).size());
            // The same id with other content: refused as a conflict, nothing applied.
            Operation changed = new Operation(
                    op.opId(),
                    op.kind(),
                    op.ticketId(),
                    op.baseSeq(),
                    op.action(),
                    op.form(),
                    "另一个备注",
                    op.at(),
                    op.eventId(),
                    null);
            OpResult other = client.push(token, List.of(changed)).get(0);
            assertEquals(OpResult.Outcome.CONFLICT, other.outcome());
            assertEquals("sync.rule.sameIdOtherContent", other.reasonKey());
            assertEquals(events, world.centralTicket(target.id()).events().size());

            // An expired token: refused as expired.
            world.clock.advance(CentralUsers.TOKEN_LIFETIME.plusMinutes(1));
            assertError(post("/api/v1/ops", token, "{\"ops\": []}"), 401, "sync.auth.expired");
        }
    }

    @Test
    void aLeaderPullsTheWholeCountyAndCanChangeNothing() throws Exception {
        try (SyncWorld.Pc leader = world.pc("leader", SyncWorld.LEADER_A);
                SyncWorld.Pc a = world.pc("a", SyncWorld.WATER_A)) {
            assertEquals(world.countyATickets, leader.sync().pulled());
            a.sync();
            Ticket t = a.actionable().orElseThrow();
            int before = world.centralTicket(t.id()).events().size();
            Operation op = Operation.act(
                    UUID.randomUUID(),
                    t.id(),
                    before,
                    "accept",
                    Map.of(),
                    null,
                    world.clock.instant(),
                    UUID.randomUUID());
            OpResult r = new CentralClient(world.url(), Duration.ofSeconds(10))
                    .push(leader.token(), List.of(op))
                    .get(0);
            assertEquals(OpResult.Outcome.REJECTED, r.outcome());
            assertEquals(before, world.centralTicket(t.id()).events().size());

            // The reference data's versions: the same catalog and calendar files as this build ships.
            JsonNode versions = get("/api/v1/versions", leader.token());
            assertEquals(1, versions.get("protocol").asInt());
            assertTrue(versions.get("catalog").asText().matches("[0-9a-f]{64}"));
            assertTrue(versions.get("calendar").asText().matches("[0-9a-f]{64}"));

            // The citizen channel's intake: administrators only.
            String generated = new TicketLineCodec(SyncWorld.CATALOG)
                    .write(new SampleGenerator(SyncWorld.CATALOG)
                            .generate(99, world.clock.instant().minusSeconds(600), 3)
                            .get(0));
            // the platform's own number, not one the generated county already holds
            String lines = generated.replaceFirst("(\"ticketNo\":\"\\d{14})\\d{4}\"", "$19001\"");
            assertError(post("/api/v1/intake", leader.token(), lines), 403, "forbidden");
            try (SyncWorld.Pc admin = world.pc("admin", SyncWorld.ADMIN_A)) {
                HttpResponse<String> taken = post("/api/v1/intake", admin.token(), lines);
                assertEquals(200, taken.statusCode(), taken.body());
                assertEquals(
                        1,
                        OperationCodec.json()
                                .readTree(taken.body())
                                .get("added")
                                .asInt());
                assertEquals(1, leader.sync().pulled(), "the leader's next pull brings the new ticket");
            }
        }
    }

    @Test
    void attachmentsUploadInPiecesResumeAndMustHashToTheirName() throws Exception {
        try (SyncWorld.Pc a = world.pc("a", SyncWorld.WATER_A)) {
            byte[] photo = new byte[(int) (2.5 * 1024 * 1024)];
            new Random(5).nextBytes(photo);
            Path file = dir.resolve("photo.jpg");
            Files.write(file, photo);
            String sha = Sha256.hex(photo);
            String token = a.token();
            a.sync();
            UUID ticket = a.tickets().get(0).id();
            // A broken upload: the first piece arrived, then the connection went.
            world.central
                    .attachments()
                    .append(sha, 0, photo.length, Arrays.copyOf(photo, 1000), "water.clerk", world.clock.instant());
            assertEquals(1000, world.central.attachments().status(sha).received());
            CentralClient client = new CentralClient(world.url(), Duration.ofSeconds(10));
            client.upload(token, ticket, sha, file);
            assertTrue(world.central.attachments().status(sha).stored());
            Path back = dir.resolve("back.jpg");
            // stored, but no ticket names it yet: not found, as for any attachment outside the caller's scope
            assertError(send("GET", "/api/v1/attachments/" + sha, token, null), 404, "notFound");
            nameAttachment(ticket, sha);
            client.download(token, sha, back);
            assertEquals(sha, Sha256.hex(Files.readAllBytes(back)));
            // each piece is a row of its own (appended, never the partial file rewritten) ...
            long pieces = world.central.database().inTransaction(c -> {
                try (var ps = c.prepareStatement("SELECT COUNT(*) FROM attachment_piece WHERE sha256 = ?")) {
                    ps.setString(1, sha);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
            assertTrue(pieces >= 2, "pieces kept apart: " + pieces);
            // ... and a download resumed inside a later piece is streamed from there
            int from = 1_500_000;
            HttpResponse<byte[]> rest = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create(world.url() + "/api/v1/attachments/" + sha + "?from=" + from))
                                    .header("Authorization", "Bearer " + token)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, rest.statusCode());
            assertTrue(
                    Arrays.equals(Arrays.copyOfRange(photo, from, photo.length), rest.body()),
                    "the bytes from " + from);
            // Bytes that do not hash to the name are thrown away.
            String wrong = "0".repeat(64);
            assertError(
                    put("/api/v1/attachments/" + wrong + "?ticket=" + ticket + "&offset=0&total=3", token, new byte[] {
                        1, 2, 3
                    }),
                    422,
                    "badAttachment");
            assertFalse(world.central.attachments().status(wrong).stored());
            assertEquals(0, world.central.attachments().status(wrong).received());
        }
    }

    @Test
    void aPushKilledHalfWayIsAppliedExactlyOnceAfterARestart() throws Exception {
        int opened = 120;
        try (SyncWorld.Pc a = world.pc("a", SyncWorld.CIVIL_A)) {
            a.sync();
        }
        // 120 tickets opened offline on the PC: 120 operations waiting.
        try (LocalStore store = LocalStore.open(dir.resolve("a"))) {
            KillablePush.openTickets(store, opened, world.clock);
            assertEquals(opened, store.outbox().pendingCount());
        }
        long audit = world.central.ops().auditCount();
        long tickets = world.central.tickets().count();

        KillablePush.Killed killed = KillablePush.killMidway(world, dir.resolve("a"), SyncWorld.CIVIL_A, audit, opened);
        assertTrue(
                killed.appliedAtKill() > 0 && killed.appliedAtKill() < opened,
                "killed in the middle: " + killed.appliedAtKill() + " of " + opened + " applied");

        // Restart: the same operations pushed again; those applied before are answered from the audit log.
        KillablePush.Child restart = KillablePush.syncInChild(world, dir.resolve("a"), SyncWorld.CIVIL_A, 10);
        assertEquals(0, restart.process().waitFor(), restart::output);
        assertEquals(audit + opened, world.central.ops().auditCount(), "every operation recorded once");
        assertEquals(tickets + opened, world.central.tickets().count(), "every ticket opened once");
        try (LocalStore store = LocalStore.open(dir.resolve("a"))) {
            assertEquals(0, store.outbox().pendingCount());
            Set<Outbox.State> states =
                    store.outbox().all().stream().map(Outbox.Entry::state).collect(Collectors.toSet());
            assertEquals(Set.of(Outbox.State.APPLIED), states);
            List<Ticket> local = store.tickets().list(TicketScope.of(SyncWorld.CIVIL_A, SyncWorld.CATALOG));
            Set<String> numbers = local.stream().map(Ticket::ticketNo).collect(Collectors.toSet());
            int central = world.central
                    .tickets()
                    .pull(TicketScope.of(SyncWorld.CIVIL_A, SyncWorld.CATALOG), 0, CentralTickets.MAX_PAGE)
                    .changes()
                    .size();
            assertEquals(central, local.size(), "the PC holds the clerk's tickets as the central store does");
            assertEquals(local.size(), numbers.size(), "each ticket number once");
        }
    }

    @Test
    void civilAffairsConfirmsAHouseRenovationFromItsOwnPcAndAScopeChangePullsAgain() throws Exception {
        try (SyncWorld.Pc civil = world.pc("civil", SyncWorld.CIVIL_A)) {
            int pulled = civil.sync().pulled();
            List<Ticket> houses = civil.tickets().stream()
                    .filter(t -> t.itemCode().equals("house_renovation"))
                    .toList();
            assertFalse(houses.isEmpty(), "civil affairs pulls the house renovations: it confirms their status");
            assertTrue(
                    civil.tickets().stream().noneMatch(t -> t.itemCode().equals("drinking_water")),
                    "but no water ticket");
            // status confirmation is the first step: one the platform has not dispatched yet takes no action
            Ticket waiting = houses.stream()
                    .filter(t -> "status_confirmation".equals(t.currentStep()))
                    .filter(t -> t.dispatchedAt() != null)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no house renovation waits for confirmation in the sample"));
            Ticket confirmed = civil.act(waiting);
            assertEquals("appraisal", confirmed.currentStep());
            Synchronizer.Report pushed = civil.sync();
            assertEquals(1, pushed.applied(), "the central store lets civil affairs take its step");
            assertEquals("appraisal", world.centralTicket(waiting.id()).ticket().currentStep());

            // A PC that pulled under an older scope (before civil affairs had the housing step) pulls everything again.
            civil.store.syncFacts().put("pull.scope." + SyncWorld.CIVIL_A.username(), "530128|civil_only|*");
            assertEquals(pulled, civil.sync().pulled(), "a changed scope starts the pull from the beginning");
            assertEquals(0, civil.sync().pulled(), "and then goes on from its cursor");
        }
    }

    @Test
    void anAdministratorManagesTheUsersOfTheirOwnCountyOnly() throws Exception {
        CentralClient client = new CentralClient(world.url(), Duration.ofSeconds(20));
        String admin = client.signIn(SyncWorld.ADMIN_A.username(), SyncWorld.PASSWORD.toCharArray(), "test")
                .token();
        Set<String> listed =
                client.users(admin).stream().map(l -> l.user().username()).collect(Collectors.toSet());
        assertEquals(
                Set.of("water.clerk", "water.two", "leader", "civil.clerk", "admin"),
                listed,
                "county A's users, none of county B");

        // A forged county in the record changes nothing: the new user is the administrator's county's.
        User forged = new User("water.three", "钱水利", Role.CLERK, SyncWorld.COUNTY_B, "WATER", null);
        CentralClient.Refused shortPassword = Assertions.assertThrows(
                CentralClient.Refused.class, () -> client.addUser(admin, forged, "short".toCharArray()));
        assertEquals(400, shortPassword.status());
        InvalidFieldException why = shortPassword.invalidField().orElseThrow();
        assertEquals("password", why.field());
        assertEquals("rule.user.passwordLength", why.rule());
        assertEquals(List.of(10), why.args());
        assertEquals(5, client.users(admin).size(), "nothing stored");
        client.addUser(admin, forged, "water-three-1".toCharArray());
        CentralClient.Session three = client.signIn("water.three", "water-three-1".toCharArray(), "test");
        assertEquals(SyncWorld.COUNTY_A, three.user().countyCode());
        assertEquals(
                client.pull(
                                client.signIn(SyncWorld.WATER_A.username(), SyncWorld.PASSWORD.toCharArray(), "t")
                                        .token(),
                                0,
                                2000,
                                true)
                        .total(),
                client.pull(three.token(), 0, 2000, true).total(),
                "the new clerk pulls what the county's other water clerk pulls");

        // Only an administrator; only their county; never themselves.
        CentralClient.Refused notAdmin =
                Assertions.assertThrows(CentralClient.Refused.class, () -> client.users(three.token()));
        assertEquals(403, notAdmin.status());
        // Refused before its body is read, many times over one client's connections: each next call still goes through.
        for (int i = 0; i < 10; i++) {
            assertEquals(
                    403,
                    Assertions.assertThrows(
                                    CentralClient.Refused.class,
                                    () -> client.addUser(three.token(), forged, "water-three-2".toCharArray()))
                            .status());
            assertEquals(6, client.users(admin).size());
        }
        assertEquals(
                404,
                Assertions.assertThrows(
                                CentralClient.Refused.class,
                                () -> client.disableUser(admin, SyncWorld.WATER_B.username()))
                        .status());
        assertEquals(
                "rule.user.disableSelf",
                Assertions.assertThrows(
                                CentralClient.Refused.class,
                                () -> client.disableUser(admin, SyncWorld.ADMIN_A.username()))
                        .invalidField()
                        .orElseThrow()
                        .rule());
        client.disableUser(admin, "water.three");
        assertEquals(
                401,
                Assertions.assertThrows(CentralClient.Refused.class, () -> client.pull(three.token(), 0, 10, false))
                        .status(),
                "a disabled user's token ends at once");
        assertEquals(
                401,
                Assertions.assertThrows(
                                CentralClient.Refused.class,
                                () -> client.signIn("water.three", "water-three-1".toCharArray(), "test"))
                        .status());
        assertTrue(
                client.users(admin).stream().anyMatch(l -> l.user().username().equals("water.three") && l.disabled()));
        assertTrue(
                world.central.users().list().stream()
                        .anyMatch(l -> l.user().username().equals("water.b") && !l.disabled()),
                "county B's clerk untouched");

        // Enabled again: only by an administrator of their county; the old password works again.
        assertEquals(
                403,
                Assertions.assertThrows(
                                CentralClient.Refused.class,
                                () -> client.enableUser(
                                        client.signIn(
                                                        SyncWorld.WATER_A.username(),
                                                        SyncWorld.PASSWORD.toCharArray(),
                                                        "test")
                                                .token(),
                                        "water.three"))
                        .status());
        assertEquals(
                404,
                Assertions.assertThrows(
                                CentralClient.Refused.class,
                                () -> client.enableUser(admin, SyncWorld.WATER_B.username()))
                        .status());
        client.enableUser(admin, "water.three");
        assertTrue(
                client.users(admin).stream().anyMatch(l -> l.user().username().equals("water.three") && !l.disabled()));
        assertTrue(client.signIn("water.three", "water-three-1".toCharArray(), "test")
                        .token()
                        .length()
                > 10);
    }

    @Test
    void aHolidayYearImportedByTheAdministratorReachesEveryPcAtItsNextSync() throws Exception {
        String year2031 = """
                {"formatVersion":1,"year":2031,"notice":{"title":"国务院办公厅关于2031年部分节假日安排的通知",\
                "issued":"2030-11-01"},"offDays":[{"from":"2031-10-01","to":"2031-10-07"}],\
                "makeUpWorkingDays":["2031-09-28"]}""";
        CentralClient client = new CentralClient(world.url(), Duration.ofSeconds(20));
        String admin = client.signIn(SyncWorld.ADMIN_A.username(), SyncWorld.PASSWORD.toCharArray(), "t")
                .token();
        String clerk = client.signIn(SyncWorld.WATER_A.username(), SyncWorld.PASSWORD.toCharArray(), "t")
                .token();
        assertEquals(
                403,
                Assertions.assertThrows(CentralClient.Refused.class, () -> client.putCalendar(clerk, year2031))
                        .status(),
                "not a clerk");
        assertEquals(
                403,
                Assertions.assertThrows(CentralClient.Refused.class, () -> client.putCalendar(admin, year2031))
                        .status(),
                "nor a county administrator by role: the year is the province's");
        world.central.calendarEditors(List.of(SyncWorld.ADMIN_A.username()));
        CentralClient.Refused bad = Assertions.assertThrows(
                CentralClient.Refused.class,
                () -> client.putCalendar(admin, year2031.replace("2031-09-28", "2031-09-30")));
        // the rule and the entry, as codes: the administrator's PC says them in its own language
        assertEquals(
                "rule.calendar.makeUpWeekday", bad.invalidField().orElseThrow().rule(), "a make-up day on a Tuesday");
        assertEquals(
                List.of(1, "makeUpWorkingDays[0]", "2031-09-30"),
                bad.invalidField().orElseThrow().args());
        CentralClient.Refused twoYears = Assertions.assertThrows(
                CentralClient.Refused.class,
                () -> client.putCalendar(admin, year2031 + year2031.replace("2031", "2032")));
        assertEquals(
                "rule.oneObject",
                twoYears.invalidField().orElseThrow().rule(),
                "a second year pasted after the first is refused, not left unread");
        assertTrue(client.calendar(clerk).isEmpty(), "nothing stored");

        try (SyncWorld.Pc pc = world.pc("a", SyncWorld.WATER_A)) {
            assertEquals(0, pc.sync().calendarYears());
            client.putCalendar(admin, year2031);
            WorkingCalendar before = CalendarLoader.load(pc.dataDir);
            assertEquals(1, pc.sync().calendarYears(), "the PC takes the new year");
            WorkingCalendar after = CalendarLoader.load(pc.dataDir);
            LocalDate nationalDay = LocalDate.of(2031, 10, 1); // a Wednesday
            LocalDate makeUp = LocalDate.of(2031, 9, 28); // a Sunday
            assertFalse(after.isWorkingDay(nationalDay));
            assertTrue(after.isWorkingDay(makeUp));
            assertTrue(before.year(2031).isEmpty() && after.year(2031).isPresent());
            assertEquals(0, pc.sync().calendarYears(), "taken once");

            // A corrected notice replaces the year everywhere.
            client.putCalendar(admin, year2031.replace("\"2031-10-07\"", "\"2031-10-08\""));
            assertEquals(1, client.calendar(clerk).size());
            assertEquals(1, pc.sync().calendarYears());
            assertFalse(CalendarLoader.load(pc.dataDir).isWorkingDay(LocalDate.of(2031, 10, 8)));

            // A year this PC cannot read (a newer central store's format, a row written past the
            // import's check) is left out and said, at every sync until it is mended: the PC's
            // deadlines are then counted on its own calendar, unlike the other PCs'.
            String unreadable = year2031.replace("2031", "2032"); // its make-up Sunday is a Tuesday in 2032
            world.central.database().inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO holiday_year (holiday_year, content,"
                        + " imported_by, imported_at) VALUES (2032, ?, 'admin', CURRENT_TIMESTAMP)")) {
                    ps.setString(1, unreadable);
                    assertEquals(1, ps.executeUpdate());
                }
                return null;
            });
            Synchronizer.Report said = pc.sync();
            assertEquals(0, said.calendarYears());
            assertEquals(
                    List.of(2032),
                    said.calendarLeftOut().stream()
                            .map(Synchronizer.YearLeftOut::year)
                            .toList());
            assertEquals(
                    "rule.calendar.makeUpWeekday",
                    said.calendarLeftOut().get(0).why().rule());
            assertTrue(CalendarLoader.load(pc.dataDir).year(2032).isEmpty(), "nothing of it taken");
            assertEquals(1, pc.sync().calendarLeftOut().size(), "said again at the next sync");
        }
    }

    /** Both PCs pull, then each takes an action on the same ticket before either pushes. */
    private static Ticket bothActOnOneTicket(SyncWorld.Pc a, SyncWorld.Pc b) throws IOException {
        a.sync();
        b.sync();
        Ticket target = a.actionable().orElseThrow();
        a.act(target);
        b.act(b.store.tickets().find(target.id()).orElseThrow());
        return target;
    }

    private static TicketEvent last(List<TicketEvent> events) {
        return events.get(events.size() - 1);
    }

    private HttpResponse<String> post(String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(world.url() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, String token, byte[] body) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(world.url() + path))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Bearer " + token)
                .build();
        return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
    }

    /** Any call, answered whatever its status. */
    HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(world.url() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As if a ticket's form named the attachment (what an applied action with a photo does). */
    void nameAttachment(UUID ticket, String sha) {
        world.central.database().inTransaction(c -> {
            try (var ps = c.prepareStatement("INSERT INTO ticket_attachment (sha256, ticket_id) VALUES (?, ?)")) {
                ps.setString(1, sha);
                ps.setObject(2, ticket);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private JsonNode get(String path, String token) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(world.url() + path))
                .GET()
                .header("Authorization", "Bearer " + token)
                .build();
        HttpResponse<String> resp = HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, resp.statusCode(), resp.body());
        return OperationCodec.json().readTree(resp.body());
    }

    private static void assertError(HttpResponse<String> resp, int status, String code) throws IOException {
        assertEquals(status, resp.statusCode(), resp.body());
        JsonNode n = OperationCodec.json().readTree(resp.body());
        assertEquals(code, n.path("error").asText(), resp.body());
        assertFalse(n.path("message").asText().isBlank(), "a message says why: " + resp.body());
    }

    /**
     * Per-county change counters, with two servers on one database: while a writer of county A holds
     * A's counter (a transaction in the middle of its work), an operation of county B through the
     * other server is applied at once; one of county A waits for the holder and then is applied.
     */
    @Test
    void writesOfOneCountyNeverWaitForAnotherCounty() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (SyncWorld.Pc a = world.pc("a", SyncWorld.WATER_A);
                SyncWorld.Pc b = world.pc("b", SyncWorld.WATER_B);
                CentralStore second = CentralStore.open(world.jdbcUrl, SyncWorld.CATALOG, world.clock)) {
            a.sync();
            b.sync();
            Operation opA = nextOp(a.actionable().orElseThrow(), SyncWorld.WATER_A);
            Operation opB = nextOp(b.actionable().orElseThrow(), SyncWorld.WATER_B);
            try (Connection hold = holdingCounter(SyncWorld.COUNTY_A)) {
                var ofB = pool.submit(() ->
                        second.ops().push(new CentralUsers.Caller(SyncWorld.WATER_B, "pc-b", null), List.of(opB)));
                OpResult rb = ofB.get(30, TimeUnit.SECONDS).get(0);
                assertEquals(
                        OpResult.Outcome.APPLIED,
                        rb.outcome(),
                        "county B is not held up by county A's writer: " + rb.reasonKey() + " " + rb.field() + " "
                                + rb.args());
                var ofA = pool.submit(() ->
                        second.ops().push(new CentralUsers.Caller(SyncWorld.WATER_A, "pc-a", null), List.of(opA)));
                Thread.sleep(1000);
                assertFalse(ofA.isDone(), "county A's next writer waits for the one holding A's counter");
                hold.rollback();
                assertEquals(
                        OpResult.Outcome.APPLIED,
                        ofA.get(30, TimeUnit.SECONDS).get(0).outcome());
            }
            // each county's PC pulls its own change, numbered after what it held
            assertEquals(1, a.sync().pulled());
            assertEquals(1, b.sync().pulled());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A push is decided (the history replayed through the engine) before the county's counter is
     * taken, and decided again under it when the ticket changed in between. Here another writer,
     * holding A's counter, stores a step on the ticket while the push waits: the push, made on the
     * older history, must not be applied over it.
     */
    @Test
    void aPushDecidedBeforeTheCountersLockIsDecidedAgainWhenTheTicketChangedMeanwhile() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try (SyncWorld.Pc a = world.pc("a", SyncWorld.WATER_A);
                CentralStore second = CentralStore.open(world.jdbcUrl, SyncWorld.CATALOG, world.clock)) {
            a.sync();
            Ticket ticket = a.actionable().orElseThrow();
            TicketHistory held = world.centralTicket(ticket.id());
            Operation mine = nextOp(ticket, SyncWorld.WATER_A);
            Operation theirs = nextOp(ticket, SyncWorld.WATER_A);
            var applied = (OperationApplier.Applied) new OperationApplier(SyncWorld.CATALOG)
                    .apply(theirs, held, SyncWorld.WATER_A, world.clock.instant(), null);
            try (Connection hold = holdingCounter(SyncWorld.COUNTY_A)) {
                var pushed = pool.submit(() ->
                        second.ops().push(new CentralUsers.Caller(SyncWorld.WATER_A, "pc-a", null), List.of(mine)));
                Thread.sleep(1000);
                assertFalse(pushed.isDone(), "the push waits for A's counter");
                try (var ps = hold.prepareStatement("UPDATE central_ticket SET body = ? WHERE id = ?")) {
                    ps.setBytes(
                            1,
                            SyncWorld.storedLine(world.central.tickets().codec().write(applied.after())));
                    ps.setObject(2, ticket.id());
                    assertEquals(1, ps.executeUpdate());
                }
                hold.commit();
                OpResult r = pushed.get(30, TimeUnit.SECONDS).get(0);
                assertNotEquals(OpResult.Outcome.APPLIED, r.outcome(), "decided on the history it was made for");
            }
            TicketHistory now = world.centralTicket(ticket.id());
            assertEquals(held.events().size() + 1, now.events().size());
            assertEquals(
                    applied.after().events().get(held.events().size()).id(),
                    now.events().get(held.events().size()).id(),
                    "the other writer's step is kept");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A busy county's writers wait for their turn in memory, not on the database's connections:
     * while a writer of county A holds A's counter, twelve more pushes of A wait (more than the
     * pool's eight connections), and a new PC of the same county still gets its first pull.
     */
    @Test
    void aCountysWaitingWritersLeaveTheConnectionsToPulls() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(13);
        try (SyncWorld.Pc a = world.pc("a", SyncWorld.WATER_A);
                SyncWorld.Pc fresh = world.pc("fresh", SyncWorld.WATER_A)) {
            a.sync();
            Ticket ticket = a.actionable().orElseThrow();
            List<Future<List<OpResult>>> writers = new ArrayList<>();
            try (Connection hold = holdingCounter(SyncWorld.COUNTY_A)) {
                for (int i = 0; i < 12; i++) {
                    Operation op = nextOp(ticket, SyncWorld.WATER_A);
                    writers.add(pool.submit(() -> world.central
                            .ops()
                            .push(new CentralUsers.Caller(SyncWorld.WATER_A, "pc-a", null), List.of(op))));
                }
                Thread.sleep(1000);
                assertTrue(writers.stream().noneMatch(Future::isDone), "A's writers wait for A's counter");
                var pulled = pool.submit(() -> fresh.sync().pulled());
                assertTrue(
                        pulled.get(8, TimeUnit.SECONDS) > 0,
                        "a pull is answered while the county's writers wait (before the database's 10-s lock wait ends)");
                hold.rollback();
            }
            long applied = 0;
            for (var w : writers) {
                if (w.get(30, TimeUnit.SECONDS).get(0).outcome() == OpResult.Outcome.APPLIED) {
                    applied++;
                }
            }
            assertEquals(1, applied, "one of the twelve, made on the same history, is applied; the others are refused");
        } finally {
            pool.shutdownNow();
        }
    }

    /** A connection of its own in a transaction holding the county's change counter, as a writer does. */
    private Connection holdingCounter(String county) throws SQLException {
        Connection hold = world.jdbcUrl.startsWith("jdbc:h2:")
                ? DriverManager.getConnection(world.jdbcUrl, "sa", "")
                : DriverManager.getConnection(world.jdbcUrl);
        hold.setAutoCommit(false);
        try (var ps = hold.prepareStatement(
                "SELECT last_change FROM county_change_counter WHERE county_code = ? FOR UPDATE")) {
            ps.setString(1, county);
            ps.executeQuery().close();
        }
        return hold;
    }

    /** The first action the engine lets {@code user} take on the ticket as held centrally, as an operation. */
    private Operation nextOp(Ticket ticket, User user) {
        Instant at = world.clock.instant();
        var engine = new WorkflowEngine(SyncWorld.CATALOG, Clock.fixed(at, ChinaTime.ZONE));
        TicketHistory held = world.centralTicket(ticket.id());
        var action = engine.allowedActions(held.ticket(), held.events(), user).stream()
                .filter(x -> !x.reopens())
                .findFirst()
                .orElseThrow();
        var form = SyncWorld.CATALOG.form(action.form()).orElse(new FormDef("none", List.of()));
        Map<String, Object> values = FormFaker.happy(SyncWorld.CATALOG).fill(form, TicketFacts.of(held.events()), at);
        return Operation.act(
                UUID.randomUUID(),
                ticket.id(),
                held.events().size(),
                action.code(),
                values,
                null,
                at,
                UUID.randomUUID());
    }
}
