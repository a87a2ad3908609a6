package org.reliefdesk.central;

import java.nio.file.Path;

/** The sync contract against the central store's default database: an H2 file. */
class SyncH2Test extends SyncContract {

    @Override
    String freshDatabase(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("central").resolve("central").toAbsolutePath();
    }
}
