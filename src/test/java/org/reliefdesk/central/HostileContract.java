package org.reliefdesk.central;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.TicketNumbers;
import org.reliefdesk.logic.catalog.FormDef;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.sample.DemoCounty;
import org.reliefdesk.logic.sample.FormFaker;
import org.reliefdesk.logic.sync.OpResult;
import org.reliefdesk.logic.sync.Operation;
import org.reliefdesk.logic.sync.OperationApplier;
import org.reliefdesk.logic.sync.PullPage;
import org.reliefdesk.logic.users.PasswordHash;
import org.reliefdesk.logic.workflow.TicketFacts;
import org.reliefdesk.logic.workflow.WorkflowEngine;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.TicketStatus;
import org.reliefdesk.model.User;
import org.reliefdesk.store.SetAside;
import org.reliefdesk.sync.CentralClient;
import org.reliefdesk.sync.Synchronizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The central store attacked as a hostile county user would (a clerk, a township worker, a
 * county administrator, a lost PC): one test per way in found by the last review, each failing on
 * the main before this suite. On real parts: a central database (H2 or PostgreSQL, by subclass),
 * the HTTP server on loopback, PCs with local H2 files. docs/security.md maps threats to tests.
 */
abstract class HostileContract extends WorldContract {

    final ObjectMapper json = new ObjectMapper();
    final TicketLineCodec codec = new TicketLineCodec(SyncWorld.CATALOG);
    private int planted;

    HostileContract() {
        super("", 160, 60);
    }

    // ---- files written on other PCs -------------------------------------------------------------

    @Test
    void anAttachmentNameIsNeverAPathOnAnyPc() throws Exception {
        String crafted = "../../../.config/autostart/evil.desktop";
        try (SyncWorld.Pc civil = world.pc("civil", SyncWorld.CIVIL_A)) {
            // pushed: the central store refuses the name as a rule of the form
            String line = withApplication(
                    opened(SyncWorld.CIVIL_A, "minimum_living_allowance", t -> t),
                    "authorizationFile",
                    json.createArrayNode().add(crafted));
            OpResult r = push(civil, Operation.open(UUID.randomUUID(), idOf(line), line));
            assertEquals(OpResult.Outcome.REJECTED, r.outcome());
            assertEquals("rule.form.attachmentName", r.reasonKey());
            assertEquals("authorizationFile", r.field());

            // already on the central store (an older version took it): every PC that pulls it sets it
            // aside, writes no file anywhere, and its pull goes on
            TicketHistory planted = plant(line);
            assertTrue(civil.sync().pulled() > 0);
            assertFalse(civil.tickets().stream()
                    .anyMatch(t -> t.id().equals(planted.ticket().id())));
            SetAside.Entry aside = civil.store.setAside().list().stream()
                    .filter(e -> e.ticketId().equals(planted.ticket().id()))
                    .findFirst()
                    .orElseThrow();
            assertEquals("rule.form.attachmentName", aside.why().rule());
            assertFalse(Files.exists(
                    civil.dataDir.resolve("attachments").resolve(crafted).normalize()));
            assertFalse(Files.exists(dir.resolve(".config")), "nothing written outside the data directory");
        }
    }

    // ---- any ticket of any county could be read -----------------------------------------------------

    @Test
    void aRefusedPushLearnsNothingOfATicketOutsideItsScope() throws Exception {
        try (SyncWorld.Pc a = world.pc("a", SyncWorld.WATER_A);
                SyncWorld.Pc b = world.pc("b", SyncWorld.WATER_B)) {
            a.sync();
            Ticket ofA = a.tickets().get(0);
            int seq = world.centralTicket(ofA.id()).events().size();
            OpResult outside = push(
                    b,
                    Operation.act(
                            UUID.randomUUID(),
                            ofA.id(),
                            seq,
                            "accept",
                            Map.of(),
                            null,
                            world.clock.instant(),
                            UUID.randomUUID()));
            OpResult unknown = push(
                    b,
                    Operation.act(
                            UUID.randomUUID(),
                            UUID.randomUUID(),
                            seq,
                            "accept",
                            Map.of(),
                            null,
                            world.clock.instant(),
                            UUID.randomUUID()));
            for (OpResult r : List.of(outside, unknown)) {
                assertEquals(OpResult.Outcome.REJECTED, r.outcome());
                assertNull(r.ticket(), "no ticket content in the answer");
            }
            assertEquals(unknown.reasonKey(), outside.reasonKey(), "unknown and out of scope: one answer");
            assertEquals(unknown.field(), outside.field());
            assertEquals(unknown.args(), outside.args());
            assertEquals(unknown.reason(), outside.reason());

            // A's operation id replayed by B: neither A's answer nor A's ticket comes back
            Operation mine = Operation.act(
                    UUID.randomUUID(),
                    ofA.id(),
                    seq,
                    "accept",
                    Map.of(),
                    null,
                    world.clock.instant(),
                    UUID.randomUUID());
            push(a, mine);
            OpResult stolen = push(b, mine);
            assertEquals(OpResult.Outcome.CONFLICT, stolen.outcome());
            assertNull(stolen.ticket());
        }
    }

    // ---- one change stops a county's sync for good ---------------------------------------------------

