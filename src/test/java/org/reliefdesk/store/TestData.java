package org.reliefdesk.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.reliefdesk.logic.sample.DemoCounty;
import org.reliefdesk.model.Applicant;
import org.reliefdesk.model.IntakeChannel;
import org.reliefdesk.model.Place;
import org.reliefdesk.model.ResidentIdNumber;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.TicketStatus;

/** Small hand-made tickets for store tests. */
final class TestData {

    static final LocalDate TODAY = LocalDate.of(2021, 11, 23);
    static final Instant SUBMITTED = Instant.parse("2021-11-20T01:30:00Z");

    private TestData() {}

    static String validId(String first17) {
        return first17 + ResidentIdNumber.checkChar(first17);
    }

    static TicketHistory newWaterTicket(String ticketNo) {
        UUID id = UUID.randomUUID();
        Place township = DemoCounty.firstTownship();
        Ticket t = new Ticket(
                id,
                ticketNo,
                "drinking_water",
                DemoCounty.COUNTY,
                township,
                new Place(township.code() + "201", "大村村委会"),
                new Applicant("李四", validId("53012819800101001"), "13812345678"),
                IntakeChannel.SELF_RAISED,
                null,
                SUBMITTED,
                SUBMITTED.plusSeconds(600),
                "acceptance",
                TicketStatus.NEW,
                null,
                null,
                0);
        List<TicketEvent> events = List.of(
                new TicketEvent(
                        UUID.randomUUID(),
                        id,
                        1,
                        "李四",
                        SUBMITTED,
                        "submit",
                        null,
                        "acceptance",
                        null,
                        Map.of("problem", "cut_off", "description", "停水三天"),
                        null),
                new TicketEvent(
                        UUID.randomUUID(),
                        id,
                        2,
                        "platform",
                        SUBMITTED.plusSeconds(600),
                        "dispatch",
                        "acceptance",
                        "acceptance",
                        null,
                        Map.of(),
                        null));
        return new TicketHistory(t, events);
    }

    /** The central store's later version of a new water ticket: accepted by the water clerk, now in {@code step}. */
    static TicketHistory acceptedByCentral(TicketHistory h, String step) {
        Ticket t = h.ticket().withStep(step, TicketStatus.IN_PROGRESS, null, null);
        List<TicketEvent> events = new ArrayList<>(h.events());
        events.add(new TicketEvent(
                UUID.randomUUID(),
                t.id(),
                3,
                "water.clerk",
                SUBMITTED.plusSeconds(3600),
                "accept",
                "acceptance",
                step,
                null,
                Map.of(),
                null));
        return new TicketHistory(t, events);
    }

    /** The same history whose first event carries {@code eventId} (another ticket's: an import refuses it). */
    static TicketHistory withFirstEventId(TicketHistory h, UUID eventId) {
        List<TicketEvent> events = new ArrayList<>(h.events());
        TicketEvent first = events.get(0);
        events.set(
                0,
                new TicketEvent(
                        eventId,
                        first.ticketId(),
                        first.seq(),
                        first.actor(),
                        first.at(),
                        first.action(),
                        first.fromStep(),
                        first.toStep(),
                        first.note(),
                        first.formData(),
                        first.outcome(),
                        first.receivedAt()));
        return new TicketHistory(h.ticket(), events);
    }

    static void insert(LocalStore store, TicketHistory h) {
        store.inTransaction(s -> {
            store.tickets().insertAll(s, List.of(h));
            return null;
        });
    }
}
