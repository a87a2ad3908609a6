package org.reliefdesk.gui.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.geometry.Rectangle2D;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A user's window place: written and read back, and used only where a screen shows it. */
class WindowPlaceTest {

    private static final List<Rectangle2D> OFFICE_PC = List.of(new Rectangle2D(0, 0, 1024, 728));
    private static final List<Rectangle2D> TWO_SCREENS =
            List.of(new Rectangle2D(0, 0, 1440, 860), new Rectangle2D(1440, 0, 1920, 1040));

    @TempDir
    Path dir;

    @Test
    void aPlaceIsWrittenAndReadBack() {
        Path file = dir.resolve("prefs").resolve("water.clerk.window.properties");
        new WindowPlace(40.4, 30, 900, 650, true).write(file);
        assertEquals(Optional.of(new WindowPlace(40, 30, 900, 650, true)), WindowPlace.read(file));
    }

    @Test
    void aMissingOrDamagedFileRestoresNothing() throws Exception {
        assertEquals(Optional.empty(), WindowPlace.read(dir.resolve("none.properties")));
        Path damaged = dir.resolve("damaged.properties");
        Files.writeString(damaged, "x=left\ny=0\n");
        assertEquals(Optional.empty(), WindowPlace.read(damaged));
    }

    @Test
    void aPlaceIsUsedOnlyWhereAScreenShowsItsTitleBar() {
        assertTrue(new WindowPlace(10, 10, 1000, 700, false).fits(OFFICE_PC));
        // left on a second screen that is gone
        WindowPlace onProjector = new WindowPlace(1600, 100, 1200, 800, false);
        assertTrue(onProjector.fits(TWO_SCREENS));
        assertFalse(onProjector.fits(OFFICE_PC));
        // larger than the screen it would be on, or its title bar above the screen
        assertFalse(new WindowPlace(0, 0, 1400, 850, false).fits(OFFICE_PC));
        assertFalse(new WindowPlace(100, -40, 800, 600, false).fits(OFFICE_PC));
        // only 60 px of the title bar on the screen: not enough to take hold of it
        assertFalse(new WindowPlace(964, 100, 800, 600, false).fits(OFFICE_PC));
        assertTrue(new WindowPlace(900, 100, 800, 600, false).fits(TWO_SCREENS));
        // shrunk below any size a person would leave it at
        assertFalse(new WindowPlace(0, 0, 300, 200, false).fits(OFFICE_PC));
    }
}
