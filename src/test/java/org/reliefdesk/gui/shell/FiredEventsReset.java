package org.reliefdesk.gui.shell;

import java.lang.reflect.Field;

import org.testfx.api.FxToolkit;
import org.testfx.api.FxToolkitContext;
import org.testfx.service.support.FiredEvents;

/**
 * TestFX keeps every event its robot fired, and with each the node it went to (so that node's
 * window, view model and data): a test that measures what the app keeps forgets them first.
 * TestFX offers the list read-only; its recorder (a private field of the context) clears it.
 */
final class FiredEventsReset {

    private FiredEventsReset() {}

    /** On the FX thread. */
    static void run() {
        try {
            Field recorder = FxToolkitContext.class.getDeclaredField("firedEvents");
            recorder.setAccessible(true);
            ((FiredEvents) recorder.get(FxToolkit.toolkitContext())).clearEvents();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("TestFX's fired-events recorder moved: " + e, e);
        }
    }
}
