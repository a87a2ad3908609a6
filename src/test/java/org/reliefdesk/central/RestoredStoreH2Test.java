package org.reliefdesk.central;

import java.nio.file.Path;

/** {@link RestoredStoreContract} on the central store's default database: an H2 file. */
class RestoredStoreH2Test extends RestoredStoreContract {

    @Override
    String freshDatabase(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("central").resolve("central").toAbsolutePath();
    }
}
