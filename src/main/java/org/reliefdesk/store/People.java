package org.reliefdesk.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The display names of the county's people, as the central store last listed them: only to name
 * who acted in a history. Not users of this PC (those are {@link UserStore}, with their roles).
 */
public final class People {

    /** Longest name and display name kept (the central store's own limits). */
    static final int LONGEST_NAME = 64;

    static final int LONGEST_DISPLAY = 100;

    private final LocalStore store;

    People(LocalStore store) {
        this.store = store;
    }

    /** One person as the central store lists them. */
    public record Person(String username, String displayName) {}

    /**
     * These in place of the names kept so far, in one transaction; an entry without a name, or
     * longer than the central store allows, is left out.
     */
    public int replace(List<Person> people) {
        Map<String, String> kept = new HashMap<>();
        for (Person p : people) {
            if (p != null && fits(p.username(), LONGEST_NAME) && fits(p.displayName(), LONGEST_DISPLAY)) {
                kept.put(p.username(), p.displayName().strip());
            }
        }
        if (kept.equals(names())) {
            return kept.size(); // every sync asks; a county's people rarely change: nothing to write
        }
        return store.inJdbcTransaction(c -> {
            Sql.update(c, "DELETE FROM person");
            for (Map.Entry<String, String> p : kept.entrySet()) {
                Sql.update(c, "INSERT INTO person (username, display_name) VALUES (?, ?)", p.getKey(), p.getValue());
            }
            return kept.size();
        });
    }

    /** Display names by username. */
    public Map<String, String> names() {
        return store.readJdbc(c -> {
            Map<String, String> names = new HashMap<>();
            for (Object[] r : Sql.rows(c, "SELECT username, display_name FROM person")) {
                names.put((String) r[0], (String) r[1]);
            }
            return names;
        });
    }

    private static boolean fits(String s, int longest) {
        return s != null && !s.isBlank() && s.length() <= longest;
    }
}
