package org.reliefdesk.central;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the central store's HTTP server; what it answers is the route table of
 * {@link CentralApi} (see docs/sync-protocol.md). Stateless: everything it knows is in the
 * database, so several servers can run against one PostgreSQL behind a load balancer.
 */
public final class CentralServer implements AutoCloseable {
    /** The largest JSON body taken; a push of 200 operations with forms is far below it. */
    public static final int MAX_JSON_BYTES = 4 * 1024 * 1024;
    /** The largest attachment piece taken in one request. */
    public static final int MAX_PIECE_BYTES = 8 * 1024 * 1024;
    /** The most operations one push may carry. */
    public static final int MAX_OPS = 500;

    static final String PREFIX = "/api/v1";

    private static final Logger LOG = LoggerFactory.getLogger(CentralServer.class);

    private final Server server;
    private final CentralStore store;

    private final boolean tls;
    /** The access log, or null: started before the server and stopped after it, not with it. */
    private final CustomRequestLog log;

    private CentralServer(Server server, CentralStore store, boolean tls, CustomRequestLog log) {
        this.server = server;
        this.store = store;
        this.tls = tls;
        this.log = log;
    }

    /** Starts on {@code host:port} (port 0: any free port). */
    public static CentralServer start(CentralStore store, String host, int port) throws Exception {
        return start(store, host, port, null, null);
    }

    /**
     * Starts on {@code host:port}, writing an access log when {@code accessLog} is not null.
     *
     * @param accessLog the log's file name, holding {@code yyyy_mm_dd} where the day goes (see {@link AccessLog})
     */
    public static CentralServer start(CentralStore store, String host, int port, Path accessLog) throws Exception {
        return start(store, host, port, null, accessLog);
    }

    /** Starts serving HTTPS with a PKCS#12 keystore (the server's certificate and key). */
    public static CentralServer startTls(
            CentralStore store, String host, int port, Path keystore, String password, Path accessLog)
            throws Exception {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(keystore.toAbsolutePath().toString());
        tls.setKeyStoreType("PKCS12");
        tls.setKeyStorePassword(password);
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        return start(store, host, port, tls, accessLog);
    }

    private static CentralServer start(
            CentralStore store, String host, int port, SslContextFactory.Server tls, Path accessLog) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(32, 4);
        pool.setName("central");
        Server server = new Server(pool);
        ServerConnector connector = tls == null ? new ServerConnector(server) : new ServerConnector(server, tls);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new CentralApi(store));
        server.setErrorHandler(new JsonErrors());
        CustomRequestLog log = accessLog == null ? null : AccessLog.to(accessLog);
        if (log != null) {
            // Jetty writes a request's line after its answer has gone; a log stopped with the server
            // dropped the lines of answers still finishing. It opens before the server and closes after.
            server.setRequestLog(log);
            server.unmanage(log);
            log.start();
        }
        try {
            server.start();
        } catch (Exception e) {
            stop(log);
            throw e;
        }
        LOG.info(
                "Central store listening on {}://{}:{}{}",
                tls == null ? "http" : "https",
                host,
                connector.getLocalPort(),
                PREFIX);
        return new CentralServer(server, store, tls != null, log);
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    public String url() {
        return (tls ? "https" : "http") + "://127.0.0.1:" + port();
    }

    public CentralStore store() {
        return store;
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } catch (Exception stopping) {
            // the server's own failure is the one to report; the log's, if any, rides along with it
            try {
                stop(log);
            } catch (Exception logging) {
                stopping.addSuppressed(logging);
            }
            throw stopping;
        }
        stop(log);
    }

    private static void stop(CustomRequestLog log) throws Exception {
        if (log != null) {
            log.stop();
        }
    }

    /** An answer other than 200, with a reason code and a message. */
    static final class ApiError extends RuntimeException {
        final int status;
        final String code;
        final Map<String, Object> extra;

        ApiError(int status, String code, String message) {
            this(status, code, message, Map.of());
        }

        ApiError(int status, String code, String message, Map<String, Object> extra) {
            super(message);
            this.status = status;
            this.code = code;
            this.extra = extra;
        }
    }
}
