package org.reliefdesk.gui.forms;

import org.reliefdesk.gui.session.AppConfig;

/** How a form's attachment fields pick and open files: the system's chooser and viewer unless the app was given others. */
final class FileAccess {

    private AppConfig.FilePicker picker = AppConfig.SYSTEM_PICKER;
    private AppConfig.FileOpener opener = AppConfig.SYSTEM_OPENER;

    void use(AppConfig config) {
        picker = config.filePicker();
        opener = config.fileOpener();
    }

    AppConfig.FilePicker picker() {
        return picker;
    }

    AppConfig.FileOpener opener() {
        return opener;
    }
}
