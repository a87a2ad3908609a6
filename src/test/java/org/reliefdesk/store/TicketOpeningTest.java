package org.reliefdesk.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.sample.DemoCounty;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.logic.sample.FormFaker;
import org.reliefdesk.logic.workflow.TicketOpening;
import org.reliefdesk.model.IntakeChannel;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Place;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Staff-opened tickets: checked like every form, numbered per county and day, stored with their events. */
class TicketOpeningTest {

    private static final Catalog CATALOG = CatalogLoader.loadBuiltIn();
    private static final Instant NOW = Instant.parse("2021-11-23T02:00:00Z");

    @TempDir
    Path dir;

    private static TicketOpening.Request request(String id, Map<String, Object> application) {
        Place township = DemoCounty.firstTownship();
        return new TicketOpening.Request(
                "minimum_living_allowance",
                DemoCounty.COUNTY,
                township,
                new Place(township.code() + "201", "大村村委会"),
                "王五",
                id,
                "13812345678",
                IntakeChannel.GOVERNMENT_FOUND,
                "干部常态化排查 张华",
                application);
    }

    @Test
    void aStaffOpenedTicketEntersTheWorkflowWithTheNextNumber() {
        TicketOpening opening = new TicketOpening(CATALOG, Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")));
        Map<String, Object> application =
                FormFaker.happy(CATALOG).fill(CATALOG.applicationFormOf("minimum_living_allowance"), Map.of(), NOW);
        try (LocalStore store = LocalStore.open(dir)) {
            Ticket first = store.tickets()
                    .insertOpened(
                            opening.open(request("11010519491231002X", application), DemoUsers.CIVIL_CLERK),
                            new TicketLineCodec(CATALOG));
            Ticket second = store.tickets()
                    .insertOpened(
                            opening.open(request("11010519491231002X", application), DemoUsers.CIVIL_CLERK),
                            new TicketLineCodec(CATALOG));
            assertEquals("530128202111230001", first.ticketNo());
            assertEquals("530128202111230002", second.ticketNo());
            assertEquals(TicketStatus.NEW, first.status());
            assertEquals("acceptance", first.currentStep());
            assertEquals(2, store.tickets().events(first.id()).size());
            assertEquals(
                    "civil.clerk", store.tickets().events(first.id()).get(0).actor());
        }
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        TicketOpening opening = new TicketOpening(CATALOG, Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")));
        Map<String, Object> application = new HashMap<>(
                FormFaker.happy(CATALOG).fill(CATALOG.applicationFormOf("minimum_living_allowance"), Map.of(), NOW));
        InvalidFieldException id = assertThrows(
                InvalidFieldException.class,
                () -> opening.open(request("110105194912310021", application), DemoUsers.CIVIL_CLERK));
        assertEquals("applicant.idNumber", id.field());
        assertEquals("rule.idNumber.checkDigit", id.rule());
        application.put("authorizationSigned", false);
        assertEquals(
                "authorizationSigned",
                assertThrows(
                                InvalidFieldException.class,
                                () -> opening.open(request("11010519491231002X", application), DemoUsers.CIVIL_CLERK))
                        .field());
        assertEquals(
                "rule.workflow.department",
                assertThrows(
                                InvalidFieldException.class,
                                () -> opening.open(request("11010519491231002X", application), DemoUsers.WATER_CLERK))
                        .rule());
        assertEquals(
                "rule.workflow.role",
                assertThrows(
                                InvalidFieldException.class,
                                () -> opening.open(request("11010519491231002X", application), DemoUsers.LEADER))
                        .rule());
        try (LocalStore store = LocalStore.open(dir)) {
            assertEquals(0, store.tickets().count());
        }
    }
}
