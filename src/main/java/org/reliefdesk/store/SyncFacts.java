package org.reliefdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.reliefdesk.logic.users.PasswordHash;

/**
 * Small named facts of the sync kept in the local store: the pull cursor, the client id, the last
 * sync. Plain JDBC: a sync reads and writes them before anything needs Hibernate's mapping.
 */
public final class SyncFacts {

    public static final String CURSOR = "pull.cursor";
    public static final String CLIENT_ID = "client.id";
    public static final String LAST_SYNC = "last.sync";
    public static final String CENTRAL_URL = "central.url";
    /** Per user: whether their pulls reached the end of the scope since the cursor last started from 0. */
    private static final String CAUGHT_UP = "pull.caughtUp.";

    private static final String PASSWORD = "password.";

    private static final String SCOPE = "pull.scope.";

    /** Per user: the id of the central store their cursor is a number of. */
    private static final String STORE = "pull.store.";

    /** Per user: the ids that store named as its own before restores from backups, comma-separated. */
    private static final String STORE_EARLIER = "pull.storeEarlier.";

    /**
     * Per user: their store was found restored from a backup, and the pull from the start that
     * checks what it lost of their work has not ended yet.
     */
    private static final String RESTORE_CHECK = "pull.restoreCheck.";

    /**
     * Per user: the ids of the stores they pulled from before they were pointed at another, comma
     * separated; the tickets those sent leave this PC when the new store's scope was pulled whole.
     */
    private static final String LEFT_STORES = "pull.leftStores.";

    private final LocalStore store;

    SyncFacts(LocalStore store) {
        this.store = store;
    }

    public Optional<String> get(String name) {
        return store.readJdbc(c -> get(c, name));
    }

    public void put(String name, String value) {
        store.inJdbcTransaction(c -> {
            put(c, name, value);
            return null;
        });
    }

    /**
     * Remembers, after the central store accepted a password, its hash (the SHA-256 of its salted
     * PBKDF2 key, which the sign-in made from the key it sent), so the same person can sign in on
     * this PC while the central store cannot be reached.
     */
    public void rememberPassword(String username, String hash) {
        put(PASSWORD + username, hash);
    }

    /** Whether the central store ever accepted a password of this user on this PC. */
    public boolean knowsPassword(String username) {
        return get(PASSWORD + username).isPresent();
    }

    /** Whether the password is the one last accepted by the central store for this user on this PC. */
    public OfflineCheck checkOffline(String username, char[] password) {
        return get(PASSWORD + username)
                .map(h -> PasswordHash.matches(password, h) ? OfflineCheck.MATCHES : OfflineCheck.WRONG)
                .orElse(OfflineCheck.NEVER_ONLINE);
    }

    /** What an offline sign-in finds. */
    public enum OfflineCheck {
        MATCHES,
        WRONG,
        NEVER_ONLINE
    }

    /** This PC's id for the central store's audit log, made once. */
    public String clientId() {
        return store.inJdbcTransaction(c -> {
            Optional<String> known = get(c, CLIENT_ID);
            if (known.isPresent()) {
                return known.get();
            }
            String id = "pc-" + UUID.randomUUID();
            put(c, CLIENT_ID, id);
            return id;
        });
    }

    /**
     * How far {@code username} has pulled. One per user: people of different scopes share a PC,
     * and a leader signing in after a clerk still needs the changes the clerk's pulls left out.
     */
    public long cursor(String username) {
        return get(cursorName(username)).map(Long::parseLong).orElse(0L);
    }

    /** Starts {@code username}'s pulls from the beginning again (a full resync; waiting changes stay). */
    public void resetCursor(String username) {
        store.inJdbcTransaction(c -> {
            put(c, cursorName(username), "0");
            put(c, CAUGHT_UP + username, "false");
            return null;
        });
    }

    /** The id of the central store {@code username}'s cursor is a number of, if a store ever said. */
    public Optional<String> pulledFrom(String username) {
        return get(STORE + username);
    }

    /** The name of the fact that holds the id of {@code username}'s store (read by the outbox as work is made). */
    static String storeFact(String username) {
        return STORE + username;
    }

    /**
     * The ids {@code username}'s store has gone by, its id now first, then the earlier ones: work
     * made against any of them is that store's. Empty when no store said its id yet.
     */
    public List<String> storeLine(String username) {
        return store.readJdbc(c -> storeLine(c, username));
    }

    /** {@link #storeLine(String)} in the transaction {@code c}. */
    private static List<String> storeLine(Connection c, String username) throws SQLException {
        Optional<String> now = get(c, STORE + username);
        if (now.isEmpty()) {
            return List.of();
        }
        List<String> line = new ArrayList<>(List.of(now.get()));
        line.addAll(ids(c, STORE_EARLIER + username));
        return line;
    }

    /** The ids the store of {@code username}'s cursor named as its own before restores, newest first. */
    public List<String> pulledFromEarlier(String username) {
        return store.readJdbc(c -> ids(c, STORE_EARLIER + username));
    }

    /** A fact holding store ids joined by commas (a store id has none: {@code PullPageReader}), as a list. */
    private static List<String> ids(Connection c, String name) throws SQLException {
        return get(c, name)
                .filter(v -> !v.isEmpty())
                .map(v -> List.of(v.split(",")))
                .orElse(List.of());
    }

