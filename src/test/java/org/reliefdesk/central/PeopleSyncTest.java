package org.reliefdesk.central;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The county's people's names reach its PCs, and nothing else of them, and nothing of another county. */
class PeopleSyncTest {

    @TempDir
    Path dir;

    private SyncWorld world;

    @BeforeEach
    void start() throws Exception {
        world = new SyncWorld(
                dir, "jdbc:h2:file:" + dir.resolve("central").resolve("central").toAbsolutePath(), 60, 20);
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
    }

    @Test
    void aSyncKeepsTheDisplayNamesOfTheCallersCountyOnly() throws Exception {
        try (SyncWorld.Pc a = world.pc("a", SyncWorld.WATER_A)) {
            a.sync();
            Map<String, String> names = a.store.people().names();
            assertEquals("王水利", names.get(SyncWorld.WATER_A2.username()), "a colleague's name");
            assertEquals("赵县长", names.get(SyncWorld.LEADER_A.username()));
            assertFalse(names.containsKey(SyncWorld.WATER_B.username()), "nobody of another county");
            assertFalse(
                    a.store.users().list().stream().anyMatch(u -> u.username().equals(SyncWorld.WATER_A2.username())),
                    "names only: a colleague does not become a user of this PC (nor a sign-in choice)");
        }
    }

    @Test
    void theAnswerHoldsNamesAndNothingElse() throws Exception {
        try (SyncWorld.Pc b = world.pc("b", SyncWorld.WATER_B)) {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(world.url() + "/api/v1/people"))
                                    .header("Authorization", "Bearer " + b.token())
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            JsonNode people = new ObjectMapper().readTree(r.body()).get("people");
            assertEquals(1, people.size(), r.body());
            for (JsonNode p : people) {
                Set<String> keys = new TreeSet<>();
                p.fieldNames().forEachRemaining(keys::add);
                assertEquals(Set.of("displayName", "username"), keys);
            }
            assertTrue(r.body().contains(SyncWorld.WATER_B.username()));
            HttpResponse<String> anonymous = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(world.url() + "/api/v1/people"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(401, anonymous.statusCode());
        }
    }
}