    @Test
    void aValueNoPcCanStoreIsRefusedAndOneAlreadyThereIsSetAsideWhileThePullGoesOn() throws Exception {
        try (SyncWorld.Pc civil = world.pc("civil", SyncWorld.CIVIL_A);
                SyncWorld.Pc leader = world.pc("l", SyncWorld.LEADER_A)) {
            String longName = "名".repeat(300);
            String tooLong = opened(SyncWorld.CIVIL_A, "minimum_living_allowance", t -> {
                ((ObjectNode) t.get("applicant")).put("name", longName);
                return t;
            });
            OpResult r = push(civil, Operation.open(UUID.randomUUID(), idOf(tooLong), tooLong));
            assertEquals(OpResult.Outcome.REJECTED, r.outcome());
            assertEquals("rule.bounds.length", r.reasonKey());

            // an event id another ticket holds: refused, it would break every PC's event table
            civil.sync();
            Ticket target = civil.actionable().orElseThrow();
            Ticket other = civil.tickets().stream()
                    .filter(t -> !t.id().equals(target.id()))
                    .findFirst()
                    .orElseThrow();
            UUID taken = world.centralTicket(other.id()).events().get(0).id();
            OpResult reused = push(civil, nextOp(civil, target, world.clock.instant(), taken));
            assertEquals(OpResult.Outcome.REJECTED, reused.outcome(), reused.toString());
            assertEquals("sync.rule.eventIdTaken", reused.reasonKey());

            // a ticket already stored with a name too long for the PCs (an older central store took it)
            TicketHistory planted = plant(tooLong);
            assertEquals(1, leader.sync().setAside(), "said to the person who pulled it");
            assertEquals(world.countyATickets, leader.tickets().size(), "every other ticket arrived");
            assertEquals(1, leader.store.setAside().count());
            assertEquals(
                    "rule.bounds.length",
                    leader.store.setAside().list().get(0).why().rule());
            assertEquals(
                    planted.ticket().id(), leader.store.setAside().list().get(0).ticketId());
            Synchronizer.Report next = leader.sync();
            assertEquals(0, next.pulled(), "and the next pull does not stop on it again");
            assertEquals(0, next.setAside(), "said once, at the sync that set it aside");
            FitCheck.Unfit found = onlyUnfit();
            assertEquals(planted.ticket().id(), found.id());
            assertEquals(planted.ticket().ticketNo(), found.ticketNo());
            assertEquals("rule.bounds.length", found.why().rule());
        }
    }

    /**
     * The citizen channel's lines go through the one ingestion path on a server thread: a form
     * nested as deep as the parser allows (the line, its events, the event and the form hold four
     * of its 1,000 levels) is refused by its depth, and the next line of the same body goes in.
     */
    @Test
    void aFormNestedAsDeepAsTheParserAllowsIsRefusedByItsDepthAndTheNextLineGoesIn() throws Exception {
        JsonNode deepest = json.readTree("[".repeat(995) + "]".repeat(995));
        ObjectNode deep = (ObjectNode) json.readTree(freshLineOf(SyncWorld.COUNTY_A, "8881"));
        ((ObjectNode) deep.get("events").get(0).get("form")).set("x", deepest);
        String body = json.writeValueAsString(deep) + "\n" + freshLineOf(SyncWorld.COUNTY_A, "8882");
        try (SyncWorld.Pc admin = world.pc("admin", SyncWorld.ADMIN_A)) {
            HttpResponse<String> intake = call("POST", "/api/v1/intake", admin.token(), body);
            assertEquals(200, intake.statusCode(), intake.body());
            JsonNode n = json.readTree(intake.body());
            assertEquals(1, n.get("added").asInt(), intake.body());
            assertEquals(1, n.get("rejected").size(), intake.body());
            assertTrue(n.get("rejected").get(0).asText().contains("rule.bounds.depth"), intake.body());
        }
    }

    /** A county's stored ticket as a new one (ids and number of its own): what the intake would take. */
    private String freshLineOf(String county, String sequence) throws Exception {
        String line = codec.write(world.centralTicket(firstOfCounty(county)));
        String fresh = line.replace(idOf(line).toString(), UUID.randomUUID().toString())
                .replace(numberOf(line), numberOf(line).substring(0, 14) + sequence);
        for (JsonNode e : json.readTree(fresh).get("events")) {
            fresh = fresh.replace(e.get("id").asText(), UUID.randomUUID().toString());
        }
        return fresh;
    }

    // ---- ticket numbers were free text ---------------------------------------------------------------

    @Test
    void ticketNumbersAreTheCentralStoresToGiveAndCountPastTenThousand() throws Exception {
        try (SyncWorld.Pc civil = world.pc("civil", SyncWorld.CIVIL_A)) {
            String line = opened(SyncWorld.CIVIL_A, "minimum_living_allowance", t -> t);
            String prefix = numberOf(line).substring(0, 14);
            // a free-text number from the PC: taken as provisional, the central store numbers it
            String letters = line.replace(numberOf(line), prefix + "ZZZZ");
            OpResult r = push(civil, Operation.open(UUID.randomUUID(), idOf(letters), letters));
            assertEquals(OpResult.Outcome.APPLIED, r.outcome(), r.toString());
            String first =
                    codec.read(r.ticket(), 1, LocalDate.of(9999, 1, 1)).ticket().ticketNo();
            assertTrue(TicketNumbers.wellFormed(first), first);

            // the day already has its 9,999th ticket: the next is 10000, not a crash at a fifth digit
            String busy = opened(SyncWorld.CIVIL_A, "minimum_living_allowance", t -> t);
            plant(busy.replace(numberOf(busy), prefix + "9999"));
            String next = opened(SyncWorld.CIVIL_A, "minimum_living_allowance", t -> t);
            OpResult tenThousand = push(civil, Operation.open(UUID.randomUUID(), idOf(next), next));
            assertEquals(OpResult.Outcome.APPLIED, tenThousand.outcome(), tenThousand.toString());
            assertEquals(
                    prefix + "10000",
                    codec.read(tenThousand.ticket(), 1, LocalDate.of(9999, 1, 1))
                            .ticket()
                            .ticketNo());

            // the citizen channel's numbers are checked like any field
            String intakeLine =
                    letters.replace(idOf(letters).toString(), UUID.randomUUID().toString());
            CentralTickets.Intake in = world.intake(intakeLine);
            assertEquals(0, in.added());
            assertTrue(
                    in.rejected().get(0).contains("rule.ticketNo.format"),
                    in.rejected().toString());

            // and a PC that pulled both keeps numbering after them
            assertTrue(civil.sync().pulled() > 0);
            assertTrue(civil.tickets().stream().anyMatch(t -> t.ticketNo().equals(prefix + "10000")));

            // a ticket opened on the PC offline: its number is provisional until the central store gives one
            TicketHistory mine = codec.read(
                    opened(SyncWorld.CIVIL_A, "minimum_living_allowance", t -> t), 1, LocalDate.of(9999, 1, 1));
            Ticket local = civil.store.tickets().insertOpened(mine, codec);
            assertEquals(prefix + "10001", local.ticketNo(), "numbered after the highest, as a number");
            assertEquals(Set.of(local.id()), civil.store.outbox().provisional());
            civil.sync();
            assertEquals(Set.of(), civil.store.outbox().provisional());
            assertEquals(
                    world.centralTicket(local.id()).ticket().ticketNo(),
                    civil.store.tickets().find(local.id()).orElseThrow().ticketNo(),
                    "the central store's number, final");
        }
    }

    // ---- opened tickets were stored as sent; actions dated years back ---------------------------------

