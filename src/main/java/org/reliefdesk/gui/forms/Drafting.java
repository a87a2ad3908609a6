package org.reliefdesk.gui.forms;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps what an action form holds while it is being filled, so a crash or a power cut loses
 * nothing (as ODK keeps savepoints): the form opens with the draft left last time, is kept as it
 * changes, and its draft is dropped once the store has taken the save, or when its input is discarded.
 */
public interface Drafting {

    /** A form that keeps no draft. */
    Drafting NONE = new Drafting() {
        @Override
        public Optional<Restored> restored() {
            return Optional.empty();
        }

        @Override
        public void keep(Map<String, Object> values, String note) {}

        @Override
        public void sent(Map<String, Object> values, String note) {}

        @Override
        public void drop() {}
    };

    /** The draft this form opens with: its values as the form shows them, its note, when it was kept. */
    record Restored(Map<String, String> values, String note, Instant savedAt, boolean partial) {}

    Optional<Restored> restored();

    /** The form as it is now (kept a moment later, once typing pauses). */
    void keep(Map<String, Object> values, String note);

    /**
     * The form is sent to be saved: kept as it is now, until the store has taken the save (a
     * refused save leaves it to open again).
     */
    void sent(Map<String, Object> values, String note);

    /** The form's input was discarded: no draft is left. */
    void drop();
}
