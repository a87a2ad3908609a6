package org.reliefdesk.central;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.reliefdesk.logic.catalog.ActionDef;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.catalog.FormDef;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.sample.DemoCounty;
import org.reliefdesk.logic.sample.FormFaker;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.logic.workflow.TicketFacts;
import org.reliefdesk.logic.workflow.TicketOpening;
import org.reliefdesk.logic.workflow.WorkflowEngine;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.IntakeChannel;
import org.reliefdesk.model.Place;
import org.reliefdesk.model.ResidentIdNumber;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.User;
import org.reliefdesk.store.LocalStore;
import org.reliefdesk.store.TicketActions;
import org.reliefdesk.sync.CentralClient;
import org.reliefdesk.sync.Synchronizer;

/**
 * A central store on a real database behind a real HTTP server on loopback, with two counties
 * of generated tickets and users of both, and county PCs (local H2 files) that sync with it.
 */
final class SyncWorld implements AutoCloseable {

    static final Catalog CATALOG = CatalogLoader.loadBuiltIn();
    static final String PASSWORD = "password-1";
    static final String COUNTY_A = "530128";
    static final String COUNTY_B = "530129";
    static final User WATER_A = new User("water.clerk", "李水清", Role.CLERK, COUNTY_A, "WATER", null);
    static final User WATER_A2 = new User("water.two", "王水利", Role.CLERK, COUNTY_A, "WATER", null);
    static final User LEADER_A = new User("leader", "赵县长", Role.LEADER, COUNTY_A, null, null);
    static final User CIVIL_A = new User("civil.clerk", "王民安", Role.CLERK, COUNTY_A, "CIVIL", null);
    static final User WATER_B = new User("water.b", "寻水清", Role.CLERK, COUNTY_B, "WATER", null);
    static final User ADMIN_A = new User("admin", "管理员", Role.ADMIN, COUNTY_A, null, null);

