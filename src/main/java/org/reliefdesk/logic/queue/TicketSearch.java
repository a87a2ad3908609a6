package org.reliefdesk.logic.queue;

import java.util.Locale;

import org.reliefdesk.model.Ticket;

/**
 * The workbench search box: matches the ticket number, the applicant's name, the end of
 * the ID number (clerks ask for "the last four digits"), or the township name.
 */
public final class TicketSearch {

    private TicketSearch() {
    }

    public static boolean matches(Ticket t, String query) {
        return matcher(query).test(t);
    }

    /**
     * The test for one query, prepared once: a keystroke in a county of 100,000 tickets runs it
     * 100,000 times. A blank query matches everything.
     */
    public static java.util.function.Predicate<Ticket> matcher(String query) {
        if (query == null || query.isBlank()) {
            return t -> true;
        }
        String q = query.strip().toUpperCase(Locale.ROOT);
        return t -> t.ticketNo().contains(q)
                || t.applicant().name().contains(q)
                || t.applicant().idNumber().endsWith(q)
                || t.township().name().contains(q);
    }
}
