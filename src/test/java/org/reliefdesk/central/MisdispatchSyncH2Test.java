package org.reliefdesk.central;

import java.nio.file.Path;

/** 转派 through the central store on its default database: an H2 file. */
class MisdispatchSyncH2Test extends MisdispatchSyncContract {

    @Override
    String freshDatabase(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("central").resolve("central").toAbsolutePath();
    }
}
