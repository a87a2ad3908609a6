package org.reliefdesk.logic;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file's trouble said of the file the person chose, where the system named a file of ours: a
 * report or the settings are written to a hidden part file and moved over the chosen one, and a
 * failed move names the part file, which the person never saw.
 */
public final class FileTroubleException extends IOException implements Worded {

    private final transient FileTrouble trouble;

    private FileTroubleException(FileTrouble trouble, IOException cause) {
        super(trouble.kind() + ": " + trouble.file(), cause);
        this.trouble = trouble;
    }

    /** {@code e} as the trouble of {@code chosen}, when it is a file's trouble at all; else {@code e} as it is. */
    public static IOException of(Path chosen, IOException e) {
        return FileTrouble.of(e)
                .<IOException>map(t -> new FileTroubleException(new FileTrouble(t.kind(), chosen.toString()), e))
                .orElse(e);
    }

    public FileTrouble trouble() {
        return trouble;
    }

    @Override
    public String messageKey() {
        return trouble.messageKey();
    }

    @Override
    public Object[] messageArgs() {
        return trouble.messageArgs();
    }
}
