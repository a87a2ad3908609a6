package org.reliefdesk.gui.sync;

import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.logic.FailureWords;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.User;
import org.reliefdesk.store.Outbox;
import org.reliefdesk.store.TicketActions;
import org.reliefdesk.sync.Synchronizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A change the central store did not take, settled by the person: done again on the central
 * store's version, or given up for it. Runs on the sync lane; the next sync pushes what was done.
 */
final class ConflictSettling {

    private static final Logger LOG = LoggerFactory.getLogger(ConflictSettling.class);

    private final SyncViewModel sync;
    private final Workspace workspace;
    private final User user;
    private final Texts texts;
    /** Hears which tickets a re-apply or a discard changed on this PC. */
    private final Consumer<Synchronizer.Changed> onChanged;

    private final StringProperty message = new SimpleStringProperty();

    /** What settling said, and the other tickets moved to make way for the central version's number. */
    private record Settled(String shown, Set<UUID> moved) {}

    ConflictSettling(SyncViewModel sync, Workspace workspace, User user, Consumer<Synchronizer.Changed> onChanged) {
        this.sync = sync;
        this.workspace = workspace;
        this.user = user;
        this.texts = workspace.config.texts();
        this.onChanged = onChanged;
    }

    /** The outcome of the last re-apply or discard, for the conflicts view. */
    ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** The central store's version of the ticket kept with an operation, or null when it holds none. */
    TicketHistory centralVersion(Outbox.Entry e) {
        if (e.centralTicket() == null) {
            return null;
        }
        return new TicketLineCodec(workspace.catalog).readTrusted(e.centralTicket());
    }

    /** Takes the central version and does the same action again on it, as a new change to push. */
    void reapply(Outbox.Entry e) {
        sync.submit(
                p -> {
                    try {
                        TicketActions.Reapplied done = workspace
                                .actions()
                                .reapply(
                                        e.opId(),
                                        user,
                                        centralVersion(e),
                                        workspace.config.clock().instant());
                        return new Settled(texts.msg("conflicts.done.reapplied"), done.renumbered());
                    } catch (InvalidFieldException ex) {
                        return new Settled(texts.msg("conflicts.reapplyRefused", texts.describe(ex)), Set.of());
                    } catch (RuntimeException ex) {
                        return new Settled(
                                texts.msg(
                                        "conflicts.reapplyRefused",
                                        FailureWords.of(texts, LOG, "Re-applying " + e.opId() + " failed", ex)),
                                Set.of());
                    }
                },
                settled -> {
                    message.set(settled.shown());
                    onChanged.accept(Synchronizer.Changed.of(e.ticketId(), settled.moved()));
                    sync.refreshCounts();
                    sync.syncNow();
                });
    }

    /**
     * Gives up the user's work on the ticket of {@code e} held for another store: it leaves this PC
     * (unless other work on it waits) and the store this PC follows sends its version back, at the
     * sync started here.
     */
    void discardHeld(Outbox.Entry e) {
        sync.submit(
                p -> workspace
                        .store
                        .outbox()
                        .discardHeld(
                                user.username(),
                                workspace.store.syncFacts().storeLine(user.username()),
                                e.ticketId(),
                                workspace.config.clock().instant()),
                given -> {
                    message.set(texts.msg(
                            given.ticketRemoved() ? "conflicts.done.heldDiscarded" : "conflicts.done.heldDiscardedKept",
                            given.operations()));
                    onChanged.accept(Synchronizer.Changed.of(e.ticketId()));
                    sync.refreshCounts();
                    sync.syncNow();
                });
    }

    /** Keeps the central version; the operation stays in the outbox, marked discarded. */
    void discard(Outbox.Entry e) {
        sync.submit(
                p -> workspace
                        .store
                        .outbox()
                        .discard(
                                e.opId(),
                                centralVersion(e),
                                workspace.config.clock().instant()),
                moved -> {
                    message.set(texts.msg("conflicts.done.discarded"));
                    onChanged.accept(Synchronizer.Changed.of(e.ticketId(), moved));
                    sync.refreshCounts();
                });
    }
}
