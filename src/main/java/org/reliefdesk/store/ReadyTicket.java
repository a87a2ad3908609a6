package org.reliefdesk.store;

import java.util.List;

import org.reliefdesk.model.TicketHistory;

/**
 * A ticket's history with the texts its rows hold, made before it is written: its step movements
 * ({@link StepMoves}) and its forms as JSON ({@link TicketForms}). A pull makes them on the thread
 * that reads pages ahead, so the thread that writes (the pull's bottleneck) only binds values;
 * the forms' JSON was a fifth of its work.
 */
public record ReadyTicket(TicketHistory history, String moves, String forms) {

    public static ReadyTicket of(TicketHistory h) {
        return new ReadyTicket(h, StepMoves.of(h.events()), h.events().isEmpty() ? null : TicketForms.of(h.events()));
    }

    /**
     * With each event's form kept as the JSON text it was read from (a pulled ticket's, as the
     * central store sent it) instead of written again from its values.
     *
     * @param formTexts one JSON object's text per event, in order, whose values are the event's form
     */
    public static ReadyTicket of(TicketHistory h, List<String> formTexts) {
        if (formTexts.size() != h.events().size()) {
            throw new IllegalArgumentException(formTexts.size() + " form texts for "
                    + h.events().size() + " events of " + h.ticket().ticketNo());
        }
        return new ReadyTicket(
                h, StepMoves.of(h.events()), h.events().isEmpty() ? null : TicketForms.ofTexts(h.events(), formTexts));
    }

    public static List<ReadyTicket> all(List<TicketHistory> histories) {
        return histories.stream().map(ReadyTicket::of).toList();
    }
}
