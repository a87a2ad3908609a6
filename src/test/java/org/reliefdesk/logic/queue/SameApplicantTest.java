package org.reliefdesk.logic.queue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.model.Applicant;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.TicketStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SameApplicantTest {

    private static final List<Ticket> SAMPLE = new SampleGenerator(CatalogLoader.loadBuiltIn())
                    .generate(
                            7,
                            LocalDate.of(2026, 11, 20)
                                    .atTime(LocalTime.NOON)
                                    .atZone(ZoneId.of("Asia/Shanghai"))
                                    .toInstant(),
                            200)
                    .stream()
                    .map(TicketHistory::ticket)
                    .toList();

    private static final String ID = "53012819800101002X";

    /** Ticket {@code i} of the sample made a request of {@code idNumber}, {@code days} later. */
    private static Ticket of(int i, String idNumber, String item, TicketStatus status, int days) {
        Ticket t = SAMPLE.get(i);
        return new Ticket(
                t.id(),
                t.ticketNo(),
                item,
                t.county(),
                t.township(),
                t.village(),
                new Applicant(t.applicant().name(), idNumber, t.applicant().phone()),
                t.channel(),
                t.raisedBy(),
                SAMPLE.get(0).submittedAt().plus(Duration.ofDays(days)),
                t.dispatchedAt(),
                t.currentStep(),
                status,
                t.concludedAt(),
                t.outcome(),
                t.version());
    }

    @Test
    void othersAreTheSameIdNumberAcrossItemsNewestFirstWithoutTheTicketItself() {
        Ticket water = of(1, ID, "drinking_water", TicketStatus.IN_PROGRESS, 3);
        Ticket school = of(2, ID.toLowerCase(), "school_aid", TicketStatus.CONCLUDED, 1);
        Ticket housing = of(3, " " + ID + " ", "housing_repair", TicketStatus.NEW, 5);
        Ticket sameNameOtherPerson = of(4, "530128198001010011", "drinking_water", TicketStatus.NEW, 4);
        List<Ticket> scope = new ArrayList<>(List.of(water, school, sameNameOtherPerson, housing));
        scope.addAll(SAMPLE.subList(10, 60));

        assertEquals(List.of(housing, school), SameApplicant.others(scope, water));
        assertEquals(List.of(housing, water), SameApplicant.others(scope, school));
        assertEquals(List.of(), SameApplicant.others(scope, sameNameOtherPerson));
        assertEquals(List.of(), SameApplicant.others(List.of(water), water));
    }

    @Test
    void anOpenTicketForTheSameIdNumberAndItemIsFoundTheNewestFirst() {
        Ticket concluded = of(1, ID, "drinking_water", TicketStatus.CONCLUDED, 9);
        Ticket older = of(2, ID, "drinking_water", TicketStatus.NEW, 1);
        Ticket newer = of(3, ID, "drinking_water", TicketStatus.IN_PROGRESS, 2);
        Ticket otherItem = of(4, ID, "school_aid", TicketStatus.NEW, 8);
        List<Ticket> scope = List.of(concluded, older, newer, otherItem);

        assertEquals(Optional.of(newer), SameApplicant.openFor(scope, ID.toLowerCase(), "drinking_water"));
        assertEquals(Optional.of(otherItem), SameApplicant.openFor(scope, " " + ID, "school_aid"));
        assertEquals(Optional.empty(), SameApplicant.openFor(scope, ID, "housing_repair"));
        assertEquals(Optional.empty(), SameApplicant.openFor(scope, "", "drinking_water"));
        assertEquals(Optional.empty(), SameApplicant.openFor(scope, ID, null));
        assertEquals(
                Optional.empty(),
                SameApplicant.openFor(List.of(concluded), ID, "drinking_water"),
                "a concluded request is not open");
    }
}
