package org.reliefdesk.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.interchange.LineRejectedException;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.sample.DemoUsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated invalid histories through the importer (the one ingestion path every store uses):
 * each kind of break is made in every sample ticket it fits, and every such line is refused
 * with its rule named, while the untouched sample all goes in. The sample is the shipped
 * county (2,400 tickets, every item).
 */
class InvalidHistoriesTest {

    private static final Catalog CATALOG = CatalogLoader.loadBuiltIn();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static List<String> sample;

    /** The catalog's own words for an action tried out of its step (the dropout's four steps in order). */
    private static final Set<String> STEP_RULES = CATALOG.items().stream()
            .flatMap(i -> CATALOG.workflowOf(i.code()).actions().stream())
            .map(a -> a.stepRule())
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());

    @TempDir
    Path dir;

    @BeforeAll
    static void read() throws IOException {
        sample = Files.readAllLines(Path.of("sample-data/luquan-2021-11-23.jsonl"));
    }

    @Test
    void theSampleItselfGoesInWhole() throws Exception {
        ImportReport r = importAll(sample);
        assertEquals(
                List.of(),
                r.rejected().stream().map(Throwable::getMessage).limit(5).toList());
        assertEquals(sample.size(), r.imported());
    }

    @Test
    void anEventDatedBeforeTheSubmissionIsRefused() throws Exception {
        refusedEverywhere(
                t -> staffEvent(t).map(e -> {
                    e.put("at", shift(t.get("submittedAt").asText(), -1));
                    return t;
                }),
                "rule.notBefore");
    }

    @Test
    void aTownshipWorkersStepDoneByAClerkIsRefused() throws Exception {
        refusedEverywhere(
                t -> firstEvent(t, "verify").map(e -> {
                    e.put("actor", DemoUsers.WATER_CLERK.username());
                    return t;
                }),
                "rule.workflow.role",
                "rule.workflow.department");
    }

    @Test
    void aFourthJobRoundIsRefused() throws Exception {
        // tickets with two rounds of job recommendations get two more, copied after the first
        refusedEverywhere(
                t -> {
                    ArrayNode events = (ArrayNode) t.get("events");
                    List<Integer> rounds = new ArrayList<>();
                    for (int i = 0; i < events.size(); i++) {
                        if ("recommend_jobs".equals(events.get(i).get("action").asText())) {
                            rounds.add(i);
                        }
                    }
                    if (rounds.size() != 2) {
                        return Optional.empty();
                    }
                    int from = rounds.get(0);
                    int to = rounds.get(1); // the first round and its follow-up: [from, to)
                    List<JsonNode> copies = new ArrayList<>();
                    for (int k = 0; k < 2; k++) {
                        for (int i = from; i < to; i++) {
                            ObjectNode copy = events.get(i).deepCopy();
                            copy.put("id", UUID.randomUUID().toString());
                            copy.put("at", events.get(to - 1).get("at").asText());
                            copies.add(copy);
                        }
                    }
                    for (int i = copies.size() - 1; i >= 0; i--) {
                        events.insert(to, copies.get(i));
                    }
                    renumber(events);
                    return Optional.of(t);
                },
                "rule.job.rounds",
                "rule.workflow.maxTimes");
    }

    @Test
    void aReopeningAfterASatisfiedFollowUpIsRefused() throws Exception {
        refusedEverywhere(
                t -> {
                    ArrayNode events = (ArrayNode) t.get("events");
                    JsonNode last = events.get(events.size() - 1);
                    if (!"drinking_water".equals(t.get("item").asText())
                            || !"follow_up".equals(last.get("action").asText())
                            || !"satisfied"
                                    .equals(last.path("form")
                                            .path("satisfaction")
                                            .asText())) {
                        return Optional.empty();
                    }
                    ObjectNode reopen = events.addObject();
                    reopen.put("id", UUID.randomUUID().toString());
                    reopen.put("seq", events.size());
                    reopen.put("at", shift(last.get("at").asText(), 1)); // after the visit
                    reopen.put("actor", DemoUsers.WATER_CLERK.username());
                    reopen.put("action", "reopen");
                    reopen.put("fromStep", "concluded");
                    reopen.put("toStep", "solving");
                    reopen.putObject("form").put("reason", "群众再次反映仍未解决");
                    t.put("status", "IN_PROGRESS");
                    t.put("currentStep", "solving");
                    t.putNull("concludedAt");
                    t.putNull("outcome");
                    return Optional.of(t);
                },
                "rule.workflow.reopenDissatisfied");
    }

    @Test
    void aStatusOrStepThatContradictsTheHistoryIsRefused() throws Exception {
        refusedEverywhere(
                t -> {
                    if (!"CONCLUDED".equals(t.get("status").asText())) {
                        return Optional.empty();
                    }
                    t.put("status", "IN_PROGRESS");
                    t.putNull("concludedAt");
                    return Optional.of(t);
                },
                "rule.history.contradicts");
        refusedEverywhere(
                t -> {
                    if (!"NEW".equals(t.get("status").asText())
                            || t.get("events").size() < 2) {
                        return Optional.empty();
                    }
                    t.put("currentStep", "feedback");
                    return Optional.of(t);
                },
                "rule.history.contradicts");
    }

    @Test
    void aStepSkippedIsRefused() throws Exception {
        // the department's acceptance taken out: what follows is not an action of the step the ticket is in
        refusedEverywhere(
                t -> staffEvent(t)
                        .filter(e -> "accept".equals(e.get("action").asText()))
                        .map(e -> {
                            ArrayNode events = (ArrayNode) t.get("events");
                            if (events.size() < 4) {
                                return null;
                            }
                            events.remove(2);
                            renumber(events);
                            return t;
                        }),
                rule -> rule.equals("rule.workflow.notInStep")
                        || rule.equals("rule.history.step")
                        || STEP_RULES.contains(rule));
    }

    // ---- the machinery ----

    /**
     * Breaks every sample ticket the change fits (it answers empty or null for the others), imports
     * all of them at once, and checks that each is refused with one of the rules.
     */
    private void refusedEverywhere(Function<ObjectNode, Optional<ObjectNode>> change, String... rules)
            throws Exception {
        refusedEverywhere(change, rule -> List.of(rules).contains(rule));
    }

    private void refusedEverywhere(Function<ObjectNode, Optional<ObjectNode>> change, Predicate<String> expected)
            throws Exception {
        List<String> broken = new ArrayList<>();
        for (String line : sample) {
            ObjectNode t = (ObjectNode) JSON.readTree(line);
            Optional<ObjectNode> b = change.apply(t);
            if (b != null && b.isPresent()) {
                broken.add(JSON.writeValueAsString(b.get()));
            }
        }
        assertTrue(broken.size() >= 3, "the sample has tickets this break fits: " + broken.size());
        ImportReport r = importAll(broken);
        assertEquals(0, r.imported(), "none of " + broken.size() + " broken tickets goes in");
        assertEquals(broken.size(), r.rejected().size());
        for (LineRejectedException e : r.rejected()) {
            assertTrue(expected.test(e.problem().rule()), e.getMessage());
            assertTrue(e.problem().field() != null && !e.problem().field().isBlank(), e.getMessage());
        }
    }

    private ImportReport importAll(List<String> lines) throws Exception {
        Path data = Files.createTempDirectory(dir, "pc");
        try (LocalStore store = LocalStore.open(data)) {
            store.users().addMissing(DemoUsers.all());
            return new TicketImporter(store, new TicketLineCodec(CATALOG), LocalDate.of(2021, 11, 23))
                    .importLines(new BufferedReader(new StringReader(String.join("\n", lines))), n -> {});
        }
    }

    /** The first event a staff member made (after submission and dispatch), if any. */
    private static Optional<ObjectNode> staffEvent(ObjectNode t) {
        JsonNode events = t.get("events");
        return events.size() > 2 ? Optional.of((ObjectNode) events.get(2)) : Optional.empty();
    }

    private static Optional<ObjectNode> firstEvent(ObjectNode t, String action) {
        for (JsonNode e : t.get("events")) {
            if (action.equals(e.get("action").asText())) {
                return Optional.of((ObjectNode) e);
            }
        }
        return Optional.empty();
    }

    private static void renumber(ArrayNode events) {
        for (int i = 0; i < events.size(); i++) {
            ((ObjectNode) events.get(i)).put("seq", i + 1);
        }
    }

    private static String shift(String time, int days) {
        return OffsetDateTime.parse(time).plusDays(days).toString();
    }
}
