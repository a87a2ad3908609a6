package org.reliefdesk.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The fresh data folder a {@code --smoke-test} starts on (a database with the county, its logs):
 * some 30 MB under the system's temporary folder. Removed once the test has passed; kept when it
 * failed, for its logs. Each run left one before (1 GB after 36 runs on the build machine).
 */
final class SmokeTestFolder {

    private SmokeTestFolder() {}

    static Path create() {
        try {
            return Files.createTempDirectory("reliefdesk-smoke-");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary folder for the smoke test", e);
        }
    }

    /** Removes {@code folder} and everything in it; what cannot be removed (a file still open on Windows) is left. */
    static void remove(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> inside;
        try (var walk = Files.walk(folder)) {
            inside = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            return; // a temporary folder: the system clears it in time
        }
        for (Path p : inside) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // left for the system's own clearing of its temporary folder
            }
        }
    }
}
