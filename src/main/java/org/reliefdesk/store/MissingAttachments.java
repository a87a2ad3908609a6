package org.reliefdesk.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

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
     * transaction for a page of pulled tickets, whose sample photos may be hundreds.
     */
    public void tried(Collection<String> missed, Collection<String> fetched, Instant now) {
        if (missed.isEmpty() && fetched.isEmpty()) {
            return;
        }
        store.inTransaction(s -> {
            for (String name : missed) {
                int attempts = s
                                .createNativeQuery(
                                        "SELECT attempts FROM missing_attachment WHERE stored_name = :n", Integer.class)
                                .setParameter("n", name)
                                .getResultList()
                                .stream()
                                .findFirst()
                                .orElse(0)
                        + 1;
                s.createNativeMutationQuery("MERGE INTO missing_attachment (stored_name, attempts, next_try)"
                                + " KEY (stored_name) VALUES (:n, :a, :t)")
                        .setParameter("n", name)
                        .setParameter("a", attempts)
                        .setParameter("t", now.plus(wait(attempts)).toEpochMilli())
                        .executeUpdate();
            }
            for (String name : fetched) {
                s.createNativeMutationQuery("DELETE FROM missing_attachment WHERE stored_name = :n")
                        .setParameter("n", name)
                        .executeUpdate();
            }
            return missed.size();
        });
    }

    /** Those whose next try has come at {@code now}, the longest waiting first, at most {@code limit}. */
    public List<String> due(Instant now, int limit) {
        return store.read(s -> s.createNativeQuery(
                        "SELECT stored_name FROM missing_attachment WHERE next_try <= :t ORDER BY next_try, stored_name",
                        String.class)
                .setParameter("t", now.toEpochMilli())
                .setMaxResults(limit)
                .getResultList());
    }

    /** How many tries so far (0: not missing). */
    public int attempts(String storedName) {
        return store.read(s -> s
                .createNativeQuery("SELECT attempts FROM missing_attachment WHERE stored_name = :n", Integer.class)
                .setParameter("n", storedName)
                .getResultList()
                .stream()
                .findFirst()
                .orElse(0));
    }

    /** The wait after the {@code attempts}-th miss: 5 min, 10, 20, … at most a day. */
    static Duration wait(int attempts) {
        Duration w = FIRST_WAIT.multipliedBy(1L << Math.min(attempts - 1, 20));
        return w.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : w;
    }
}
