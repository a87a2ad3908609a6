package org.reliefdesk.gui.shell;

import java.nio.file.Path;

import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import org.reliefdesk.logic.FailureWords;
import org.reliefdesk.logic.i18n.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The automatic backup that did not succeed, said to the person rather than only logged: a backup
 * folder gone (a network drive, a USB disk) would otherwise fail quietly every day. Held until a
 * workbench shows when it failed behind the sign-in screen. The FX thread only.
 */
final class MissedBackups {

    private static final Logger LOG = LoggerFactory.getLogger(MissedBackups.class);

    private final Texts texts;
    private final Path folder;
    private String held;

    MissedBackups(Texts texts, Path folder) {
        this.texts = texts;
        this.folder = folder;
    }

    /** Says {@code e} (and logs it) on the workbench {@code showing}, or holds it when none shows. */
    void missed(Throwable e, WorkbenchViewModel showing) {
        held = texts.msg(
                "backup.autoFailed",
                folder,
                FailureWords.of(texts, LOG, "Automatic backup into " + folder + " failed", e, folder));
        if (showing != null) {
            showOn(showing);
        }
    }

    /** Shows what is held, once, on a workbench that has just shown. */
    void showOn(WorkbenchViewModel workbench) {
        if (held != null) {
            workbench.warn(held);
            held = null;
        }
    }
}
