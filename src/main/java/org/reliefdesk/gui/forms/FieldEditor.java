package org.reliefdesk.gui.forms;

import javafx.scene.Node;

/** One field of a form as edited: its control, and the value it holds now. */
interface FieldEditor {
    Node node();

    Object value();
}
