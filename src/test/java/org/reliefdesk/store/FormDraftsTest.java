package org.reliefdesk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drafts of action forms on disk: kept whole, read back per person and ticket, never outside their folder. */
class FormDraftsTest {

    private static final UUID TICKET = UUID.fromString("38272cbf-cf62-43d4-98bd-7628c3a551d0");
    private static final Instant AT = Instant.parse("2026-12-02T02:31:00Z");

    @TempDir
    Path dir;

    @Test
    void aDraftIsKeptPerPersonTicketAndActionAndDroppedWhenDone() throws Exception {
        FormDrafts drafts = new FormDrafts(dir);
        drafts.keep(
                "water.clerk",
                TICKET,
                new FormDrafts.Draft(
                        "verify", Map.of("finding", "情况属实，已到场核实", "visitDate", "2026-12-02"), "电话已通知", AT, true));
        drafts.keep("water.clerk", TICKET, new FormDrafts.Draft("accept", Map.of(), "", AT, false));
        Map<String, FormDrafts.Draft> read = drafts.of("water.clerk", TICKET);
        assertEquals(2, read.size());
        FormDrafts.Draft verify = read.get("verify");
        assertEquals("情况属实，已到场核实", verify.values().get("finding"));
        assertEquals("2026-12-02", verify.values().get("visitDate"));
        assertEquals("电话已通知", verify.note());
        assertEquals(AT, verify.savedAt());
        assertTrue(verify.partial());
        assertEquals(Map.of(), drafts.of("township.pingshan", TICKET), "another person's drafts are theirs");
        assertEquals(Map.of(), drafts.of("water.clerk", UUID.randomUUID()));
        drafts.drop("water.clerk", TICKET, "verify");
        assertEquals(Set.of("accept"), drafts.of("water.clerk", TICKET).keySet());
    }

    @Test
    void noNameOrCodeReachesOutsideTheDraftsFolder() throws Exception {
        FormDrafts drafts = new FormDrafts(dir.resolve("data"));
        drafts.keep("../../etc", TICKET, new FormDrafts.Draft("verify", Map.of(), "", AT, false));
        try (Stream<Path> all = Files.walk(dir)) {
            assertTrue(
                    all.filter(Files::isRegularFile)
                            .allMatch(p -> p.startsWith(dir.resolve("data").resolve("drafts"))),
                    "a name is a folder of hex digits under drafts/");
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> drafts.keep("water.clerk", TICKET, new FormDrafts.Draft("../verify", Map.of(), "", AT, false)));
        assertThrows(IllegalArgumentException.class, () -> drafts.drop("water.clerk", TICKET, "verify/../../x"));
    }

    @Test
    void aDamagedDraftIsSkippedAndTheOthersRead() throws Exception {
        FormDrafts drafts = new FormDrafts(dir);
        drafts.keep("water.clerk", TICKET, new FormDrafts.Draft("verify", Map.of("a", "1"), "", AT, false));
        Path folder;
        try (Stream<Path> all = Files.list(dir.resolve("drafts"))) {
            folder = all.findFirst().orElseThrow();
        }
        Files.writeString(folder.resolve(TICKET + ".accept.properties"), "@action=accept\n@savedAt=yesterday\n");
        assertEquals(Set.of("verify"), drafts.of("water.clerk", TICKET).keySet());
    }
}
