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
        if (query == null || query.isBlank()) {
            return true;
        }
        String q = query.strip().toUpperCase(Locale.ROOT);
        return t.ticketNo().contains(q)
                || t.applicant().name().contains(q)
                || t.applicant().idNumber().endsWith(q)
                || t.township().name().contains(q);
    }
}
