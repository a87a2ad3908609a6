package org.reliefdesk.gui.sync;

import java.util.Optional;

import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.sync.Synchronizer;

/** The line the status bar shows for the session when a sync found something about the store itself. */
final class StoreNotice {

    /** Whether the line shown says work is held: it goes when a sync finds none held (given up, or pushed at its store). */
    private boolean heldShown;

    /**
     * What a sync found about the store, at {@code at}: work a restore lost sent again, pulled
     * tickets this PC could not store, tickets only the store the PC left had taken off it (those
     * two said once, so before the held work every sync says again), work held because it was made against another store, or the scope pulled again
     * because the store changed; nothing for a usual sync.
     */
    static Optional<String> of(Synchronizer.Report r, String at, Texts texts) {
        if (r.sentAgain() > 0) {
            return Optional.of(texts.msg("sync.status.sentAgain", at, r.sentAgain()));
        }
        if (r.setAside() > 0) {
            return Optional.of(texts.msg("sync.status.setAside", at, r.setAside()));
        }
        if (r.leftBehind() > 0) {
            return Optional.of(texts.msg("sync.status.leftBehind", at, r.leftBehind()));
        }
        if (r.held() > 0) {
            return Optional.of(texts.msg("sync.status.held", at, r.held()));
        }
        return r.startedOver() ? Optional.of(texts.msg("sync.status.startedOver", at)) : Optional.empty();
    }

    /**
     * The line to show after a sync, {@code shown} before it: what this sync found, else the line
     * shown, which stays for the session unless it said work was held and none is now.
     */
    String after(String shown, Synchronizer.Report r, String at, Texts texts) {
        Optional<String> found = of(r, at, texts);
        String next = found.orElse(heldShown ? "" : shown);
        heldShown = found.isPresent() && r.sentAgain() == 0 && r.setAside() == 0 && r.leftBehind() == 0 && r.held() > 0;
        return next;
    }
}