    /** A clock the test moves (token expiry); it starts at the real now. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ChinaTime.ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final Path dir;
    final String jdbcUrl;
    final MovableClock clock = new MovableClock();
    final CentralStore central;
    final CentralServer server;
    final int countyATickets;
    final int countyBTickets;

    SyncWorld(Path dir, String jdbcUrl, int ticketsA, int ticketsB) throws Exception {
        this.dir = dir;
        this.jdbcUrl = jdbcUrl;
        central = CentralStore.open(jdbcUrl, CATALOG, clock);
        for (User u : List.of(WATER_A, WATER_A2, LEADER_A, CIVIL_A, WATER_B, ADMIN_A)) {
            central.users().add(u, PASSWORD.toCharArray(), clock.instant());
        }
        Instant asOf = clock.instant().minus(Duration.ofHours(1));
        TicketLineCodec codec = new TicketLineCodec(CATALOG);
        List<String> a = new SampleGenerator(CATALOG)
                .generate(11, asOf, ticketsA).stream().map(codec::write).toList();
        List<String> b = new SampleGenerator(CATALOG)
                .generate(12, asOf, ticketsB).stream()
                        .map(codec::write)
                        .map(SyncWorld::inCountyB)
                        .toList();
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        CentralTickets.Intake ia = central.tickets()
                .intake(new BufferedReader(new StringReader(String.join("\n", a))), null, today, clock.instant());
        CentralTickets.Intake ib = central.tickets()
                .intake(new BufferedReader(new StringReader(String.join("\n", b))), null, today, clock.instant());
        if (!ia.rejected().isEmpty() || !ib.rejected().isEmpty()) {
            throw new IllegalStateException("generated lines refused: " + ia.rejected() + ib.rejected());
        }
        countyATickets = ia.added();
        countyBTickets = ib.added();
        server = CentralServer.start(central, "127.0.0.1", 0);
    }

    /** The same generated county moved to code 530129 (another county, other ticket ids). */
    private static String inCountyB(String line) {
        try {
            ObjectMapper m = new ObjectMapper();
            ObjectNode n = (ObjectNode) m.readTree(line);
            n.put("countyCode", COUNTY_B);
            n.put("countyName", "寻甸回族彝族自治县");
            for (String f : List.of("ticketNo", "townshipCode", "villageCode")) {
                n.put(f, COUNTY_B + n.get(f).asText().substring(6));
            }
            // county B's own staff: county A's users by the same names would be refused by the replay
            for (JsonNode e : n.get("events")) {
                String actor = e.get("actor").asText();
                if (actor.contains(".")) {
                    ((ObjectNode) e).put("actor", actor + ".b");
                }
            }
            return m.writeValueAsString(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return server.url();
    }

    /** A county PC: its own data directory and local store. */
    final class Pc implements AutoCloseable {
        final Path dataDir;
        final LocalStore store;
        final User user;
        private CentralClient.Session session;

        Pc(String name, User user) {
            this.dataDir = dir.resolve(name);
            this.store = LocalStore.open(dataDir);
            this.user = user;
        }

        Synchronizer.Report sync() throws IOException {
            return syncWith(url());
        }

        /** A sync through another door to the central store (a relay on the wire, another server). */
        Synchronizer.Report syncWith(String centralUrl) throws IOException {
            Synchronizer s =
                    new Synchronizer(store, new CentralClient(centralUrl, Duration.ofSeconds(20)), CATALOG, clock);
            return s.run(user.username(), PASSWORD.toCharArray(), p -> {});
        }

        String token() throws IOException {
            if (session == null) {
                session = new CentralClient(url(), Duration.ofSeconds(20))
                        .signIn(user.username(), PASSWORD.toCharArray(), "test-" + user.username());
            }
            return session.token();
        }

        List<Ticket> tickets() {
            return store.tickets().list(TicketScope.of(user, CATALOG));
        }

        /** Takes the first action the engine allows on {@code ticket} with a form a person would fill. */
        Ticket act(Ticket ticket) {
            WorkflowEngine engine = new WorkflowEngine(CATALOG, clock);
            List<TicketEvent> history = store.tickets().events(ticket.id());
            ActionDef a = engine.allowedActions(ticket, history, user).stream()
                    .filter(x -> !x.reopens())
                    .findFirst()
                    .orElseThrow();
            FormDef form = CATALOG.form(a.form()).orElse(new FormDef("none", List.of()));
            Map<String, Object> values = FormFaker.happy(CATALOG).fill(form, TicketFacts.of(history), clock.instant());
            return new TicketActions(store, engine).act(ticket.id(), ticket.version(), user, a.code(), values, "测试办理");
        }

        /** Whether this PC's user can act on the ticket now. */
        boolean actionable(Ticket t) {
            WorkflowEngine engine = new WorkflowEngine(CATALOG, clock);
            return engine.mayActInStep(t, user)
                    && engine.allowedActions(t, store.tickets().events(t.id()), user).stream()
                            .anyMatch(x -> !x.reopens());
        }

        /** A ticket this PC's user can act on now. */
        Optional<Ticket> actionable() {
            WorkflowEngine engine = new WorkflowEngine(CATALOG, clock);
            return tickets().stream()
                    .filter(t -> engine.mayActInStep(t, user))
                    .filter(t -> engine.allowedActions(t, store.tickets().events(t.id()), user).stream()
                            .anyMatch(x -> !x.reopens()))
                    .findFirst();
        }

        @Override
        public void close() {
            store.close();
        }
    }

    Pc pc(String name, User user) {
        return new Pc(name, user);
    }

    static List<UUID> ids(List<Ticket> tickets) {
        return tickets.stream().map(Ticket::id).collect(Collectors.toList());
    }

    /** Lines taken in through the central store's intake (as the citizen channel's), today by the world's clock. */
    CentralTickets.Intake intake(String lines) throws IOException {
        return central.tickets()
                .intake(
                        new BufferedReader(new StringReader(lines)),
                        null,
                        LocalDate.now(clock.withZone(ChinaTime.ZONE)),
                        clock.instant());
    }

    /** County A's tickets of another generator seed, numbered apart, taken in by this store; their ids. */
    Set<UUID> intakeOthers(long seed, int count) throws IOException {
        TicketLineCodec codec = new TicketLineCodec(CATALOG);
        ObjectMapper json = new ObjectMapper();
        var generated =
                new SampleGenerator(CATALOG).generate(seed, clock.instant().minus(Duration.ofHours(1)), count);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < generated.size(); i++) {
            // a number of their own: the generator numbers each day's tickets from 0001
            ObjectNode n = (ObjectNode) json.readTree(codec.write(generated.get(i)));
            String no = n.get("ticketNo").asText();
            n.put("ticketNo", no.substring(0, no.length() - 4) + String.format("%02d%02d", seed % 100, i));
            lines.add(json.writeValueAsString(n));
        }
        CentralTickets.Intake in = intake(String.join("\n", lines));
        if (!in.rejected().isEmpty()) {
            throw new IllegalStateException("generated lines refused: " + in.rejected());
        }
        Set<UUID> ids = new HashSet<>();
        generated.forEach(h -> ids.add(h.ticket().id()));
        return ids;
    }

    /** A ticket of {@code item} as a PC opens it for {@code staff} at {@code at}, in the demo county's first township. */
    static TicketHistory opening(User staff, String item, Instant at) {
        Place township = DemoCounty.firstTownship();
        FormDef form = CATALOG.applicationFormOf(item);
        Map<String, Object> application = FormFaker.happy(CATALOG).fill(form, Map.of(), at);
        String first17 = "53012819800101001";
        return new TicketOpening(CATALOG, Clock.fixed(at, ChinaTime.ZONE))
                .open(
                        new TicketOpening.Request(
                                item,
                                DemoCounty.COUNTY,
                                township,
                                new Place(township.code() + "201", "大村村委会"),
                                "李四",
                                first17 + ResidentIdNumber.checkChar(first17),
                                "13812345678",
                                IntakeChannel.GOVERNMENT_FOUND,
                                staff.displayName(),
                                application),
                        staff);
    }

    /** The central store's copy of a ticket. */
    TicketHistory centralTicket(UUID id) {
        return central.database()
                .inTransaction(c -> central.tickets().find(c, id).orElseThrow());
    }

    static List<String> readAll(List<String> xs) {
        return new ArrayList<>(xs);
    }

    @Override
    public void close() throws Exception {
        server.close();
        central.close();
    }

    /** A ticket's line as the central store keeps it (UTF-8 bytes, central schema 10), for a test that writes one itself. */
    static byte[] storedLine(String line) {
        return line.getBytes(StandardCharsets.UTF_8);
    }
}
