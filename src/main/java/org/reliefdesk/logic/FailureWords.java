package org.reliefdesk.logic;

import java.nio.file.Path;
import java.util.Optional;

import org.reliefdesk.logic.config.DataDirectory;
import org.reliefdesk.logic.i18n.Texts;
import org.slf4j.Logger;

/**
 * A failure said to the person in their language, never in a library's or the system's English.
 * One that carries its own words ({@link Worded}: a store that would not open, a central store out
 * of reach) or a file's trouble ({@link FileTrouble}: no permission, open in another program, a
 * full disk) is said as such; anything else is the program's, said by an error id and where the
 * log is, and the stack trace goes to the log under that id for IT staff to look up. Either way
 * the log line is marked {@link ErrorIds#TOLD}: the person has read it, the console need not repeat it.
 */
public final class FailureWords {

    private FailureWords() {}

    /**
     * What to tell of {@code e}, logged either way ({@code what}: the step that failed, in the
     * log's words). The log file is named for IT staff ({@link DataDirectory#logFile()}).
     */
    public static String of(Texts texts, Logger log, String what, Throwable e) {
        return of(texts, log, what, e, null);
    }

    /**
     * As {@link #of(Texts, Logger, String, Throwable)}, in a message that names {@code named}
     * already ("无法保存 X：…"): a trouble of that very file is said without naming it again, so
     * the reason comes first in a status line too narrow for the path twice.
     */
    public static String of(Texts texts, Logger log, String what, Throwable e, Path named) {
        Optional<Worded> own = worded(e);
        if (own.isPresent()) {
            // foreseen, and said: the log keeps what and why, without a stack trace per wrong password
            log.warn(ErrorIds.TOLD, "{} ({}): {}", what, own.get().messageKey(), Causes.of(e));
        }
        if (own.isPresent() && own.get() instanceof FileTrouble trouble && trouble.isAbout(named)) {
            return texts.msg(trouble.messageKeyHere());
        }
        if (own.isPresent()) {
            String key = own.get().messageKey();
            // a reason from a newer central store, or a bundle behind its code: named, not guessed at
            return texts.bundle().containsKey(key)
                    ? texts.msg(key, own.get().messageArgs())
                    : texts.msg("failure.unknownReason", key);
        }
        String id = ErrorIds.logTold(log, what, e);
        Optional<Path> logFile = DataDirectory.logFile();
        return logFile.isEmpty()
                ? texts.msg("failure.programNoLog", id)
                : texts.msg("failure.program", id, logFile.get());
    }

    /** The words {@code e} carries, outermost first, else a file's trouble under it. */
    public static Optional<Worded> worded(Throwable e) {
        for (Throwable t : Causes.of(e)) {
            if (t instanceof FileTroubleException raised) {
                return Optional.of(raised.trouble());
            }
            if (t instanceof Worded w) {
                return Optional.of(w);
            }
        }
        return FileTrouble.of(e).map(Worded.class::cast);
    }
}
