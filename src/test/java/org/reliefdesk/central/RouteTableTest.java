package org.reliefdesk.central;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.catalog.CatalogLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The central store's route table: one line per endpoint, who may call it, and paths matched exactly. */
class RouteTableTest {

    @TempDir
    Path dir;

    @Test
    void onlySigningInAndItsSaltAreOpenAndUsersAreTheAdministratorsOnly() {
        try (CentralStore store = CentralStore.open(
                "jdbc:h2:file:" + dir.resolve("c").toAbsolutePath(), CatalogLoader.loadBuiltIn(), Clock.systemUTC())) {
            CentralApi api = new CentralApi(store);
            Set<String> open = api.routes().stream()
                    .filter(r -> !r.access().signedIn())
                    .map(r -> r.method() + " " + r.path())
                    .collect(Collectors.toSet());
            assertEquals(Set.of("POST /sign-in", "POST /sign-in/salt"), open);
            assertTrue(api.routes().stream()
                    .filter(r -> r.path().startsWith("/users"))
                    .allMatch(r -> r.access() == Access.ADMINISTRATOR));
            assertTrue(api.routes().stream()
                    .filter(r -> r.method().equals("PUT") && r.path().startsWith("/attachments"))
                    .allMatch(r -> r.access() == Access.STAFF));
            assertEquals(
                    api.routes().size(),
                    api.routes().stream()
                            .map(r -> r.method() + " " + r.path())
                            .distinct()
                            .count(),
                    "no route twice");
        }
    }

    @Test
    void aPathMatchesSegmentBySegment() {
        Route disable = new Route("POST", "/users/{username}/disable", Access.ADMINISTRATOR, x -> {});
        assertEquals(Optional.of(Map.of("username", "water.clerk")), disable.match("/users/water.clerk/disable"));
        assertEquals(Optional.empty(), disable.match("/users//disable"));
        assertEquals(Optional.empty(), disable.match("/users/a/b/disable"));
        assertEquals(Optional.empty(), disable.match("/users/water.clerk"));
    }
}
