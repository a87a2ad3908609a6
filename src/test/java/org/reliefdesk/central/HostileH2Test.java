package org.reliefdesk.central;

import java.nio.file.Path;

/** The hostile-client suite against the central store's default database: an H2 file. */
class HostileH2Test extends HostileContract {

    @Override
    String freshDatabase(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("central").resolve("central").toAbsolutePath();
    }
}
