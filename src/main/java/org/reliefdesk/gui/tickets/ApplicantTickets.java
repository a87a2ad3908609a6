package org.reliefdesk.gui.tickets;

import java.util.List;
import java.util.Optional;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.reliefdesk.logic.queue.SameApplicant;
import org.reliefdesk.model.Ticket;

/**
 * One person, all requests: the open ticket's applicant's other tickets in the snapshot shown
 * (the user's scope), kept current as the open ticket or the snapshot changes.
 */
public final class ApplicantTickets {

    private final ReadOnlyObjectProperty<ScopeSnapshot> snapshot;
    private final ObservableList<Ticket> others = FXCollections.observableArrayList();

    ApplicantTickets(ReadOnlyObjectProperty<ScopeSnapshot> snapshot, ReadOnlyObjectProperty<Ticket> open) {
        this.snapshot = snapshot;
        InvalidationListener update = o -> {
            Ticket t = open.get();
            List<Ticket> found =
                    t == null ? List.of() : SameApplicant.others(snapshot.get().tickets(), t);
            if (!found.equals(others)) {
                others.setAll(found);
            }
        };
        snapshot.addListener(update);
        open.addListener(update);
    }

    /** The open ticket's applicant's other tickets, newest first (empty when none is open). */
    public ObservableList<Ticket> others() {
        return others;
    }

    /** A ticket still open in this scope for the same ID number and item (offered before opening another). */
    public Optional<Ticket> openFor(String idNumber, String itemCode) {
        return SameApplicant.openFor(snapshot.get().tickets(), idNumber, itemCode);
    }
}
