package org.reliefdesk.central;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.users.ListedUser;
import org.reliefdesk.logic.users.UserRules;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.User;

/**
 * People of the central store: who they are, their scope, their password hash, and the sign-in
 * tokens they hold. Tokens live {@link #TOKEN_LIFETIME}; only their SHA-256 is stored.
 */
public final class CentralUsers {

    public static final Duration TOKEN_LIFETIME = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a sign-in gives: the token to send with every call, until {@code expiresAt}. */
    public record SignedIn(String token, Instant expiresAt, User user) {
    }

    /** Why a call is not let in (the HTTP layer answers 401 with it). */
    public static final class Unauthorized extends RuntimeException {
        private final String key;

        Unauthorized(String key) {
            super(key);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private final CentralDatabase db;
    private final Catalog catalog;

    public CentralUsers(CentralDatabase db, Catalog catalog) {
        this.db = db;
        this.catalog = catalog;
    }

    /** @throws InvalidFieldException for a bad user record, a taken name or a short password */
    public void add(User user, char[] password, Instant now) {
        UserRules.check(user, catalog);
        if (password == null || password.length < 8) {
            throw new InvalidFieldException("password", "rule.user.passwordLength", 8);
        }
        String hash = org.reliefdesk.logic.users.PasswordHash.hash(password);
        db.inTransaction(c -> {
            if (find(c, user.username()).isPresent()) {
                throw new InvalidFieldException("username", "rule.user.taken", user.username());
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO central_user (username, display_name, role,"
                    + " county_code, department_code, township_code, password_hash, disabled, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, ?)")) {
                ps.setString(1, user.username());
                ps.setString(2, user.displayName());
                ps.setString(3, user.role().name());
                ps.setString(4, user.countyCode());
                ps.setString(5, user.departmentCode());
                ps.setString(6, user.townshipCode());
                ps.setString(7, hash);
                ps.setTimestamp(8, Timestamp.from(now));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Adds those of {@code users} not yet known, all with one password (the embedded demo). */
    public int addMissing(List<User> users, char[] password, Instant now) {
        int added = 0;
        for (User u : users) {
            boolean known = db.inTransaction(c -> find(c, u.username()).isPresent());
            if (!known) {
                add(u, password, now);
                added++;
            }
        }
        return added;
    }

    /** Disables a user and ends their tokens; false when there is no such user. */
    public boolean disable(String username) {
        return db.inTransaction(c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("UPDATE central_user SET disabled = TRUE WHERE username = ?")) {
                ps.setString(1, username);
                n = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM auth_token WHERE username = ?")) {
                ps.setString(1, username);
                ps.executeUpdate();
            }
            return n == 1;
        });
    }

    /** The users of one county, as its administrator manages them. */
    public List<ListedUser> listOf(String countyCode) {
        return list().stream().filter(l -> l.user().countyCode().equals(countyCode)).toList();
    }

    public List<ListedUser> list() {
        return db.inTransaction(c -> {
            List<ListedUser> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY county_code, role, username");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ListedUser(user(rs), rs.getBoolean("disabled")));
                }
            }
            return out;
        });
    }

    /** @throws Unauthorized for an unknown name, a wrong password or a disabled user (one answer for all three) */
    public SignedIn signIn(String username, char[] password, String clientId, Instant now) {
        return db.inTransaction(c -> {
            String stored = null;
            boolean disabled = true;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT password_hash, disabled FROM central_user WHERE username = ?")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        stored = rs.getString(1);
                        disabled = rs.getBoolean(2);
                    }
                }
            }
            if (stored == null || disabled || password == null || !org.reliefdesk.logic.users.PasswordHash.matches(password, stored)) {
                throw new Unauthorized("sync.auth.wrongPassword");
            }
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            Instant expires = now.plus(TOKEN_LIFETIME);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO auth_token (token_hash, username, client_id, expires_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, org.reliefdesk.logic.Sha256.hex(token));
                ps.setString(2, username);
                ps.setString(3, clientId == null ? "" : clientId);
                ps.setTimestamp(4, Timestamp.from(expires));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM auth_token WHERE expires_at < ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.executeUpdate();
            }
            return new SignedIn(token, expires, find(c, username).orElseThrow());
        });
    }

    /** The user a token belongs to, and the client it was given to. */
    public record Caller(User user, String clientId) {
    }

    /** @throws Unauthorized for a missing, unknown or expired token, or a user disabled since */
    public Caller authenticate(String token, Instant now) {
        if (token == null || token.isBlank()) {
            throw new Unauthorized("sync.auth.noToken");
        }
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT t.expires_at, t.client_id, u.disabled, u.username"
                    + " FROM auth_token t JOIN central_user u ON u.username = t.username WHERE t.token_hash = ?")) {
                ps.setString(1, org.reliefdesk.logic.Sha256.hex(token));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getBoolean(3)) {
                        throw new Unauthorized("sync.auth.badToken");
                    }
                    if (rs.getTimestamp(1).toInstant().isBefore(now)) {
                        throw new Unauthorized("sync.auth.expired");
                    }
                    String clientId = rs.getString(2);
                    return new Caller(find(c, rs.getString(4)).orElseThrow(), clientId);
                }
            }
        });
    }

    private static final String SELECT = "SELECT username, display_name, role, county_code, department_code,"
            + " township_code, disabled FROM central_user";

    private static Optional<User> find(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(user(rs)) : Optional.empty();
            }
        }
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                rs.getString("county_code"), rs.getString("department_code"), rs.getString("township_code"));
    }
}
