package org.reliefdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Screens stay small enough to read: no file of the GUI over 350 lines (split it by what it holds). */
class GuiFileSizeTest {

    private static final int LONGEST = 350;

    @Test
    void noGuiFileIsOver350Lines() throws IOException {
        Path gui = Path.of("src", "main", "java", "org", "reliefdesk", "gui");
        List<String> tooLong;
        long files;
        try (Stream<Path> all = Files.walk(gui)) {
            List<Path> sources = all.filter(p -> p.toString().endsWith(".java")).toList();
            files = sources.size();
            tooLong = sources.stream()
                    .filter(p -> lines(p) > LONGEST)
                    .map(p -> gui.relativize(p) + ": " + lines(p) + " lines")
                    .toList();
        }
        assertTrue(files > 50, "the GUI's sources were found: " + files);
        assertEquals(List.of(), tooLong);
    }

    private static long lines(Path p) {
        try (Stream<String> lines = Files.lines(p)) {
            return lines.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
