package org.reliefdesk.central;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.api.migration.Context;
import org.reliefdesk.logic.users.PasswordHash;

/**
 * Central schema 9: PCs send a password's key, not the password ({@link PasswordHash}). Every
 * stored hash of the older form was the key itself, which a PC may now send: each becomes the
 * SHA-256 of its key, so the database holds nothing that signs anyone in. Also stores the secret
 * from which an unknown name's salt is made (the same on every server of one database), so
 * asking for a name's salt does not tell whether the name exists. In Java, for what SQL cannot
 * do alike on H2 and PostgreSQL (a digest of Base64 text, a random secret).
 */
final class PasswordKeysMigration extends CentralJavaMigration {

    static final String SALT_SECRET = "unknown-name-salt";

    PasswordKeysMigration() {
        super(9, "password keys");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE central_secret (name VARCHAR(64) PRIMARY KEY, secret_value VARCHAR(200) NOT NULL)");
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO central_secret (name, secret_value) VALUES (?, ?)")) {
            ps.setString(1, SALT_SECRET);
            ps.setString(2, PasswordHash.b64(secret));
            ps.executeUpdate();
        }
        Map<String, String> upgraded = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT username, password_hash FROM central_user");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String now = PasswordHash.upgradedFormat(rs.getString(2));
                if (now != null) {
                    upgraded.put(rs.getString(1), now);
                }
            }
        }
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE central_user SET password_hash = ? WHERE username = ?")) {
            for (Map.Entry<String, String> e : upgraded.entrySet()) {
                ps.setString(1, e.getValue());
                ps.setString(2, e.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
