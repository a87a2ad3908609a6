package org.reliefdesk.central;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.Sha256;
import org.reliefdesk.logic.catalog.CatalogLoader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A central store written before attachments were kept in pieces keeps its files and its unfinished uploads. */
class CentralMigrationTest {

    @TempDir
    Path dir;

    @Test
    void filesAndUnfinishedUploadsOfSchemaFourSurviveAsPieces() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("central").toAbsolutePath();
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/central")
                .target("4")
                .load()
                .migrate();
        byte[] photo = new byte[300_000];
        new Random(3).nextBytes(photo);
        String stored = Sha256.hex(photo);
        byte[] other = new byte[200_000];
        new Random(4).nextBytes(other);
        String partial = Sha256.hex(other);
        Instant now = Instant.now();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO attachment (sha256, size, content, stored_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, stored);
                ps.setLong(2, photo.length);
                ps.setBytes(3, photo);
                ps.setTimestamp(4, Timestamp.from(now));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO attachment_upload (sha256, total_size, content,"
                    + " updated_at, started_by) VALUES (?, ?, ?, ?, 'water.clerk')")) {
                ps.setString(1, partial);
                ps.setLong(2, other.length);
                ps.setBytes(3, Arrays.copyOf(other, 50_000));
                ps.setTimestamp(4, Timestamp.from(now));
                ps.executeUpdate();
            }
        }
        try (CentralStore central = CentralStore.open(url, CatalogLoader.loadBuiltIn(), Clock.systemUTC())) {
            assertArrayEquals(photo, central.attachments().read(stored).orElseThrow());
            CentralAttachments.Status status = central.attachments().status(partial);
            assertFalse(status.stored());
            assertEquals(50_000, status.received(), "the upload goes on where it was");
            assertTrue(central.attachments()
                    .append(
                            partial,
                            50_000,
                            other.length,
                            Arrays.copyOfRange(other, 50_000, other.length),
                            "water.clerk",
                            now)
                    .stored());
            assertArrayEquals(other, central.attachments().read(partial).orElseThrow());
        }
    }
}
