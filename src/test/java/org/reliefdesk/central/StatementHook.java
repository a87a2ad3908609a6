package org.reliefdesk.central;

import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

/**
 * A data source in front of a real one that runs a piece of work once, just before the first
 * statement whose SQL contains a given text is prepared: other requests' writes committed between
 * two statements of one transaction, at exactly that point.
 */
final class StatementHook {

    private StatementHook() {}

    /** {@code target}'s connections; {@code work} (taken, so it runs once) before the statement naming {@code text}. */
    static DataSource before(DataSource target, String text, AtomicReference<Runnable> work) {
        return WatchedConnections.of(target, () -> (m, args) -> {
            if (m.getName().equals("prepareStatement") && args[0] instanceof String sql && sql.contains(text)) {
                Runnable w = work.getAndSet(null);
                if (w != null) {
                    w.run();
                }
            }
        });
    }
}