    @Test
    void anOpenedTicketIsTheCentralStoresOwnResultAndTimesAreBounded() throws Exception {
        try (SyncWorld.Pc civil = world.pc("civil", SyncWorld.CIVIL_A)) {
            // claims to be concluded, in the last step, with an outcome: stored as a new ticket in its first step
            String concluded = opened(SyncWorld.CIVIL_A, "minimum_living_allowance", t -> {
                t.put("status", "CONCLUDED");
                t.put("currentStep", "concluded");
                t.put("concludedAt", t.get("submittedAt").asText());
                t.put("outcome", "approved");
                return t;
            });
            OpResult r = push(civil, Operation.open(UUID.randomUUID(), idOf(concluded), concluded));
            assertEquals(OpResult.Outcome.APPLIED, r.outcome(), r.toString());
            Ticket stored = world.centralTicket(idOf(concluded)).ticket();
            assertEquals(TicketStatus.NEW, stored.status());
            assertEquals(
                    SyncWorld.CATALOG
                            .workflowOf("minimum_living_allowance")
                            .firstStep()
                            .code(),
                    stored.currentStep());
            assertNull(stored.outcome());
            assertNotNull(
                    world.centralTicket(idOf(concluded)).events().get(0).receivedAt(), "the receive time is kept");

            // "submitted" in 1995
            String old = opened(
                    SyncWorld.CIVIL_A, "minimum_living_allowance", t -> t, Instant.parse("1995-06-01T02:00:00Z"));
            OpResult oldR = push(civil, Operation.open(UUID.randomUUID(), idOf(old), old));
            assertEquals(OpResult.Outcome.REJECTED, oldR.outcome());
            assertEquals("sync.rule.time", oldR.reasonKey());

            // an action dated back past this person's sign-ins on this PC (less the offline allowance):
            // refused, though it would still come after the ticket's last entry
            civil.sync();
            Instant bound = world.clock.instant().minus(OperationApplier.OFFLINE_ALLOWANCE);
            Ticket target = civil.tickets().stream()
                    .filter(t -> lastAt(t).isBefore(bound.minus(Duration.ofDays(2))))
                    .filter(t -> civil.actionable(t))
                    .findFirst()
                    .orElseThrow();
            Instant backDated = lastAt(target).plus(Duration.ofDays(1));
            OpResult late = push(civil, nextOp(civil, target, backDated, UUID.randomUUID()));
            assertEquals(OpResult.Outcome.REJECTED, late.outcome(), late.toString());
            assertEquals("sync.rule.time", late.reasonKey());
            // the same action dated now is taken, and the central store notes when it came
            OpResult now = push(civil, nextOp(civil, target, world.clock.instant(), UUID.randomUUID()));
            assertEquals(OpResult.Outcome.APPLIED, now.outcome(), now.toString());
            List<TicketEvent> events = world.centralTicket(target.id()).events();
            assertEquals(world.clock.instant(), events.get(events.size() - 1).receivedAt());
        }
    }

    // ---- county administrators reached other counties -------------------------------------------------

    @Test
    void aCountyAdministratorStaysInTheirCounty() throws Exception {
        String fresh = freshLineOf(SyncWorld.COUNTY_B, "8888");
        try (SyncWorld.Pc admin = world.pc("admin", SyncWorld.ADMIN_A)) {
            HttpResponse<String> intake = call("POST", "/api/v1/intake", admin.token(), fresh);
            assertEquals(200, intake.statusCode(), intake.body());
            JsonNode n = json.readTree(intake.body());
            assertEquals(0, n.get("added").asInt(), "another county's ticket is not taken");
            assertTrue(n.get("rejected").get(0).asText().contains("rule.workflow.county"), intake.body());

            String year = """
                    {"formatVersion":1,"year":2032,"notice":{"title":"国务院办公厅关于2032年部分节假日安排的通知",\
                    "issued":"2031-11-01"},"offDays":[{"from":"2032-10-01","to":"2032-10-07"}],"makeUpWorkingDays":[]}""";
            HttpResponse<String> put = call("PUT", "/api/v1/calendar", admin.token(), year);
            assertEquals(403, put.statusCode(), "a holiday year is the province's, not a county administrator's");
            assertTrue(world.central.calendar().years().isEmpty());
        }
    }

    // ---- sign-in ---------------------------------------------------------------------------------------

    @Test
    void failedSignInsAreThrottledPerAccountWithBackOff() throws Exception {
        CentralClient client = new CentralClient(world.url(), Duration.ofSeconds(20));
        for (int i = 0; i < SignInThrottle.ACCOUNT_FREE; i++) {
            CentralClient.Refused wrong = assertThrows(
                    CentralClient.Refused.class,
                    () -> client.signIn(SyncWorld.WATER_A.username(), "not-the-password".toCharArray(), "pc"));
            assertEquals(401, wrong.status());
        }
        HttpResponse<String> locked = call(
                "POST",
                "/api/v1/sign-in",
                null,
                "{\"username\":\"water.clerk\",\"password\":\"" + SyncWorld.PASSWORD + "\",\"clientId\":\"pc\"}");
        assertEquals(429, locked.statusCode(), "even the right password waits");
        assertEquals(
                "sync.auth.throttled", json.readTree(locked.body()).get("error").asText());
        long wait = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(wait > 0 && wait <= SignInThrottle.FIRST_WAIT.toSeconds(), "Retry-After " + wait);
        // another account from elsewhere is not held up
        assertNotNull(client.signIn(SyncWorld.WATER_A2.username(), SyncWorld.PASSWORD.toCharArray(), "pc")
                .token());
        world.clock.advance(SignInThrottle.FIRST_WAIT.plusSeconds(1));
        assertNotNull(
                client.signIn(SyncWorld.WATER_A.username(), SyncWorld.PASSWORD.toCharArray(), "pc")
                        .token(),
                "after the wait, the right password is taken and the count cleared");
    }

