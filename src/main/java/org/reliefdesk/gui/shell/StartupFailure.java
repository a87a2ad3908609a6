package org.reliefdesk.gui.shell;

import java.nio.file.Path;

import org.reliefdesk.logic.ErrorIds;
import org.reliefdesk.logic.catalog.CatalogException;
import org.reliefdesk.logic.config.DataDirectory;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.store.StoreOpenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the start-up dialog says when the workbench cannot go on, and the log line behind it. A
 * store that would not open says why and what to do; a broken catalog names its file and entry,
 * for whoever edits it; anything else is the program's, told by its error id and the log file,
 * never in a library's English.
 */
final class StartupFailure {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApp.class);

    private StartupFailure() {}

    /** The first line when the local store was not opened: why, if the store said; else which data directory. */
    static String storeNotOpened(Texts texts, Path dataDir, Throwable error) {
        return error instanceof StoreOpenException refused
                ? texts.msg(refused.messageKey(), refused.messageArgs())
                : texts.msg("startup.failed", dataDir);
    }

    /** The dialog's whole text for {@code message} and the failure under it, logged once. */
    static String text(Texts texts, Path dataDir, String message, Throwable error) {
        if (error instanceof StoreOpenException) {
            LOG.error(message, error);
            return message;
        }
        if (error instanceof CatalogException) {
            LOG.error(message, error);
            return message + "\n\n" + error.getMessage();
        }
        String id = ErrorIds.log(LOG, message, error);
        return message + "\n\n" + texts.msg("startup.errorId", id, DataDirectory.logFile(dataDir));
    }
}
