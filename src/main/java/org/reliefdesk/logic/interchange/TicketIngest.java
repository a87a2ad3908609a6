package org.reliefdesk.logic.interchange;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.workflow.HistoryReplay;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.User;

/**
 * The one way a ticket line enters a store, on the central store and on the PC: decoded
 * ({@link TicketLineCodec}: format, codes, places within each other, known items, steps and
 * actions), held to the bounds every store can keep ({@link TicketBounds}), and its history
 * replayed through the workflow engine ({@link HistoryReplay}). Used by {@code import},
 * {@code central import}, the citizen-channel intake, a staff-opened ticket's push and, as
 * defence in depth, the PC's pull.
 */
public final class TicketIngest {

    private final TicketLineCodec codec;
    private final HistoryReplay replay;

    /** @param users the store's own users by name: an actor it knows is replayed as that person */
    public TicketIngest(Catalog catalog, Function<String, Optional<User>> users) {
        this.codec = new TicketLineCodec(catalog);
        this.replay = new HistoryReplay(catalog, users);
    }

    public TicketLineCodec codec() {
        return codec;
    }

    /**
     * @param today bounds plausible birth dates in ID numbers
     * @throws LineRejectedException naming the line, the field and the rule
     */
    public TicketHistory read(String line, int lineNumber, LocalDate today) throws LineRejectedException {
        if (line.length() > TicketBounds.MAX_LINE_CHARS) {
            throw new LineRejectedException(
                    lineNumber,
                    new InvalidFieldException(
                            "line", "rule.bounds.length", TicketBounds.MAX_LINE_CHARS, line.length()));
        }
        TicketHistory h = codec.read(line, lineNumber, today);
        try {
            check(h);
        } catch (InvalidFieldException e) {
            throw new LineRejectedException(lineNumber, e);
        }
        return h;
    }

    /** The bounds and the replay of a ticket already decoded. */
    public void check(TicketHistory h) {
        TicketBounds.check(h);
        replay.check(h);
    }
}
