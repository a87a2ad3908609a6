package org.reliefdesk.central;

import java.nio.file.Path;

/** County turns on the central store's default database: an H2 file. */
class CountyTurnsH2Test extends CountyTurnsContract {

    @Override
    String freshDatabase(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("turns").toAbsolutePath();
    }
}
