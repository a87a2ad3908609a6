package org.reliefdesk.central;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.sql.DataSource;

/**
 * A data source in front of a real one that notes, per connection taken, the statements prepared
 * and whether the work committed, rolled back or ran without a transaction: what a request asks
 * the database, each call a round trip on PostgreSQL.
 */
final class DatabaseCalls {

    /** One connection as the store used it: its statements, commits and rollbacks, and whether it ran in autocommit. */
    static final class Use {
        final List<String> statements = new ArrayList<>();
        int commits;
        int rollbacks;
        boolean autocommit;

        /** How many statements named {@code table}. */
        long naming(String table) {
            return statements.stream().filter(s -> s.contains(table)).count();
        }

        @Override
        public String toString() {
            return (autocommit ? "autocommit " : "transaction ") + statements + " commits " + commits + " rollbacks "
                    + rollbacks;
        }
    }

    private final ConcurrentLinkedQueue<Use> uses = new ConcurrentLinkedQueue<>();
    private final DataSource source;

    DatabaseCalls(DataSource target) {
        this.source = WatchedConnections.of(target, () -> {
            Use use = new Use();
            uses.add(use);
            return (m, args) -> {
                synchronized (use) {
                    switch (m.getName()) {
                        case "prepareStatement" -> use.statements.add((String) args[0]);
                        case "commit" -> use.commits++;
                        case "rollback" -> use.rollbacks++;
                        case "setAutoCommit" -> use.autocommit = (Boolean) args[0];
                        default -> {
                            // not counted: savepoints (one per writer in a shared turn) and the rest
                        }
                    }
                }
            };
        });
    }

    DataSource dataSource() {
        return source;
    }

    /** The connections taken since the last call, in the order they were taken; then starts afresh. */
    List<Use> take() {
        List<Use> taken = new ArrayList<>();
        for (Use u = uses.poll(); u != null; u = uses.poll()) {
            taken.add(u);
        }
        return taken;
    }
}
