package org.reliefdesk.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.sample.DemoCounty;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.logic.sample.FormFaker;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.logic.workflow.TicketOpening;
import org.reliefdesk.model.IntakeChannel;
import org.reliefdesk.model.Place;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A backup taken from an open store restores every ticket, event, form, attachment and waiting change. */
class BackupTest {

    private static final Catalog CATALOG = CatalogLoader.loadBuiltIn();
    private static final Instant NOW = Instant.parse("2021-11-23T04:00:00Z");

    @TempDir
    Path dir;

    @Test
    void backupThenRestoreRoundTripsEveryTicketEventAttachmentAndWaitingChange() throws Exception {
        Path pc = dir.resolve("pc");
        Path folder = dir.resolve("backups");
        Clock clock = Clock.fixed(NOW, ZoneId.of("Asia/Shanghai"));
        Snapshot before;
        Path made;
        try (LocalStore store = LocalStore.open(pc)) {
            TicketLineCodec codec = new TicketLineCodec(CATALOG);
            String lines = new SampleGenerator(CATALOG)
                    .generate(5, NOW, 300).stream().map(codec::write).collect(Collectors.joining("\n"));
            new TicketImporter(store, codec, LocalDate.of(2021, 11, 23))
                    .importLines(new BufferedReader(new StringReader(lines)), n -> {});
            Path photo = dir.resolve("photo.jpg");
            Files.write(photo, new byte[] {1, 2, 3, 4, 5});
            new AttachmentStore(pc).put(photo);
            // a change not yet synced
            Place township = DemoCounty.firstTownship();
            store.tickets()
                    .insertOpened(
                            new TicketOpening(CATALOG, clock)
                                    .open(
                                            new TicketOpening.Request(
                                                    "minimum_living_allowance",
                                                    DemoCounty.COUNTY,
                                                    township,
                                                    new Place(township.code() + "201", "大村村委会"),
                                                    "王五",
                                                    "11010519491231002X",
                                                    "13812345678",
                                                    IntakeChannel.GOVERNMENT_FOUND,
                                                    "干部排查",
                                                    FormFaker.happy(CATALOG)
                                                            .fill(
                                                                    CATALOG.applicationFormOf(
                                                                            "minimum_living_allowance"),
                                                                    Map.of(),
                                                                    NOW)),
                                            DemoUsers.CIVIL_CLERK),
                            codec);
            before = Snapshot.of(store);
            made = LocalBackups.backup(store, folder, 3, clock);
            // keeps the newest three
            for (int i = 1; i <= 4; i++) {
                LocalBackups.backup(store, folder, 3, Clock.offset(clock, Duration.ofDays(i)));
            }
            assertEquals(3, LocalBackups.list(folder).size());
            assertFalse(Files.exists(made), "the oldest backups were deleted");
            made = LocalBackups.list(folder).get(2);
        }
        assertEquals(301, before.tickets.size());
        assertEquals(1, before.pending);

        // Restore into an empty data directory.
        Path fresh = dir.resolve("fresh");
        assertTrue(LocalBackups.restore(made, fresh, clock).isEmpty(), "nothing to keep aside in an empty directory");
        try (LocalStore store = LocalStore.open(fresh)) {
            assertEquals(before, Snapshot.of(store));
        }
        assertEquals(before.attachments, files(fresh.resolve("attachments")));

        // Restore over a data directory that moved on: what was there is kept aside, not lost.
        try (LocalStore store = LocalStore.open(pc)) {
            store.tickets()
                    .insertOpened(
                            new TicketOpening(CATALOG, clock)
                                    .open(
                                            new TicketOpening.Request(
                                                    "minimum_living_allowance",
                                                    DemoCounty.COUNTY,
                                                    DemoCounty.firstTownship(),
                                                    new Place(
                                                            DemoCounty.firstTownship()
                                                                            .code() + "201",
                                                            "大村村委会"),
                                                    "赵六",
                                                    "11010519491231002X",
                                                    "13812345678",
                                                    IntakeChannel.GOVERNMENT_FOUND,
                                                    "干部排查",
                                                    FormFaker.happy(CATALOG)
                                                            .fill(
                                                                    CATALOG.applicationFormOf(
                                                                            "minimum_living_allowance"),
                                                                    Map.of(),
                                                                    NOW)),
                                            DemoUsers.CIVIL_CLERK),
                            new TicketLineCodec(CATALOG));
        }
        Path aside = LocalBackups.restore(made, pc, clock).orElseThrow();
        assertTrue(Files.exists(aside.resolve("reliefdesk.mv.db")));
        try (LocalStore store = LocalStore.open(pc)) {
            assertEquals(before, Snapshot.of(store));
        }
    }

    @Test
    void aBackupThatIsNoBackupIsRefusedAndNothingIsTouched() throws Exception {
        Path pc = dir.resolve("pc");
        try (LocalStore store = LocalStore.open(pc)) {
            store.users().addMissing(DemoUsers.all());
        }
        Path bogus = dir.resolve("not-a-backup.zip");
        try (var zip = new ZipOutputStream(Files.newOutputStream(bogus))) {
            zip.putNextEntry(new ZipEntry("hello.txt"));
            zip.write("hi".getBytes());
        }
        IOException e =
                Assertions.assertThrows(IOException.class, () -> LocalBackups.restore(bogus, pc, Clock.systemUTC()));
        assertTrue(e.getMessage().contains("not a ReliefDesk backup"), e.getMessage());
        try (LocalStore store = LocalStore.open(pc)) {
            assertEquals(DemoUsers.all().size(), store.users().list().size(), "the store is as it was");
        }
    }

    private static Set<String> files(Path d) throws Exception {
        try (var s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Everything a PC holds, in a comparable form. */
    private record Snapshot(
            List<Ticket> tickets, Map<String, List<TicketEvent>> events, long pending, Set<String> attachments) {
        static Snapshot of(LocalStore store) throws Exception {
            List<Ticket> tickets = store.tickets().list(new TicketScope(DemoCounty.COUNTY.code(), null, null)).stream()
                    .sorted(Comparator.comparing(Ticket::ticketNo))
                    .toList();
            Map<String, List<TicketEvent>> events = new TreeMap<>();
            for (Ticket t : tickets) {
                events.put(t.ticketNo(), store.tickets().events(t.id()));
            }
            Path att = store.dataDir().resolve("attachments");
            return new Snapshot(
                    tickets, events, store.outbox().pendingCount(), Files.isDirectory(att) ? files(att) : Set.of());
        }
    }
}
