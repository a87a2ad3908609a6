package org.reliefdesk.logic;

import java.util.ArrayList;
import java.util.List;

/**
 * A failure and the causes under it, outermost first: libraries wrap the exception that says what
 * happened (H2's error code, a bind failure, a connection refused) in their own. Ends at a cause
 * seen before, so a throwable that names itself, or a loop, is walked once.
 */
public final class Causes {

    private Causes() {}

    public static List<Throwable> of(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
