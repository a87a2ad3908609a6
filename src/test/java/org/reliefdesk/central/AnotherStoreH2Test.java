package org.reliefdesk.central;

import java.nio.file.Path;

/** {@link AnotherStoreContract} on the central store's default database: an H2 file. */
class AnotherStoreH2Test extends AnotherStoreContract {

    @Override
    String freshDatabase(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("central").resolve("central").toAbsolutePath();
    }
}
