package org.reliefdesk.gui.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who signed in last on this PC ({@code <data dir>/prefs/last-user}): the sign-in list starts on
 * them and their scope is read ahead while they type their password. Only a username, never a
 * password or a token.
 */
public final class LastUser {

    private static final Logger LOG = LoggerFactory.getLogger(LastUser.class);

    private LastUser() {}

    static Path file(Path dataDir) {
        return dataDir.resolve("prefs").resolve("last-user");
    }

    public static Optional<String> read(Path dataDir) {
        Path f = file(dataDir);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            String name = Files.readString(f, StandardCharsets.UTF_8).strip();
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        } catch (IOException e) {
            LOG.warn("Last user's name {} unreadable; starting on the first name", f, e);
            return Optional.empty();
        }
    }

    /** Whether the name was written (a failure is logged: the next start begins on the leader). */
    public static boolean remember(Path dataDir, String username) {
        Path f = file(dataDir);
        try {
            Files.createDirectories(f.getParent());
            Files.writeString(f, username, StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            LOG.warn("Could not remember the last user in {}", f, e);
            return false;
        }
    }
}
