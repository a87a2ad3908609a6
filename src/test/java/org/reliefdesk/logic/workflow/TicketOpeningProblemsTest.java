package org.reliefdesk.logic.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.sample.DemoCounty;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.model.IntakeChannel;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Place;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A new ticket's every problem at once, the first of them the one the central store refuses with. */
class TicketOpeningProblemsTest {

    private final TicketOpening opening =
            new TicketOpening(Harness.CATALOG, Clock.fixed(Instant.parse("2026-12-02T04:00:00Z"), Harness.ZONE));

    @Test
    void everyMissingOrWrongFieldIsNamedOnce() {
        TicketOpening.Request r = new TicketOpening.Request(
                "drinking_water",
                DemoCounty.COUNTY,
                null,
                null,
                "王林",
                "530128196503120041", // the check character should be 0
                "",
                IntakeChannel.GOVERNMENT_FOUND,
                "干部排查 张华",
                Map.of("problem", "cut_off"));
        List<InvalidFieldException> found = opening.problems(r, DemoUsers.WATER_CLERK);
        assertEquals(
                List.of("townshipCode", "villageCode", "applicant.idNumber", "applicant.phone", "description"),
                found.stream().map(InvalidFieldException::field).toList());
        InvalidFieldException first =
                assertThrows(InvalidFieldException.class, () -> opening.open(r, DemoUsers.WATER_CLERK));
        assertEquals(found.get(0).field(), first.field(), "open refuses with the first");
    }

    @Test
    void aCompleteRequestHasNoneAndOpens() {
        TicketOpening.Request r = new TicketOpening.Request(
                "drinking_water",
                DemoCounty.COUNTY,
                Harness.TOWNSHIP,
                new Place(Harness.TOWNSHIP.code() + "201", "大村村委会"),
                "王林",
                "530128196503120040",
                "13812345678",
                IntakeChannel.GOVERNMENT_FOUND,
                "干部排查 张华",
                Map.of("problem", "cut_off", "description", "停水三天"));
        assertTrue(opening.problems(r, DemoUsers.WATER_CLERK).isEmpty());
        assertEquals(
                "drinking_water",
                opening.open(r, DemoUsers.WATER_CLERK).ticket().itemCode());
    }
}
