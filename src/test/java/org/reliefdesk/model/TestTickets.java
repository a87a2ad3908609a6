package org.reliefdesk.model;

/** Tickets made for tests from other tickets. */
public final class TestTickets {

    private TestTickets() {}

    /** The same ticket with the applicant named {@code name} (a rare character, a search word). */
    public static Ticket namedFor(Ticket t, String name) {
        return new Ticket(
                t.id(),
                t.ticketNo(),
                t.itemCode(),
                t.county(),
                t.township(),
                t.village(),
                new Applicant(name, t.applicant().idNumber(), t.applicant().phone()),
                t.channel(),
                t.raisedBy(),
                t.submittedAt(),
                t.dispatchedAt(),
                t.currentStep(),
                t.status(),
                t.concludedAt(),
                t.outcome(),
                t.version());
    }
}