    /**
     * {@code username}'s pulls start from the beginning again, now from the store {@code storeId}
     * with its {@code earlier} ids (another store, or this one restored from a backup); waiting
     * changes stay. {@code restored}: the store is this user's
     * own, restored from a backup, and their work it lost is looked for while the scope is pulled
     * again ({@link #checkingRestore}), until {@link #restoreChecked}.
     */
    public void startOver(String username, String storeId, List<String> earlier, boolean restored) {
        store.inJdbcTransaction(c -> {
            if (storeId != null && !restored) {
                leaving(c, username, storeId, earlier);
            }
            if (storeId != null) {
                // an earlier store's page says no id (and so never that the cursor is ahead)
                put(c, STORE + username, storeId);
                put(c, STORE_EARLIER + username, String.join(",", earlier));
            }
            if (restored) {
                put(c, RESTORE_CHECK + username, "true");
            }
            put(c, cursorName(username), "0");
            put(c, CAUGHT_UP + username, "false");
            return null;
        });
    }

    /**
     * {@code username} leaves the stores their cursor came from for {@code storeId} (another store,
     * not theirs restored): its ids join those left before, except the new store's own.
     */
    private static void leaving(Connection c, String username, String storeId, List<String> earlier)
            throws SQLException {
        Set<String> left = new LinkedHashSet<>(leftStores(c, username));
        left.addAll(storeLine(c, username));
        left.remove(storeId);
        left.removeAll(earlier);
        if (!left.isEmpty()) {
            put(c, LEFT_STORES + username, String.join(",", left));
        }
    }

    /** The stores {@code username} was pointed away from whose tickets are still to leave this PC. */
    static List<String> leftStores(Connection c, String username) throws SQLException {
        return ids(c, LEFT_STORES + username);
    }

    /** The tickets of the stores {@code username} left are gone from this PC (or never were here). */
    static void leftStoresCleared(Connection c, String username) throws SQLException {
        Sql.update(c, "DELETE FROM sync_state WHERE fact_name = ?", LEFT_STORES + username);
    }

    /** The id of the store {@code username}'s cursor is a number of, in the transaction {@code c}; null when none said. */
    static String storeOf(Connection c, String username) throws SQLException {
        return get(c, STORE + username).orElse(null);
    }

    /**
     * Whether a check of a restored store's losses for {@code username} began and has not ended (a
     * pull cut short): it starts again from the beginning.
     */
    public boolean checkingRestore(String username) {
        return get(RESTORE_CHECK + username).isPresent();
    }

    /** The check of a restored store's losses for {@code username} ended: what it lost is waiting to be sent. */
    public void restoreChecked(String username) {
        store.inJdbcTransaction(
                c -> Sql.update(c, "DELETE FROM sync_state WHERE fact_name = ?", RESTORE_CHECK + username));
    }

    /**
     * Keeps {@code storeId} as the store of {@code username}'s cursor: the first store to say its id
     * (this PC pulled without one before, from a store of an earlier version), or a cursor at 0.
     */
    public void keepStore(String username, String storeId, List<String> earlier) {
        store.inJdbcTransaction(c -> {
            put(c, STORE + username, storeId);
            put(c, STORE_EARLIER + username, String.join(",", earlier));
            return null;
        });
    }

    /**
     * Whether {@code username}'s pulls once reached the end of their scope since the cursor last
     * started from 0: until then what this PC holds of the scope is partial (a first sync), and the
     * dashboard and the reports say so.
     */
    public boolean caughtUp(String username) {
        return get(CAUGHT_UP + username).map(Boolean::parseBoolean).orElse(false);
    }

    /** A pull of {@code username} reached the end of their scope. */
    public void markCaughtUp(String username) {
        store.inJdbcTransaction(c -> {
            markCaughtUp(c, username);
            return null;
        });
    }

    /** {@link #markCaughtUp(String)} in the transaction {@code c}. */
    static void markCaughtUp(Connection c, String username) throws SQLException {
        put(c, CAUGHT_UP + username, "true");
    }

    /**
     * Keeps {@code username}'s cursor only while their scope is the one it was pulled for: when the
     * scope grew (another department, a new step for it in the catalog, a move to another township),
     * the changes the old scope left out lie behind the cursor, so the pull starts again from 0.
     * Waiting local changes stay. Returns whether the cursor was reset.
     */
    public boolean keepCursorFor(String username, String scopeKey) {
        return store.inJdbcTransaction(c -> {
            Optional<String> before = get(c, SCOPE + username);
            if (before.isPresent() && before.get().equals(scopeKey)) {
                return false;
            }
            put(c, SCOPE + username, scopeKey);
            boolean pulledBefore =
                    get(c, cursorName(username)).map(v -> !"0".equals(v)).orElse(false);
            if (pulledBefore) {
                put(c, cursorName(username), "0");
                put(c, CAUGHT_UP + username, "false");
            }
            return pulledBefore;
        });
    }

    /**
     * Every user's pulls start from the beginning again, in the transaction {@code c}: a ticket
     * was taken off this PC, and the store each user follows sends its version back, if it holds
     * one (a cursor past the ticket's last change would never send it again).
     */
    static void resetEveryCursor(Connection c) throws SQLException {
        Sql.update(c, "UPDATE sync_state SET fact_value = '0' WHERE fact_name LIKE ?", CURSOR + ".%");
        Sql.update(c, "UPDATE sync_state SET fact_value = 'false' WHERE fact_name LIKE ?", CAUGHT_UP + "%");
    }

    static String cursorName(String username) {
        return CURSOR + "." + username;
    }

    static Optional<String> get(Connection c, String name) throws SQLException {
        return Sql.column(c, String.class, "SELECT fact_value FROM sync_state WHERE fact_name = ?", name).stream()
                .findFirst();
    }

    static void put(Connection c, String name, String value) throws SQLException {
        Sql.update(c, "MERGE INTO sync_state (fact_name, fact_value) KEY (fact_name) VALUES (?, ?)", name, value);
    }
}
