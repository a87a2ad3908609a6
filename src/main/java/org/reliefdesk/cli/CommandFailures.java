package org.reliefdesk.cli;

import org.reliefdesk.logic.ErrorIds;
import org.reliefdesk.logic.FailureWords;
import org.reliefdesk.logic.catalog.CatalogException;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.store.StoreOpenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * What a command says when it fails outside its own handling, in the language its {@code --lang}
 * asked for. A local store that would not open says why and what to do (a damaged or locked file,
 * a data directory that is not a folder); a broken catalog names its file and entry; a file's
 * trouble (no permission, in use, a full disk) is said as such; anything else is logged with its
 * stack trace under an id, and the person is told the id and where the log is, never a library's
 * English ({@link FailureWords}).
 */
final class CommandFailures implements CommandLine.IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CommandFailures.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        Texts texts = Texts.forLanguage(language(parsed));
        if (e instanceof StoreOpenException refused) {
            LOG.error(ErrorIds.TOLD, "Command failed: the local store was not opened", e);
            commandLine.getErr().println(texts.msg(refused.messageKey(), refused.messageArgs()));
            return 2;
        }
        if (e instanceof CommandRefusal refusal) {
            LOG.error(ErrorIds.TOLD, "Command refused: {}", refusal.key(), e);
            commandLine.getErr().println(texts.msg(refusal.key(), refusal.args()));
            return 2;
        }
        if (e instanceof CatalogException broken) {
            // names the catalog file and the entry, for whoever edits it
            LOG.error(ErrorIds.TOLD, "Command failed: the service catalog is invalid", e);
            commandLine.getErr().println(texts.msg("startup.catalogFailed") + " " + broken.getMessage());
            return 2;
        }
        commandLine.getErr().println(texts.msg("cli.failed", FailureWords.of(texts, LOG, "Command failed", e)));
        return 2;
    }

    /** The {@code --lang} of the command or of any command above it (the option is inherited); zh unless given. */
    static String language(CommandLine.ParseResult parsed) {
        String lang = "zh";
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            lang = p.matchedOptionValue("--lang", lang);
        }
        return lang;
    }
}
