package org.reliefdesk.logic;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

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

    /**
     * {@code e} as the trouble of {@code chosen} when the system named a file of ours beside it or
     * in it (a part file), or none; else {@code e} as it is — a trouble of another file, such as a
     * folder above it that is a file, keeps the name the system gave.
     */
    public static IOException of(Path chosen, IOException e) {
        return FileTrouble.of(e)
                .filter(t -> ours(t.file(), chosen))
                .<IOException>map(t -> new FileTroubleException(new FileTrouble(t.kind(), chosen.toString()), e))
                .orElse(e);
    }

    private static boolean ours(String named, Path chosen) {
        if (named == null) {
            return true;
        }
        try {
            Path file = Path.of(named).toAbsolutePath();
            Path at = chosen.toAbsolutePath();
            return file.equals(at) || at.equals(file.getParent()) || Objects.equals(at.getParent(), file.getParent());
        } catch (InvalidPathException notAPath) {
            return false;
        }
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
