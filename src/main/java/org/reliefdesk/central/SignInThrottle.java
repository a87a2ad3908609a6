package org.reliefdesk.central;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Failed sign-ins counted per account and per network address, with back-off: after
 * {@value #ACCOUNT_FREE} failures in a row an account waits 30 s, then twice as long after each
 * further failure, up to 15 minutes; an address the same after {@value #ADDRESS_FREE} (a county
 * office shares one address, so it is let more). A good sign-in clears the account's count; an
 * address's count lapses an hour after its last failure. Kept in the database, so every server of
 * several counts the same failures.
 */
final class SignInThrottle {

    static final int ACCOUNT_FREE = 5;
    static final int ADDRESS_FREE = 20;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    private static final Duration ADDRESS_MEMORY = Duration.ofHours(1);

    private final CentralDatabase db;

    SignInThrottle(CentralDatabase db) {
        this.db = db;
    }

    /** @throws CentralUsers.Unauthorized {@code sync.auth.throttled} while the account or the address waits */
    void check(String username, String address, Instant now) {
        long wait = db.inTransaction(
                c -> Math.max(waitFor(c, "user:" + username, now), waitFor(c, "addr:" + address, now)));
        if (wait > 0) {
            throw new CentralUsers.Unauthorized("sync.auth.throttled", wait);
        }
    }

    void failed(String username, String address, Instant now) {
        // the rows first, each in a transaction of its own: many failures of one address at once
        // (a sign-in storm) would otherwise race to insert the same row, and one would fail
        addRow("user:" + username, now);
        addRow("addr:" + address, now);
        db.inTransaction(c -> {
            count(c, "user:" + username, ACCOUNT_FREE, now, null);
            count(c, "addr:" + address, ADDRESS_FREE, now, ADDRESS_MEMORY);
            return null;
        });
    }

    void succeeded(String username) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sign_in_throttle WHERE throttle_key = ?")) {
                ps.setString(1, key("user:" + username));
                ps.executeUpdate();
            }
            return null;
        });
    }

    private void addRow(String key, Instant now) {
        db.makeRowOnce(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sign_in_throttle (failures, last_failure,"
                    + " locked_until, throttle_key) SELECT 0, ?, NULL, ? WHERE NOT EXISTS"
                    + " (SELECT 1 FROM sign_in_throttle WHERE throttle_key = ?)")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setString(2, key(key));
                ps.setString(3, key(key));
                return ps.executeUpdate();
            }
        });
    }

    /** Keys are bounded: a name or address longer than the column is cut (it can never sign in anyway). */
    private static String key(String k) {
        return k.length() > 200 ? k.substring(0, 200) : k;
    }

    private static long waitFor(Connection c, String key, Instant now) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT locked_until FROM sign_in_throttle WHERE throttle_key = ?")) {
            ps.setString(1, key(key));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()
                        && rs.getTimestamp(1) != null
                        && rs.getTimestamp(1).toInstant().isAfter(now)) {
                    return Math.max(
                            1,
                            Duration.between(now, rs.getTimestamp(1).toInstant())
                                    .toSeconds());
                }
                return 0;
            }
        }
    }

    private static void count(Connection c, String key, int free, Instant now, Duration memory) throws SQLException {
        int failures = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT failures, last_failure FROM sign_in_throttle WHERE throttle_key = ? FOR UPDATE")) {
            ps.setString(1, key(key));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    boolean lapsed = memory != null
                            && rs.getTimestamp(2).toInstant().plus(memory).isBefore(now);
                    failures = lapsed ? 0 : rs.getInt(1);
                }
            }
        }
        int n = failures + 1;
        Instant until = null;
        if (n >= free) {
            long factor = 1L << Math.min(20, n - free);
            Duration wait = FIRST_WAIT.multipliedBy(factor);
            until = now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE sign_in_throttle SET failures = ?, last_failure = ?, locked_until = ? WHERE throttle_key = ?")) {
            ps.setInt(1, n);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, until == null ? null : Timestamp.from(until));
            ps.setString(4, key(key));
            ps.executeUpdate();
        }
    }
}
