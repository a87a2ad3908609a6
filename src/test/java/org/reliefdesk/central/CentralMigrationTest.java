package org.reliefdesk.central;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import org.reliefdesk.logic.users.PasswordHash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A central store of an earlier schema keeps what it held: files and unfinished uploads, and passwords. */
class CentralMigrationTest {

    @TempDir
    Path dir;

    @Test
    void filesAndUnfinishedUploadsOfSchemaFourSurviveAsPieces() throws Exception {
        String url = centralAtSchema("4");
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

    /**
     * Schema 9: a stored hash of the older form was the password's key itself, which a PC now
     * sends. Each becomes the SHA-256 of its key, so the database holds nothing that signs anyone
     * in, and the same password still does (sent as a key, or by an older PC as the password).
     */
    @Test
    void passwordsOfSchemaEightBecomeDigestsOfTheirKeys() throws Exception {
        String url = centralAtSchema("8");
        char[] password = "Qz7-county-2026".toCharArray();
        PasswordHash.Recipe recipe = PasswordHash.Recipe.fresh();
        byte[] key = PasswordHash.key(password, recipe);
        String old = "pbkdf2-sha256$" + recipe.iterations() + "$" + recipe.saltText() + "$" + PasswordHash.b64(key);
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                PreparedStatement ps = c.prepareStatement("INSERT INTO central_user (username, display_name, role,"
                        + " county_code, department_code, township_code, password_hash, disabled, created_at)"
                        + " VALUES ('water.clerk', '李水清', 'CLERK', '530128', 'WATER', NULL, ?, FALSE, ?)")) {
            ps.setString(1, old);
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        }
        try (CentralStore central = CentralStore.open(url, CatalogLoader.loadBuiltIn(), Clock.systemUTC())) {
            String now = central.database().inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                                "SELECT password_hash FROM central_user WHERE username = 'water.clerk'");
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertTrue(now.startsWith("pbkdf2-sha256-key$600000$" + recipe.saltText() + "$"), now);
            assertFalse(now.contains(PasswordHash.b64(key)), "the key is no longer stored");
            assertEquals(
                    recipe.saltText(), central.users().recipe("water.clerk").saltText());
            assertNotNull(central.users()
                    .signIn("water.clerk", new SignInProof.Key(key, null, null), "pc", "127.0.0.1", Instant.now())
                    .token());
            assertNotNull(central.users()
                    .signIn("water.clerk", new SignInProof.Password(password), "old-pc", "127.0.0.1", Instant.now())
                    .token());
        }
    }

    /** A central store's database as a release of that schema left it (the URL). */
    private String centralAtSchema(String version) {
        String url = "jdbc:h2:file:" + dir.resolve("central").toAbsolutePath();
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/central")
                .target(version)
                .load()
                .migrate();
        return url;
    }
}
