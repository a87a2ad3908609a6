package org.reliefdesk.logic.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogException;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.Ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a form opens with: the catalog names the fields, the person, the ticket and the clock fill them. */
class FormPrefillTest {

    private static final Catalog CATALOG = CatalogLoader.loadBuiltIn();
    /** 2021-11-23 09:41:37 in China: the minute is kept, the seconds are not. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-11-23T01:41:37Z"), ChinaTime.ZONE);

    private static Ticket waterTicket() {
        return new SampleGenerator(CATALOG)
                .generate(3, LocalDate.of(2021, 11, 23), 60).stream()
                        .map(h -> h.ticket())
                        .filter(t -> t.itemCode().equals("drinking_water"))
                        .findFirst()
                        .orElseThrow();
    }

    @Test
    void theTownshipsVerificationOpensWithThePersonTheVillageAndNow() {
        Ticket t = waterTicket();
        assertEquals(
                Map.of(
                        "onSiteAt", "2021-11-23T09:41",
                        "verifier", DemoUsers.TOWNSHIP_STAFF.displayName(),
                        "place", t.village().name()),
                FormPrefill.of(CATALOG.form("water_verify").orElseThrow(), t, DemoUsers.TOWNSHIP_STAFF, CLOCK));
        assertEquals(
                Map.of("solvedOn", "2021-11-23"),
                FormPrefill.of(CATALOG.form("water_solve").orElseThrow(), t, DemoUsers.WATER_CLERK, CLOCK));
        assertEquals(
                Map.of("visitDate", "2021-11-23"),
                FormPrefill.of(CATALOG.form("follow_up").orElseThrow(), t, DemoUsers.WATER_CLERK, CLOCK));
        assertTrue(FormPrefill.of(CATALOG.form("water_accept").orElseThrow(), t, DemoUsers.WATER_CLERK, CLOCK)
                .isEmpty());
    }

    @Test
    void aCatalogAskingForAnUnknownPrefillIsRefusedWithItsPlace() throws IOException {
        String json;
        try (InputStream in = CatalogLoader.class.getResourceAsStream(CatalogLoader.BUILT_IN)) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(json.contains("\"prefill\": \"person\""));
        String broken = json.replaceFirst("\"prefill\": \"person\"", "\"prefill\": \"tomorrow\"");
        CatalogException e = assertThrows(
                CatalogException.class,
                () -> CatalogLoader.load(
                        "catalog.json", new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("prefill") && e.getMessage().contains("tomorrow"), e.getMessage());
    }
}
