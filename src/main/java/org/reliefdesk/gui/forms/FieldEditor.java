package org.reliefdesk.gui.forms;

import javafx.scene.Node;

/** One field of a form as edited: its control, and the value it holds now. */
interface FieldEditor {
    Node node();

    Object value();

    /** Puts a prefilled value in (as the validator reads it: text, {@code 2026-12-02}, {@code 2026-12-02T09:30}). */
    default void show(String value) {}

    /** Puts back a value the person typed before (a draft): as {@link #show}, but not offered for replacing. */
    default void restore(String value) {
        show(value);
    }
}
