package org.reliefdesk.central;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
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
        return (DataSource) Proxy.newProxyInstance(
                StatementHook.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, m, args) -> {
                    Object result = call(m, target, args);
                    return result instanceof Connection c ? connection(c, text, work) : result;
                });
    }

    private static Connection connection(Connection target, String text, AtomicReference<Runnable> work) {
        return (Connection) Proxy.newProxyInstance(
                StatementHook.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, m, args) -> {
                    if (m.getName().equals("prepareStatement") && args[0] instanceof String sql && sql.contains(text)) {
                        Runnable w = work.getAndSet(null);
                        if (w != null) {
                            w.run();
                        }
                    }
                    return call(m, target, args);
                });
    }

    private static Object call(Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
