package org.reliefdesk.central;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.function.Supplier;

import javax.sql.DataSource;

/**
 * A data source in front of a real one whose connections show each call to a watch of their own
 * before making it: a test sees (or steps into) what the store asks the database.
 */
final class WatchedConnections {

    /** What a connection's watch is shown: the call's method and arguments, before the call is made. */
    @FunctionalInterface
    interface Watch {
        void before(Method method, Object[] args);
    }

    private WatchedConnections() {}

    /** {@code target}'s connections, each with the watch {@code perConnection} gives it when it is taken. */
    static DataSource of(DataSource target, Supplier<Watch> perConnection) {
        return (DataSource) Proxy.newProxyInstance(
                WatchedConnections.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, m, args) -> {
                    Object result = call(m, target, args);
                    return result instanceof Connection c ? watched(c, perConnection.get()) : result;
                });
    }

    private static Connection watched(Connection target, Watch watch) {
        return (Connection) Proxy.newProxyInstance(
                WatchedConnections.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, m, args) -> {
                    watch.before(m, args);
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
