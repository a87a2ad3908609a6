package org.reliefdesk.logic;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CausesTest {

    @Test
    void theChainOutermostFirst() {
        SQLException root = new SQLException("locked");
        IOException middle = new IOException("wrapped", root);
        RuntimeException top = new RuntimeException(middle);
        assertEquals(List.of(top, middle, root), Causes.of(top));
        assertEquals(List.of(), Causes.of(null));
    }

    /** A cause loop (a library that sets its cause late) is walked once, not forever. */
    @Test
    void aLoopIsWalkedOnce() {
        IOException a = new IOException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertEquals(List.of(b, a), Causes.of(b));
    }
}
