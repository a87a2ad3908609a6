package org.reliefdesk.gui.sync;

import java.util.Optional;

import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.sync.Synchronizer;

/** The line the status bar shows for the session when a sync found something about the store itself. */
final class StoreNotice {

    private StoreNotice() {}

    /**
     * What a sync found about the store, at {@code at}: work a restore lost sent again, work held
     * because it was made against another store, or the scope pulled again because the store
     * changed; nothing for a usual sync.
     */
    static Optional<String> of(Synchronizer.Report r, String at, Texts texts) {
        if (r.sentAgain() > 0) {
            return Optional.of(texts.msg("sync.status.sentAgain", at, r.sentAgain()));
        }
        if (r.held() > 0) {
            return Optional.of(texts.msg("sync.status.held", at, r.held()));
        }
        return r.startedOver() ? Optional.of(texts.msg("sync.status.startedOver", at)) : Optional.empty();
    }
}
