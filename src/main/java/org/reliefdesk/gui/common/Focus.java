package org.reliefdesk.gui.common;

import java.util.function.BooleanSupplier;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/** Focus that must wait until a new page is laid out (a request made while it is built is lost). */
public final class Focus {

    private Focus() {}

    /**
     * A shortcut of {@code page}'s scene for as long as the page is shown in it: taken off again
     * when the page leaves (the sign-in list after 切换用户 shares the window's scene, and F5 there
     * must not reload the last user's queue, nor keep their county on the heap).
     */
    public static void shortcut(Node page, KeyCombination keys, Runnable action) {
        page.sceneProperty().addListener((o, was, now) -> {
            if (was != null && was.getAccelerators().get(keys) == action) {
                was.getAccelerators().remove(keys);
            }
            if (now != null) {
                now.getAccelerators().put(keys, action);
            }
        });
    }

    /**
     * Selects the whole text each time the field is entered while {@code untouched} holds (a
     * prefilled value): typing then replaces it, as in any form that suggests a value.
     */
    public static void selectAllWhile(TextInputControl field, BooleanSupplier untouched) {
        field.focusedProperty().addListener((o, was, now) -> {
            if (now && untouched.getAsBoolean()) {
                Platform.runLater(field::selectAll);
            }
        });
    }

    public static void later(Node node) {
        Platform.runLater(node::requestFocus);
    }

    /**
     * Tab (and Shift+Tab) in a text area moves to the next (previous) field, as in every other
     * field of a form, instead of typing a tab into the text; Ctrl+Tab does the same already.
     */
    public static TextArea tabLeaves(TextArea area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                area.fireEvent(
                        new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, e.isShiftDown(), true, false, false));
            }
        });
        return area;
    }
}
