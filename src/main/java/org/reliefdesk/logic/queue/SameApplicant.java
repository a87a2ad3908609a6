package org.reliefdesk.logic.queue;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.reliefdesk.model.Ticket;

/**
 * One person, all requests: the tickets of an applicant are those with the same resident ID
 * number (a name is shared by many; the ID number by no one), across items, within what the
 * caller may see. The rule is applied to the tickets given, so scope stays the caller's.
 */
public final class SameApplicant {

    private static final Comparator<Ticket> NEWEST_FIRST =
            Comparator.comparing(Ticket::submittedAt).reversed();

    private SameApplicant() {}

    /** The other tickets of {@code ticket}'s applicant in {@code scope}, newest first. */
    public static List<Ticket> others(List<Ticket> scope, Ticket ticket) {
        String id = normal(ticket.applicant().idNumber());
        if (id.isEmpty()) {
            return List.of();
        }
        return scope.stream()
                .filter(t -> !t.id().equals(ticket.id())
                        && id.equals(normal(t.applicant().idNumber())))
                .sorted(NEWEST_FIRST)
                .toList();
    }

    /**
     * The newest ticket still open in {@code scope} for this ID number and item: a second request
     * for the same thing while one is being handled is most often the same need raised again.
     */
    public static Optional<Ticket> openFor(List<Ticket> scope, String idNumber, String itemCode) {
        String id = normal(idNumber);
        if (id.isEmpty() || itemCode == null) {
            return Optional.empty();
        }
        return scope.stream()
                .filter(t -> t.status().isOpen()
                        && t.itemCode().equals(itemCode)
                        && id.equals(normal(t.applicant().idNumber())))
                .min(NEWEST_FIRST);
    }

    /** As typed or stored: spaces around it ignored, the check character x the same as X. */
    private static String normal(String idNumber) {
        return idNumber == null ? "" : idNumber.strip().toUpperCase(Locale.ROOT);
    }
}
