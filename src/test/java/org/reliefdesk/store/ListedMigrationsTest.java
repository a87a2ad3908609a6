package org.reliefdesk.store;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListedMigrationsTest {

    /**
     * A migration added to the folder and not to the list would never run on a PC: the list must
     * name exactly what Flyway's own scan of the folder finds, with the same checksums (a store
     * migrated by either is valid to the other).
     */
    @Test
    void theListNamesEverySqlFileOfTheFolderAndReadsItAsTheScanDoes() {
        Map<String, Integer> scanned = scripts(Flyway.configure().locations("classpath:" + ListedMigrations.FOLDER));
        Map<String, Integer> listed = scripts(
                Flyway.configure().resourceProvider(new ListedMigrations()).javaMigrationClassProvider(List::of));
        assertTrue(scanned.size() >= 10, "the scan found " + scanned.keySet());
        assertEquals(scanned, listed);
    }

    @Test
    void aNameOutsideTheListIsNotAResource() {
        ListedMigrations listed = new ListedMigrations();
        assertNull(listed.getResource("V99__not_there.sql"));
        assertEquals("V2__outcome.sql", listed.getResource("V2__outcome.sql").getFilename());
        assertTrue(listed.getResources("beforeMigrate", new String[] {".sql"}).isEmpty());
    }

    /** Script name → checksum of each SQL migration a configuration finds. */
    private static Map<String, Integer> scripts(FluentConfiguration config) {
        Map<String, Integer> found = new TreeMap<>();
        for (MigrationInfo m : config.dataSource("jdbc:h2:mem:" + UUID.randomUUID(), "sa", "")
                .load()
                .info()
                .all()) {
            if (m.getScript().endsWith(".sql")) {
                found.put(m.getScript(), m.getChecksum());
            }
        }
        return found;
    }
}
