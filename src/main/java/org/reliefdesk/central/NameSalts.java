package org.reliefdesk.central;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.reliefdesk.logic.users.PasswordHash;

/**
 * The recipe answered for a name nobody has: a salt made from the name and the database's own
 * secret (schema 9), at today's count. It is the same at every ask and on every server of one
 * database, like a real user's, so asking does not tell which names exist.
 */
final class NameSalts {

    private final byte[] secret;

    NameSalts(CentralDatabase db) {
        this.secret = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT secret_value FROM central_secret WHERE name = ?")) {
                ps.setString(1, PasswordKeysMigration.SALT_SECRET);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Base64.getDecoder().decode(rs.getString(1));
                }
            }
        });
    }

    PasswordHash.Recipe forUnknown(String name) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] salt = Arrays.copyOf(mac.doFinal(name.getBytes(StandardCharsets.UTF_8)), PasswordHash.SALT_BYTES);
            return new PasswordHash.Recipe(salt, PasswordHash.ITERATIONS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
