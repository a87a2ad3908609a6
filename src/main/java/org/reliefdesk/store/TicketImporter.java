package org.reliefdesk.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;

import org.reliefdesk.logic.interchange.LineRejectedException;
import org.reliefdesk.logic.interchange.TicketIngest;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.User;

/**
 * Imports an interchange file (JSON Lines) into the local store.
 *
 * <p>Policy: each line stands on its own. A valid line is imported; a malformed line is
 * reported with its line number and field and imported not at all; the other lines still
 * go in. A ticket whose id is already stored is skipped (so importing twice adds nothing);
 * a different ticket reusing a stored ticket number or event id is refused. Lines are written in
 * transactions of {@value LocalStore#BATCH_SIZE}; a ticket and its events are never split.
 * Everything here is plain JDBC: an import never waits for Hibernate's mapping.
 */
public final class TicketImporter {

    private final LocalStore store;
    private final TicketIngest ingest;
    private final LocalDate today;

    /**
     * Lines go through the one ingestion path ({@link TicketIngest}: decode, bounds, the history
     * replayed through the workflow engine, an actor this PC knows replayed as that user).
     */
    public TicketImporter(LocalStore store, TicketLineCodec codec, LocalDate today) {
        this.store = store;
        Map<String, Optional<User>> known = new HashMap<>();
        store.users().list().forEach(u -> known.put(u.username(), Optional.of(u)));
        this.ingest = new TicketIngest(codec.catalog(), name -> known.getOrDefault(name, Optional.empty()));
        this.today = today;
    }

    /** Reads all lines of {@code in}; {@code progress} receives the number of lines read so far. */
    public ImportReport importLines(BufferedReader in, IntConsumer progress) throws IOException {
        Set<UUID> knownIds = new HashSet<>();
        Set<String> knownNumbers = new HashSet<>();
        // event ids the store holds and this file's so far: an event id names one event (the
        // central store refuses one another ticket holds); the store keeps no index on it
        // (schema 14), so its ids are read once here, in one pass, rather than looked up per batch
        Set<UUID> knownEvents = new HashSet<>();
        store.readJdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, ticket_no FROM ticket");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    knownIds.add(rs.getObject(1, UUID.class));
                    knownNumbers.add(rs.getString(2));
                }
            }
            if (!knownIds.isEmpty()) { // an event is stored only with its ticket: a first import asks nothing
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM ticket_event");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        knownEvents.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            return null;
        });
        List<TicketHistory> batch = new ArrayList<>();
        List<LineRejectedException> rejected = new ArrayList<>();
        int imported = 0;
        int skipped = 0;
        int lineNumber = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // a BOM from a Windows editor
            }
            if (line.isBlank()) {
                continue;
            }
            TicketHistory h;
            try {
                h = ingest.read(line, lineNumber, today);
            } catch (LineRejectedException e) {
                rejected.add(e);
                continue;
            }
            if (knownIds.contains(h.ticket().id())) {
                skipped++;
                continue;
            }
            if (!knownNumbers.add(h.ticket().ticketNo())) {
                rejected.add(new LineRejectedException(
                        lineNumber,
                        new InvalidFieldException(
                                "ticketNo", "rule.duplicate", h.ticket().ticketNo())));
                continue;
            }
            // the codec refused a line giving one id to two of its events
            Optional<UUID> reused = h.events().stream()
                    .map(TicketEvent::id)
                    .filter(knownEvents::contains)
                    .findFirst();
            if (reused.isPresent()) {
                rejected.add(new LineRejectedException(
                        lineNumber, new InvalidFieldException("events", "rule.duplicate", reused.get())));
                continue;
            }
            h.events().forEach(e -> knownEvents.add(e.id()));
            knownIds.add(h.ticket().id());
            batch.add(h);
            if (batch.size() == LocalStore.BATCH_SIZE) {
                imported += write(batch);
                progress.accept(lineNumber);
            }
        }
        imported += write(batch);
        progress.accept(lineNumber);
        return new ImportReport(imported, skipped, rejected);
    }

    /** Writes a batch in one transaction. */
    private int write(List<TicketHistory> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        store.inJdbcTransaction(c -> {
            List<ReadyTicket> ready = ReadyTicket.all(batch);
            TicketRows.insertTickets(c, ready, null);
            TicketRows.insertEvents(c, ready);
            return null;
        });
        int written = batch.size();
        batch.clear();
        return written;
    }
}
