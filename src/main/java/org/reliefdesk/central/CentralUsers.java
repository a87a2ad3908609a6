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

import org.reliefdesk.logic.Sha256;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.sync.OperationApplier;
import org.reliefdesk.logic.users.ListedUser;
import org.reliefdesk.logic.users.PasswordHash;
import org.reliefdesk.logic.users.PasswordRules;
import org.reliefdesk.logic.users.UserRules;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * People of the central store: who they are, their scope, their password hash, and the sign-in
 * tokens they hold. Tokens live {@link #TOKEN_LIFETIME}; only their SHA-256 is stored.
 */
public final class CentralUsers {

    public static final Duration TOKEN_LIFETIME = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Logger LOG = LoggerFactory.getLogger(CentralUsers.class);

    private static final String SELECT = "SELECT username, display_name, role, county_code, department_code,"
            + " township_code, disabled FROM central_user";

    private final CentralDatabase db;
    private final Catalog catalog;
    private final SignInThrottle throttle;
    private final NameSalts salts;

    public CentralUsers(CentralDatabase db, Catalog catalog) {
        this.db = db;
        this.catalog = catalog;
        this.throttle = new SignInThrottle(db);
        this.salts = new NameSalts(db);
    }

    /** What a sign-in gives: the token to send with every call, until {@code expiresAt}. */
    public record SignedIn(String token, Instant expiresAt, User user) {}

    /** Why a call is not let in (the HTTP layer answers 401 with it). */
    public static final class Unauthorized extends RuntimeException {
        private final String key;

        private final long retryAfterSeconds;

        Unauthorized(String key) {
            this(key, 0);
        }

        Unauthorized(String key, long retryAfterSeconds) {
            super(key);
            this.key = key;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        /** Seconds to wait before trying again (a throttled sign-in), else 0. */
        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        public String key() {
            return key;
        }
    }

    /** @throws InvalidFieldException for a bad user record, a taken name or a short password */
    public void add(User user, char[] password, Instant now) {
        UserRules.check(user, catalog);
        PasswordRules.check(password, user.username());
        insert(user, password, now);
    }

    private void insert(User user, char[] password, Instant now) {
        insertHashed(user, PasswordHash.hash(password), now);
    }

    private void insertHashed(User user, String hash, Instant now) {
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

    /**
     * Adds those of {@code users} not yet known, all with one password: the embedded demo's
     * published password, which the password rules refuse for any account a person adds.
     */
    public int addMissing(List<User> users, char[] password, Instant now) {
        int added = 0;
        String hash = null; // derived once: twenty demo accounts must not cost twenty derivations at first start
        for (User u : users) {
            boolean known = db.inTransaction(c -> find(c, u.username()).isPresent());
            if (!known) {
                UserRules.check(u, catalog);
                hash = hash != null ? hash : PasswordHash.hash(password);
                insertHashed(u, hash, now);
                added++;
            }
        }
        return added;
    }

    /** Disables a user and ends their tokens; false when there is no such user. */
    public boolean disable(String username) {
        return db.inTransaction(c -> {
            int n;
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE central_user SET disabled = TRUE WHERE username = ?")) {
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

    /** Lets a disabled user sign in again; false when there is no such user. */
    public boolean enable(String username) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE central_user SET disabled = FALSE WHERE username = ?")) {
                ps.setString(1, username);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The users of one county, as its administrator manages them. */
    public List<ListedUser> listOf(String countyCode) {
        return list().stream()
                .filter(l -> l.user().countyCode().equals(countyCode))
                .toList();
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

    /**
     * How a PC derives the key of a name's password: the recipe of its stored hash, or, for a
     * name nobody has, one made from the name ({@link NameSalts}) — the same answer at every ask,
     * so it does not tell which names exist. Costs no derivation.
     */
    public PasswordHash.Recipe recipe(String username) {
        String name = username == null ? "" : username.strip();
        PasswordHash.Recipe recipe = PasswordHash.recipeOf(storedHash(name, true));
        return recipe != null ? recipe : salts.forUnknown(name);
    }

    /**
     * Signs a person in. The stored hash is read in one short transaction and the token written
     * in another. A PC of this release sends its password's key ({@link SignInProof.Key}): checking
     * it is one SHA-256. An older PC sends the password, and its key is derived here, outside any
     * transaction (a derivation holds no database connection) — for an unknown or disabled name
     * too, with the name's own recipe, so the time of the answer does not tell which names exist.
     * Failures are counted per account and per address ({@link SignInThrottle}) and logged with
     * the name and address, never the password or key.
     *
     * @param address the caller's network address, for throttling and the log
     * @throws Unauthorized for an unknown name, a wrong password or a disabled user (one answer
     *                      for all three), or {@code sync.auth.throttled} while locked out
     */
    public SignedIn signIn(String username, SignInProof proof, String clientId, String address, Instant now) {
        String name = username == null ? "" : username.strip();
        String logName = name.length() > 64 ? name.substring(0, 64) + "…" : name.replaceAll("\\p{Cc}", "?");
        throttle.check(name, address, now);
        String stored = storedHash(name, false);
        byte[] key = keyOf(proof, name, stored);
        if (stored == null || !PasswordHash.matchesKey(key, stored)) {
            throttle.failed(name, address, now);
            LOG.warn("Sign-in refused: name '{}' from {}", logName, address);
            throw new Unauthorized("sync.auth.wrongPassword");
        }
        throttle.succeeded(name);
        String rehash = PasswordHash.needsRehash(stored) ? replacement(proof) : null;
        String client = clientId == null ? "" : clientId.length() > 64 ? clientId.substring(0, 64) : clientId;
        return db.inTransaction(c -> {
            if (rehash != null) {
                try (PreparedStatement ps =
                        c.prepareStatement("UPDATE central_user SET password_hash = ? WHERE username = ?")) {
                    ps.setString(1, rehash);
                    ps.setString(2, name);
                    ps.executeUpdate();
                }
            }
            Instant previous = previousSignIn(c, name, client, now);
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            Instant expires = now.plus(TOKEN_LIFETIME);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO auth_token (token_hash, username, client_id,"
                    + " expires_at, signed_in_at, previous_sign_in) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, Sha256.hex(token));
                ps.setString(2, name);
                ps.setString(3, client);
                ps.setTimestamp(4, Timestamp.from(expires));
                ps.setTimestamp(5, Timestamp.from(now));
                ps.setTimestamp(6, previous == null ? null : Timestamp.from(previous));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM auth_token WHERE expires_at < ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.executeUpdate();
            }
            LOG.info("Signed in: {} from {} ({})", name, address, client);
            return new SignedIn(token, expires, find(c, name).orElseThrow());
        });
    }

    /** A name's stored hash; null for a name nobody has, and (unless {@code evenDisabled}) for a disabled user. */
    private String storedHash(String name, boolean evenDisabled) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT password_hash, disabled FROM central_user WHERE username = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && (evenDisabled || !rs.getBoolean(2)) ? rs.getString(1) : null;
                }
            }
        });
    }

    /** The key a proof stands for: sent as it is, or derived here from a password with the name's recipe. */
    private byte[] keyOf(SignInProof proof, String name, String stored) {
        if (proof instanceof SignInProof.Key k) {
            return k.key();
        }
        char[] password = ((SignInProof.Password) proof).password();
        PasswordHash.Recipe recipe = PasswordHash.recipeOf(stored);
        byte[] derived = PasswordHash.key(
                password == null ? new char[0] : password, recipe != null ? recipe : salts.forUnknown(name));
        return password == null ? null : derived;
    }

    /**
     * The hash to store in place of an outdated one, after a good sign-in: from the password an
     * older PC sent, or from the new key a PC derived with a fresh recipe at today's count (null,
     * and the old hash kept, when the PC sent none or one that is not of today's count and size).
     */
    private static String replacement(SignInProof proof) {
        if (proof instanceof SignInProof.Password p) {
            return PasswordHash.hash(p.password());
        }
        SignInProof.Key k = (SignInProof.Key) proof;
        PasswordHash.Recipe r = k.newRecipe();
        boolean sound = r != null
                && !r.outdated()
                && r.salt().length == PasswordHash.SALT_BYTES
                && k.newKey() != null
                && k.newKey().length == PasswordHash.KEY_BYTES;
        return sound ? PasswordHash.ofKey(r, k.newKey()) : null;
    }

    /** The user's last sign-in on this PC before now (null: the first), and now noted as the last. */
    private static Instant previousSignIn(Connection c, String username, String clientId, Instant now)
            throws SQLException {
        Instant previous = null;
        try (PreparedStatement ps =
                c.prepareStatement("SELECT last_sign_in FROM client_sign_in WHERE username = ? AND client_id = ?")) {
            ps.setString(1, username);
            ps.setString(2, clientId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    previous = rs.getTimestamp(1).toInstant();
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                previous == null
                        ? "INSERT INTO client_sign_in (last_sign_in, username, client_id) VALUES (?, ?, ?)"
                        : "UPDATE client_sign_in SET last_sign_in = ? WHERE username = ? AND client_id = ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, username);
            ps.setString(3, clientId);
            ps.executeUpdate();
        }
        return previous;
    }

    /**
     * The user a token belongs to, the client it was given to, and the earliest time work pushed
     * with it may carry: the user's previous sign-in on that PC (or this one, for a first), less
     * {@link OperationApplier#OFFLINE_ALLOWANCE}.
     */
    public record Caller(User user, String clientId, Instant notBefore) {}

    /** @throws Unauthorized for a missing, unknown or expired token, or a user disabled since */
    public Caller authenticate(String token, Instant now) {
        if (token == null || token.isBlank()) {
            throw new Unauthorized("sync.auth.noToken");
        }
        // one statement, the token with its user, and no transaction: a request's first round trip is its only one here
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT t.expires_at, t.client_id, t.signed_in_at,"
                    + " t.previous_sign_in, u.username, u.display_name, u.role, u.county_code, u.department_code,"
                    + " u.township_code, u.disabled"
                    + " FROM auth_token t JOIN central_user u ON u.username = t.username WHERE t.token_hash = ?")) {
                ps.setString(1, Sha256.hex(token));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getBoolean("disabled")) {
                        throw new Unauthorized("sync.auth.badToken");
                    }
                    if (rs.getTimestamp("expires_at").toInstant().isBefore(now)) {
                        throw new Unauthorized("sync.auth.expired");
                    }
                    String clientId = rs.getString("client_id");
                    Timestamp signedIn = rs.getTimestamp("signed_in_at");
                    Timestamp previous = rs.getTimestamp("previous_sign_in");
                    Instant since =
                            previous != null ? previous.toInstant() : signedIn != null ? signedIn.toInstant() : now;
                    return new Caller(user(rs), clientId, since.minus(OperationApplier.OFFLINE_ALLOWANCE));
                }
            }
        });
    }

    /** A user by name, disabled or not (a history's actor). */
    public Optional<User> find(String username) {
        return db.inTransaction(c -> find(c, username));
    }

    private static Optional<User> find(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(user(rs)) : Optional.empty();
            }
        }
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(
                rs.getString("username"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                rs.getString("county_code"),
                rs.getString("department_code"),
                rs.getString("township_code"));
    }
}
