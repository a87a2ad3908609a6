package org.reliefdesk.logic.interchange;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

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
        return checked(codec.read(line, lineNumber, today), lineNumber);
    }

    /**
     * A line whose fields were read inside a larger document (a pull page), with the same rules as
     * {@link #read(String, int, LocalDate)}. Its text is only made when the length rule needs it: a
     * line of no more UTF-8 bytes than the bound allows characters is within the bound (a character
     * takes at least one byte), and a longer one is read as text, exactly as a line.
     *
     * @param utf8Bytes the length of the line's text in the document
     * @param text the line's text, made only when asked
     */
    public TicketHistory read(
            TicketFields fields, long utf8Bytes, Supplier<String> text, int lineNumber, LocalDate today)
            throws LineRejectedException {
        if (utf8Bytes > TicketBounds.MAX_LINE_CHARS) {
            return read(text.get(), lineNumber, today);
        }
        return checked(codec.read(fields, lineNumber, today), lineNumber);
    }

    private TicketHistory checked(TicketHistory h, int lineNumber) throws LineRejectedException {
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
