package org.reliefdesk.gui.session;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Save dialogs open in the user's documents folder, never where the program happened to start. */
class SaveFolderTest {

    @TempDir
    Path dir;

    private final String home = System.getProperty("user.home");

    @AfterEach
    void restore() {
        System.setProperty("user.home", home);
    }

    @Test
    void theDocumentsFolderThenHome() throws Exception {
        System.setProperty("user.home", dir.toString());
        assertEquals(dir.toFile(), AppConfig.SaveFolder.documents(), "no documents folder: home");
        Files.createDirectories(dir.resolve("Documents"));
        assertEquals(new File(dir.toFile(), "Documents"), AppConfig.SaveFolder.documents());
        Files.createDirectories(dir.resolve("文档"));
        assertEquals(new File(dir.toFile(), "文档"), AppConfig.SaveFolder.documents(), "a Chinese desktop's own first");
    }
}
