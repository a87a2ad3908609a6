package org.reliefdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Attachments named by pulled tickets that this PC could not fetch yet, asked for again with
 * back-off: 5 minutes after the first miss, then twice as long each time, at most a day apart.
 * A photo the taking PC has not pushed yet arrives a little later; a photo that was never taken
 * (the sample county names many) costs one request a day, not one every sync.
 */
public final class MissingAttachments {

    /** The first wait after a miss. */
    public static final Duration FIRST_WAIT = Duration.ofMinutes(5);

    /** The longest wait between two tries. */
    public static final Duration LONGEST_WAIT = Duration.ofDays(1);

    private final LocalStore store;

    MissingAttachments(LocalStore store) {
        this.store = store;
    }

    /**
     * These were not fetched at {@code now}, those that were are no longer missing: one
     * transaction and a few batched statements for a page of pulled tickets, whose sample photos
     * may be hundreds.
     */
    public void tried(Collection<String> missed, Collection<String> fetched, Instant now) {
        if (missed.isEmpty() && fetched.isEmpty()) {
            return;
        }
        store.inJdbcTransaction(c -> {
            List<String> names = List.copyOf(new LinkedHashSet<>(missed)); // each once, in order
            Map<String, Integer> before = attempts(c, names);
            List<Object[]> merges = new ArrayList<>();
            for (String name : names) {
                int attempts = before.getOrDefault(name, 0) + 1;
                merges.add(
                        new Object[] {name, attempts, now.plus(wait(attempts)).toEpochMilli()});
            }
            Sql.batch(
                    c,
                    "MERGE INTO missing_attachment (stored_name, attempts, next_try) KEY (stored_name) VALUES (?, ?, ?)",
                    merges);
            Sql.batch(
                    c,
                    "DELETE FROM missing_attachment WHERE stored_name = ?",
                    fetched.stream().map(n -> new Object[] {n}).toList());
            return missed.size();
        });
    }

    /** The tries so far of those of {@code names} missing, asked {@value Sql#IN_LIST} at a time. */
    private static Map<String, Integer> attempts(Connection c, List<String> names) throws SQLException {
        Map<String, Integer> found = new HashMap<>();
        for (List<String> part : Sql.parts(names)) {
            for (Object[] r : Sql.rows(
                    c,
                    "SELECT stored_name, attempts FROM missing_attachment WHERE stored_name IN ("
                            + Sql.marks(part.size()) + ")",
                    Sql.args(part))) {
                found.put((String) r[0], ((Number) r[1]).intValue());
            }
        }
        return found;
    }

    /** Those whose next try has come at {@code now}, the longest waiting first, at most {@code limit}. */
    public List<String> due(Instant now, int limit) {
        return store.readJdbc(c -> Sql.column(
                c,
                String.class,
                "SELECT stored_name FROM missing_attachment WHERE next_try <= ? ORDER BY next_try, stored_name"
                        + " FETCH FIRST ? ROWS ONLY",
                now.toEpochMilli(),
                limit));
    }

    /** How many tries so far (0: not missing). */
    public int attempts(String storedName) {
        return store.readJdbc(c -> attempts(c, List.of(storedName)).getOrDefault(storedName, 0));
    }

    /** The wait after the {@code attempts}-th miss: 5 min, 10, 20, … at most a day. */
    static Duration wait(int attempts) {
        Duration w = FIRST_WAIT.multipliedBy(1L << Math.min(attempts - 1, 20));
        return w.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : w;
    }
}