    /**
     * An older PC sends the password: an unknown name costs one key derivation too (with a salt of its own): its answer takes as long as a
     * wrong password for a known name. Medians of 7 tries each must lie within 35 % of each other;
     * before, an unknown name answered ~15× faster.
     */
    @Test
    void anUnknownNameAndAWrongPasswordTakeTheSameTime() throws Exception {
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            known.add(timeSignIn(i % 2 == 0 ? "water.two" : "civil.clerk", "wrong-" + i));
            unknown.add(timeSignIn("nobody." + i, "wrong-" + i));
            world.clock.advance(Duration.ofHours(2)); // no account reaches its throttle in this test
        }
        long k = median(known);
        long u = median(unknown);
        assertTrue(Math.abs(k - u) <= 0.35 * Math.max(k, u), "known " + k + " ms, unknown " + u + " ms");
    }

    @Test
    void aSignInStormIsCappedAndPullsAreServedMeanwhile() throws Exception {
        try (SyncWorld.Pc a = world.pc("a", SyncWorld.WATER_A)) {
            String token = a.token();
            ExecutorService pool = Executors.newFixedThreadPool(48);
            try {
                List<Future<Integer>> storm = new ArrayList<>();
                for (int i = 0; i < 96; i++) {
                    String name = "storm." + i;
                    storm.add(pool.submit(() -> call(
                                    "POST",
                                    "/api/v1/sign-in",
                                    null,
                                    "{\"username\":\"" + name + "\",\"password\":\"whatever-1\",\"clientId\":\"x\"}")
                            .statusCode()));
                }
                HttpResponse<String> pull = call("GET", "/api/v1/changes?after=0&limit=50", token, null);
                assertEquals(200, pull.statusCode(), "a pull is served during the storm");
                int busy = 0;
                for (Future<Integer> f : storm) {
                    int status = f.get();
                    assertTrue(status == 401 || status == 429, "status " + status);
                    busy += status == 429 ? 1 : 0;
                }
                assertTrue(busy > 0, "beyond the gate's queue a sign-in is told to come back (429)");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * A pull's cursor and page size come from the wire: a size below one, past the cap, past what a
     * whole number of the server holds, or not a number; a cursor below zero or at the end of the
     * numbers. Each is answered within the bounds (at least one ticket, at most the cap, the
     * caller's county in order) or refused naming the field.
     */
    @Test
    void aPullsCursorAndSizeFromTheWireAreBoundedOrRefused() throws Exception {
        try (SyncWorld.Pc leader = world.pc("l", SyncWorld.LEADER_A)) {
            String token = leader.token();
            for (String small : List.of("-5", "0", "-9223372036854775808")) {
                JsonNode one = pullPage("after=0&limit=" + small, token);
                assertEquals(1, one.get("changes").size(), "limit=" + small + ": at least one ticket");
                assertTrue(one.get("more").asBoolean());
            }
            for (String large : List.of("999999999", "4294967297", "9223372036854775807")) {
                JsonNode capped = pullPage("after=0&limit=" + large, token);
                int expected = Math.min(CentralTickets.MAX_PAGE, world.countyATickets);
                assertEquals(
                        expected,
                        capped.get("changes").size(),
                        "limit=" + large + ": up to the cap, " + world.countyATickets + " tickets in scope");
                assertEquals(expected < world.countyATickets, capped.get("more").asBoolean());
                long last = 0;
                for (JsonNode c : capped.get("changes")) {
                    assertTrue(c.get("changeNo").asLong() > last, "oldest change first, each once");
                    last = c.get("changeNo").asLong();
                    assertTrue(c.get("ticket").asText().contains("\"countyCode\":\"" + SyncWorld.COUNTY_A + "\""));
                }
            }
            assertEquals(
                    pullPage("after=0&limit=10", token).get("changes"),
                    pullPage("after=-7&limit=10", token).get("changes"),
                    "a cursor below zero is the start");
            JsonNode end = pullPage("after=9223372036854775807&limit=10", token);
            assertEquals(0, end.get("changes").size());
            assertFalse(end.get("more").asBoolean());
            assertEquals(Long.MAX_VALUE, end.get("next").asLong(), "the cursor stays where it was asked");
            for (String bad :
                    List.of("limit=abc", "limit=99999999999999999999", "limit=", "after=1e3", "after=0x10", "after=")) {
                HttpResponse<String> r = call("GET", "/api/v1/changes?" + bad, token, null);
                assertEquals(400, r.statusCode(), bad + ": " + r.body());
                String field = bad.substring(0, bad.indexOf('='));
                assertTrue(r.body().contains(field + " must be a whole number"), bad + ": " + r.body());
            }
        }
    }

    private JsonNode pullPage(String query, String token) throws Exception {
        HttpResponse<String> r = call("GET", "/api/v1/changes?" + query, token, null);
        assertEquals(200, r.statusCode(), query + ": " + r.body());
        return new ObjectMapper().readTree(r.body());
    }

    // ---- errors leaked internals; transport --------------------------------------------------------

    @Test
    void errorsCarryAnIdNeverTheServersInsidesAndOneBadRecordStopsNothingElse() throws Exception {
        try (SyncWorld.Pc a = world.pc("a", SyncWorld.WATER_A)) {
            a.sync();
            Ticket fine = a.actionable().orElseThrow();
            Ticket broken = a.tickets().stream()
                    .filter(t -> !t.id().equals(fine.id()))
                    .findFirst()
                    .orElseThrow();
            // a stored record the central store cannot read any more
            world.central.database().inTransaction(c -> {
                try (var ps = c.prepareStatement("UPDATE central_ticket SET body = ? WHERE id = ?")) {
                    ps.setBytes(1, SyncWorld.storedLine("{not json"));
                    ps.setObject(2, broken.id());
                    ps.executeUpdate();
                }
                return null;
            });
            List<OpResult> results = new CentralClient(world.url(), Duration.ofSeconds(20))
                    .push(
                            a.token(),
                            List.of(
                                    Operation.act(
                                            UUID.randomUUID(),
                                            broken.id(),
                                            2,
                                            "accept",
                                            Map.of(),
                                            null,
                                            world.clock.instant(),
                                            UUID.randomUUID()),
                                    nextOp(a, fine, world.clock.instant(), UUID.randomUUID())));
            assertEquals(OpResult.Outcome.REJECTED, results.get(0).outcome());
            assertEquals("sync.rule.failed", results.get(0).reasonKey());
            assertTrue(
                    results.get(0).args().get(0).matches("E-[0-9A-F]{8}"),
                    results.get(0).args().toString());
            assertEquals(OpResult.Outcome.APPLIED, results.get(1).outcome(), "the next operation is applied");
            for (String leak : List.of("SELECT", "central_ticket", "Exception", "org.", "json")) {
                assertFalse(
                        results.get(0).reason().contains(leak), results.get(0).reason());
            }
        }
        // what Jetty answers itself is JSON too
        HttpRequest huge = HttpRequest.newBuilder(URI.create(world.url() + "/api/v1/me"))
                .header("X-Big", "x".repeat(64 * 1024))
                .GET()
                .build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(huge, HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, "status " + r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.body());
        assertFalse(
                r.body().contains("jetty")
                        || r.body().contains("Jetty")
                        || r.body().contains("org."),
                r.body());
    }

    @Test
    void anOversizeChunkedBodyIs413AndBearerIsTakenInAnyCase() throws Exception {
        try (SyncWorld.Pc a = world.pc("a", SyncWorld.WATER_A)) {
            HttpRequest lower = HttpRequest.newBuilder(URI.create(world.url() + "/api/v1/me"))
                    .header("Authorization", "bearer " + a.token())
                    .GET()
                    .build();
            assertEquals(
                    200,
                    HttpClient.newHttpClient()
                            .send(lower, HttpResponse.BodyHandlers.ofString())
                            .statusCode());
            byte[] big = new byte[CentralServer.MAX_JSON_BYTES + 1024];
            Arrays.fill(big, (byte) ' ');
            // no length: an InputStream body goes chunked
            HttpRequest chunked = HttpRequest.newBuilder(URI.create(world.url() + "/api/v1/ops"))
                    .header("Authorization", "Bearer " + a.token())
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                    .build();
            HttpResponse<String> r = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
            assertEquals(413, r.statusCode(), r.body());
            assertEquals("tooLarge", json.readTree(r.body()).get("error").asText());
        }
    }

    /**
     * A county's numbers come from the counter row as the writer's transaction holds it, without
     * reading it again. A held counter that is not what the row says (kept past a rollback to its
     * savepoint, or the row moved by another statement) numbers nothing: a number given twice
     * would let a pull pass over a change.
     */
    @Test
    void aChangeCounterNotAsHeldNumbersNothing() {
        CentralTickets tickets = world.central.tickets();
        CentralDatabase db = world.central.database();
        long at = (long)
                db.inTransaction(c -> tickets.lockChanges(c, SyncWorld.COUNTY_A).last());
        IllegalStateException keptPastRollback = assertThrows(
                IllegalStateException.class,
                () -> db.inTransaction(c -> {
                    CentralTickets.HeldCounter held = tickets.lockChanges(c, SyncWorld.COUNTY_A);
                    Savepoint before = c.setSavepoint();
                    assertEquals(at + 1, tickets.nextChange(c, held));
                    assertEquals(at + 2, tickets.nextChange(c, held), "its next numbers without a second read");
                    c.rollback(before);
                    return tickets.nextChange(c, held);
                }));
        assertTrue(keptPastRollback.getMessage().contains("not at " + (at + 2)), keptPastRollback.getMessage());
        assertThrows(
                IllegalStateException.class,
                () -> db.inTransaction(c -> {
                    CentralTickets.HeldCounter held = tickets.lockChanges(c, SyncWorld.COUNTY_A);
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE county_change_counter SET last_change = last_change + 5 WHERE county_code = ?")) {
                        ps.setString(1, SyncWorld.COUNTY_A);
                        assertEquals(1, ps.executeUpdate());
                    }
                    return tickets.nextChange(c, held);
                }));
        assertEquals(
                at,
                (long) db.inTransaction(
                        c -> tickets.lockChanges(c, SyncWorld.COUNTY_A).last()),
                "both transactions rolled back whole: no number taken");
    }

    /**
     * Writers of one county that queued run in one transaction, each in a savepoint, each taking
     * its numbers from the counter as it holds it: consecutive across the batch, and the numbers of
     * one rolled back (a rule refused it after it took them) are given to the next writer, so a
     * pull sees no number twice and the county's order has no hole.
     */
    @Test
    void writersSharingATransactionNumberOnFromEachOtherAndOneRolledBackGivesItsNumbersBack() throws Exception {
        CentralTickets tickets = world.central.tickets();
        CentralDatabase db = world.central.database();
        CountyTurns turns = new CountyTurns(db.dataSource());
        long at = (long)
                db.inTransaction(c -> tickets.lockChanges(c, SyncWorld.COUNTY_A).last());
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<List<Long>> first = pool.submit(() -> turns.inTurn(SyncWorld.COUNTY_A, c -> {
                List<Long> n = List.of(tickets.nextChange(c, tickets.lockChanges(c, SyncWorld.COUNTY_A)));
                holding.countDown();
                try {
                    assertTrue(release.await(20, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return n;
            }));
            assertTrue(holding.await(20, TimeUnit.SECONDS), "the first writer holds the county's turn");
            IllegalArgumentException refusal = new IllegalArgumentException("refused after it took its numbers");
            List<Future<List<Long>>> queued = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                boolean refuses = i == 2;
                queued.add(pool.submit(() -> turns.inTurn(SyncWorld.COUNTY_A, c -> {
                    CentralTickets.HeldCounter held = tickets.lockChanges(c, SyncWorld.COUNTY_A);
                    List<Long> n = List.of(tickets.nextChange(c, held), tickets.nextChange(c, held));
                    if (refuses) {
                        throw refusal;
                    }
                    return n;
                })));
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (turns.queued(SyncWorld.COUNTY_A) < i + 1) {
                    assertTrue(System.nanoTime() < until, "writer " + i + " never queued");
                    Thread.sleep(5);
                }
            }
            release.countDown();
            assertEquals(List.of(at + 1), first.get(20, TimeUnit.SECONDS));
            assertEquals(List.of(at + 2, at + 3), queued.get(0).get(20, TimeUnit.SECONDS));
            assertEquals(List.of(at + 4, at + 5), queued.get(1).get(20, TimeUnit.SECONDS));
            var refused =
                    assertThrows(ExecutionException.class, () -> queued.get(2).get(20, TimeUnit.SECONDS));
            assertEquals(refusal, refused.getCause());
            assertEquals(
                    List.of(at + 6, at + 7),
                    queued.get(3).get(20, TimeUnit.SECONDS),
                    "the numbers of the writer rolled back go to the next");
            long last = db.inTransaction(
                    c -> tickets.lockChanges(c, SyncWorld.COUNTY_A).last());
            assertEquals(at + 7, last);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPullPageIsBoundedByBytesAsWellAsByCount() throws Exception {
        // three tickets of 3.5 MB each (an older store took them): a page carries two at most
        String body = "{\"pad\":\"" + "x".repeat(3_500_000) + "\"}";
        long before = world.central
                .database()
                .inTransaction(c -> world.central
                        .tickets()
                        .lockChanges(c, SyncWorld.COUNTY_A)
                        .last());
        for (int i = 0; i < 3; i++) {
            UUID id = UUID.randomUUID();
            String no = "5301282021010" + (1000 + i) + "99";
            world.central.database().inTransaction(c -> {
                long change = world.central
                        .tickets()
                        .nextChange(c, world.central.tickets().lockChanges(c, SyncWorld.COUNTY_A));
                try (var ps = c.prepareStatement("INSERT INTO central_ticket (id, ticket_no, item_code, county_code,"
                        + " township_code, last_seq, change_no, changed_at, body) VALUES (?, ?, 'drinking_water', ?, ?, 2, ?,"
                        + " CURRENT_TIMESTAMP, ?)")) {
                    ps.setObject(1, id);
                    ps.setString(2, no);
                    ps.setString(3, SyncWorld.COUNTY_A);
                    ps.setString(4, DemoCounty.firstTownship().code());
                    ps.setLong(5, change);
                    ps.setBytes(6, SyncWorld.storedLine(body));
                    ps.executeUpdate();
                }
                return null;
            });
        }
        PullPage first = world.central
                .tickets()
                .pull(TicketScope.of(SyncWorld.LEADER_A, SyncWorld.CATALOG), before, 2000, false, false);
        assertEquals(2, first.changes().size(), "8 MB hold two of them");
        assertTrue(first.more());
        PullPage second = world.central
                .tickets()
                .pull(TicketScope.of(SyncWorld.LEADER_A, SyncWorld.CATALOG), first.next(), 2000, false, false);
        assertEquals(1, second.changes().size());
        assertFalse(second.more());
        // and a single ticket larger than a page still goes, alone
        PullPage alone = world.central
                .tickets()
                .pull(TicketScope.of(SyncWorld.LEADER_A, SyncWorld.CATALOG), before, 1, false, false);
        assertEquals(1, alone.changes().size());
    }

    /**
     * The database holds no key: a user's stored digest, sent as the key, signs nobody in; nor does
     * a short, a long or a broken key (401, never 500). The key derived from the password does.
     */
    @Test
    void whatTheDatabaseHoldsSignsNobodyIn() throws Exception {
        String name = SyncWorld.WATER_A.username();
        String digest = storedHash(name).split("\\$")[3];
        for (String key : List.of(digest, "AAAA", "not base64!", PasswordHash.b64(new byte[64]))) {
            HttpResponse<String> r = call(
                    "POST",
                    "/api/v1/sign-in",
                    null,
                    "{\"username\":\"" + name + "\",\"key\":\"" + key + "\",\"clientId\":\"pc\"}");
            assertEquals(401, r.statusCode(), key + ": " + r.body());
            assertEquals(
                    "sync.auth.wrongPassword",
                    json.readTree(r.body()).get("error").asText());
            world.clock.advance(Duration.ofHours(2)); // never the throttle's answer
        }
        CentralClient client = new CentralClient(world.url(), Duration.ofSeconds(20));
        byte[] key = PasswordHash.key(SyncWorld.PASSWORD.toCharArray(), client.recipe(name));
        assertNotNull(client.signIn(name, key, "pc").token());
    }

    /**
     * A name's salt is asked for before signing in, by anyone. For a name nobody has, the answer is
     * the same at every ask, differs from name to name and has a real one's shape and count: it
     * does not tell which names exist. A known name gets its stored hash's recipe.
     */
    @Test
    void askingForANamesSaltDoesNotTellWhetherTheNameExists() throws Exception {
        JsonNode nobody = recipeAnswer("nobody.1");
        assertEquals(nobody, recipeAnswer("nobody.1"), "the same at every ask");
        assertNotEquals(nobody.get("salt"), recipeAnswer("nobody.2").get("salt"));
        JsonNode known = recipeAnswer(SyncWorld.WATER_A.username());
        PasswordHash.Recipe stored = PasswordHash.recipeOf(storedHash(SyncWorld.WATER_A.username()));
        assertEquals(stored.saltText(), known.get("salt").asText());
        assertEquals(PasswordHash.ITERATIONS, known.get("iterations").asInt());
        assertEquals(PasswordHash.ITERATIONS, nobody.get("iterations").asInt());
        assertEquals(
                known.get("salt").asText().length(), nobody.get("salt").asText().length());
        List<String> knownFields = new ArrayList<>();
        known.fieldNames().forEachRemaining(knownFields::add);
        List<String> nobodyFields = new ArrayList<>();
        nobody.fieldNames().forEachRemaining(nobodyFields::add);
        assertEquals(knownFields, nobodyFields);
    }

    /**
     * A PC on a slow line reads its page slowly, or not at all: no server thread waits for it.
     * In a county whose first page (1,800 tickets, ~5 MB) is more than the kernel buffers a
     * socket on loopback holds (4 MB), forty connections (the server has 32 threads) ask for it
     * with a receive window of 4 KB and read nothing; another PC's sync is still answered.
     */
    @Test
    void pcsThatReadNothingHoldNoServerThread() throws Exception {
        Path bigDir = Files.createDirectories(dir.resolve("big"));
        List<Socket> stalled = new ArrayList<>();
        ExecutorService one = Executors.newSingleThreadExecutor();
        try (SyncWorld big = new SyncWorld(bigDir, freshDatabase(bigDir), 1800, 0);
                SyncWorld.Pc slow = big.pc("slow", SyncWorld.LEADER_A);
                SyncWorld.Pc other = big.pc("other", SyncWorld.WATER_A)) {
            String token = slow.token();
            URI central = URI.create(big.url());
            for (int i = 0; i < 40; i++) {
                Socket s = new Socket();
                s.setReceiveBufferSize(4096);
                s.connect(new InetSocketAddress(central.getHost(), central.getPort()));
                s.getOutputStream()
                        .write(("GET /api/v1/changes?after=0&limit=2000 HTTP/1.1\r\nHost: central\r\n"
                                        + "Authorization: Bearer " + token + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                stalled.add(s);
            }
            Thread.sleep(3000); // every page made and its sending begun
            Future<Integer> synced = one.submit(() -> other.sync().pulled());
            assertTrue(
                    synced.get(20, TimeUnit.SECONDS) > 0,
                    "a sync is answered while forty PCs read nothing (Jetty drops them only after 30 s idle)");
        } finally {
            one.shutdownNow();
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    @Test
    void aKeyAndAPasswordTogetherAreRefused() throws Exception {
        HttpResponse<String> r = call(
                "POST",
                "/api/v1/sign-in",
                null,
                "{\"username\":\"water.clerk\",\"key\":\"AAAA\",\"password\":\"" + SyncWorld.PASSWORD
                        + "\",\"clientId\":\"pc\"}");
        assertEquals(400, r.statusCode(), r.body());
    }

    /** A PC of this release never sends the password: the wire carries the name, its key and the PC's id. */
    @Test
    void aPcSignsInWithoutSendingThePassword() throws Exception {
        try (CountingProxy wire = new CountingProxy(world.url())) {
            CentralClient.Session s = new CentralClient(wire.url(), Duration.ofSeconds(20))
                    .signIn(SyncWorld.WATER_A.username(), SyncWorld.PASSWORD.toCharArray(), "pc");
            assertNotNull(s.token());
            assertEquals(List.of("/api/v1/sign-in/salt", "/api/v1/sign-in"), wire.paths());
            for (String body : wire.bodies()) {
                assertFalse(body.contains(SyncWorld.PASSWORD), body);
                assertFalse(json.readTree(body).has("password"), body);
            }
            assertTrue(
                    PasswordHash.matches(SyncWorld.PASSWORD.toCharArray(), s.offlineHash()),
                    "the hash kept for signing in offline is made from the same key");
            assertFalse(PasswordHash.matches("not-the-password".toCharArray(), s.offlineHash()));
        }
    }

    @Test
    void aPasswordHashedWithFewerIterationsIsReplacedAtTheNextGoodSignIn() throws Exception {
        String old = PasswordHash.hashWith(SyncWorld.PASSWORD.toCharArray(), 210_000);
        world.central.database().inTransaction(c -> {
            try (var ps = c.prepareStatement("UPDATE central_user SET password_hash = ? WHERE username = ?")) {
                ps.setString(1, old);
                ps.setString(2, SyncWorld.WATER_A.username());
                ps.executeUpdate();
            }
            return null;
        });
        new CentralClient(world.url(), Duration.ofSeconds(20))
                .signIn(SyncWorld.WATER_A.username(), SyncWorld.PASSWORD.toCharArray(), "pc");
        String now = storedHash(SyncWorld.WATER_A.username());
        assertTrue(now.startsWith("pbkdf2-sha256-key$" + PasswordHash.ITERATIONS + "$"), now);
        assertNotNull(
                new CentralClient(world.url(), Duration.ofSeconds(20))
                        .signIn(SyncWorld.WATER_A.username(), SyncWorld.PASSWORD.toCharArray(), "pc")
                        .token(),
                "the same password still signs in");
    }

    // ---- a shared PC ---------------------------------------------------------------------------------------

    @Test
    void onASharedPcTheLeadersFirstPullAfterAClerksWorkCompletes() throws Exception {
        try (SyncWorld.Pc clerk = world.pc("shared", SyncWorld.WATER_A)) {
            clerk.sync();
            clerk.act(clerk.actionable().orElseThrow());
            clerk.sync();
            clerk.act(clerk.actionable().orElseThrow());
        }
        try (SyncWorld.Pc leader = world.pc("shared", SyncWorld.LEADER_A)) {
            leader.sync();
            assertEquals(
                    world.countyATickets, leader.tickets().size(), "the whole county, known and new tickets mixed");
            assertEquals(0, leader.store.setAside().count());
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** The first action the engine lets the PC's user take on the ticket, with a form a person would fill, as an operation. */
    Operation nextOp(SyncWorld.Pc pc, Ticket ticket, Instant at, UUID eventId) {
        WorkflowEngine engine = new WorkflowEngine(SyncWorld.CATALOG, Clock.fixed(at, ChinaTime.ZONE));
        List<TicketEvent> history = world.centralTicket(ticket.id()).events();
        Ticket current = world.centralTicket(ticket.id()).ticket();
        var action = engine.allowedActions(current, history, pc.user).stream()
                .filter(x -> !x.reopens())
                .findFirst()
                .orElseThrow();
        FormDef form = SyncWorld.CATALOG.form(action.form()).orElse(new FormDef("none", List.of()));
        Map<String, Object> values = FormFaker.happy(SyncWorld.CATALOG).fill(form, TicketFacts.of(history), at);
        return Operation.act(UUID.randomUUID(), ticket.id(), history.size(), action.code(), values, null, at, eventId);
    }

    private Instant lastAt(Ticket t) {
        List<TicketEvent> events = world.centralTicket(t.id()).events();
        return events.get(events.size() - 1).at();
    }

    private JsonNode recipeAnswer(String name) throws Exception {
        HttpResponse<String> r = call("POST", "/api/v1/sign-in/salt", null, "{\"username\":\"" + name + "\"}");
        assertEquals(200, r.statusCode(), r.body());
        return json.readTree(r.body());
    }

    private String storedHash(String name) {
        return world.central.database().inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT password_hash FROM central_user WHERE username = ?")) {
                ps.setString(1, name);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    private long timeSignIn(String name, String password) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = call(
                "POST",
                "/api/v1/sign-in",
                null,
                "{\"username\":\"" + name + "\",\"password\":\"" + password + "\",\"clientId\":\"t\"}");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(401, r.statusCode(), r.body());
        return ms;
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    private OpResult push(SyncWorld.Pc pc, Operation op) throws Exception {
        return new CentralClient(world.url(), Duration.ofSeconds(20))
                .push(pc.token(), List.of(op))
                .get(0);
    }

    HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(world.url() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A ticket as a PC opens it for {@code staff}, as the interchange line of its OPEN operation. */
    private String opened(User staff, String item, UnaryOperator<ObjectNode> change) throws Exception {
        return opened(staff, item, change, world.clock.instant().minusSeconds(60));
    }

    private String opened(User staff, String item, UnaryOperator<ObjectNode> change, Instant at) throws Exception {
        TicketHistory h = SyncWorld.opening(staff, item, at);
        Ticket t = h.ticket();
        String number = TicketNumbers.number(TicketNumbers.prefix(t.county().code(), t.submittedAt()), 1);
        ObjectNode n = (ObjectNode) json.readTree(codec.write(new TicketHistory(t.withNumber(number), h.events())));
        return json.writeValueAsString(change.apply(n));
    }

    private String withApplication(String line, String field, ArrayNode value) throws Exception {
        ObjectNode n = (ObjectNode) json.readTree(line);
        ((ObjectNode) n.get("events").get(0).get("form")).set(field, value);
        return json.writeValueAsString(n);
    }

    private UUID idOf(String line) throws Exception {
        return UUID.fromString(json.readTree(line).get("id").asText());
    }

    private String numberOf(String line) throws Exception {
        return json.readTree(line).get("ticketNo").asText();
    }

    private UUID firstOfCounty(String county) {
        return world.central.database().inTransaction(c -> {
            try (var ps =
                    c.prepareStatement("SELECT id FROM central_ticket WHERE county_code = ? FETCH FIRST 1 ROWS ONLY")) {
                ps.setString(1, county);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getObject(1, UUID.class);
                }
            }
        });
    }

    /**
     * Puts a line straight into the central database, past every door, as a store of an older
     * version could have: what the PCs must survive.
     */
    /**
     * A line the central store kept that is not JSON (a damaged row: the store itself only keeps
     * lines its codec wrote) is copied as it is into a page of tickets as objects, which it breaks.
     * It must stop no one's pull: the PC asks that page again with each ticket as a string, sets the
     * damaged ticket aside and takes every other, and the next pull does not stop on it either.
     */
    @Test
    void aKeptLineThatIsNotJsonBreaksNoPullItIsSetAsideAndEveryOtherTicketArrives() throws Exception {
        SetAside.Entry aside = keptDamaged(
                "leader-damaged",
                SyncWorld.storedLine("{\"format\":\"reliefdesk.ticket\",\"events\":[{\"note\":\"cut off here"));
        assertEquals("rule.jsonAt", aside.why().rule());
        assertTrue(aside.line().endsWith("cut off here"), "kept as it came: " + aside.line());
    }

    /**
     * Since central schema 10 a kept line is bytes, which a damaged row may hold other than as
     * UTF-8; copied as they are, they break a page of tickets as objects in the PC's parser. It
     * stops no one's pull either: the PC asks the page again as strings (the bytes decoded, each
     * bad one as U+FFFD), sets the ticket aside and takes every other.
     */
    @Test
    void aKeptLineThatIsNotUtf8BreaksNoPullEither() throws Exception {
        byte[] notUtf8 = {'{', '"', 'n', 'o', 't', 'e', '"', ':', '"', (byte) 0xC3, '(', (byte) 0xFF, '"', '}'};
        SetAside.Entry aside = keptDamaged("leader-not-utf8", notUtf8);
        assertTrue(aside.line().contains("\uFFFD"), "kept as it came, decoded: " + aside.line());
    }

    /**
     * Puts {@code kept} in place of the fourth ticket's line in the central database, then has a
     * new PC of the county's leader pull twice: every other ticket arrives, the damaged one is set
     * aside, and the second pull does not stop on it. Returns what was set aside.
     */
    private SetAside.Entry keptDamaged(String pc, byte[] kept) throws Exception {
        UUID damaged = idOf(world.central
                .tickets()
                .pull(TicketScope.of(SyncWorld.LEADER_A, SyncWorld.CATALOG), 0, 10, false, false)
                .changes()
                .get(3)
                .ticket());
        byte[] whole = keptLine(damaged);
        keep(damaged, kept);
        try (SyncWorld.Pc leader = world.pc(pc, SyncWorld.LEADER_A)) {
            Synchronizer.Report first = leader.sync();
            assertEquals(world.countyATickets - 1, leader.tickets().size(), "every other ticket arrived");
            assertEquals(world.countyATickets - 1, first.pulled());
            assertEquals(1, first.setAside());
            assertEquals(1, leader.store.setAside().count());
            assertEquals(0, leader.sync().pulled(), "and the next pull does not stop on it again");
            SetAside.Entry aside = leader.store.setAside().list().get(0);
            // the store's administrator finds it by its row, the number the PC could not read included
            FitCheck.Unfit found = onlyUnfit();
            assertEquals(damaged, found.id());
            assertEquals(aside.why().rule(), found.why().rule(), "the rule the PC set it aside by");
            assertTrue(found.ticketNo().startsWith("530128"), found.ticketNo());

            // mended from a backup of its row (no new change): a full resync takes it, and the list empties
            keep(damaged, whole);
            assertEquals(0, leader.sync().pulled(), "no change after the PC's cursor");
            leader.store.syncFacts().resetCursor(SyncWorld.LEADER_A.username());
            leader.sync();
            assertEquals(world.countyATickets, leader.tickets().size());
            assertEquals(0, leader.store.setAside().count());
            return aside;
        }
    }

    private byte[] keptLine(UUID id) {
        return world.central.database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM central_ticket WHERE id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    return rs.getBytes(1);
                }
            }
        });
    }

    /** Puts {@code body} in place of the ticket's kept line, as a damaged disk or a hand in the database would. */
    private void keep(UUID id, byte[] body) {
        world.central.database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE central_ticket SET body = ? WHERE id = ?")) {
                ps.setBytes(1, body);
                ps.setObject(2, id);
                assertEquals(1, ps.executeUpdate());
            }
            return null;
        });
    }

    /** Checks every ticket the central store keeps as a PC would; exactly one fails, which is returned. */
    private FitCheck.Unfit onlyUnfit() {
        List<FitCheck.Unfit> unfit = new ArrayList<>();
        long checked = world.central.fitCheck().run(unfit::add);
        assertEquals(world.central.tickets().count(), checked, "every ticket read");
        assertEquals(1, unfit.size(), unfit.toString());
        return unfit.get(0);
    }

    private TicketHistory plant(String line) throws Exception {
        TicketHistory read = codec.read(line, 1, LocalDate.of(9999, 1, 1));
        Ticket t = read.ticket();
        // a number of its own unless the test chose one (the generated county holds the low ones)
        String no = t.ticketNo().endsWith("0001") ? t.ticketNo().substring(0, 14) + (7000 + planted++) : t.ticketNo();
        TicketHistory h = new TicketHistory(t.withNumber(no), read.events());
        world.central.database().inTransaction(c -> {
            CentralTickets tickets = world.central.tickets();
            return tickets.save(
                    c, tickets.lockChanges(c, h.ticket().county().code()), h, true, false, world.clock.instant());
        });
        assertNotEquals(null, world.centralTicket(h.ticket().id()));
        return h;
    }
}
