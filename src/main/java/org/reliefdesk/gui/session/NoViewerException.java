package org.reliefdesk.gui.session;

import java.io.IOException;
import java.nio.file.Path;

import org.reliefdesk.logic.Worded;

/**
 * The desktop's opener could not be started (no {@code xdg-open} on a bare Linux desktop): the
 * file is fine and stays where it is, so the person is told where, to open it another way.
 */
public final class NoViewerException extends IOException implements Worded {

    private final transient Path file;

    public NoViewerException(Path file, IOException cause) {
        super("No program to open " + file, cause);
        this.file = file;
    }

    @Override
    public String messageKey() {
        return "attachment.noViewer";
    }

    @Override
    public Object[] messageArgs() {
        return new Object[] {file.getParent()};
    }
}
