package org.reliefdesk.central;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.sync.OpResult;
import org.reliefdesk.logic.sync.Operation;
import org.reliefdesk.logic.sync.OperationCodec;
import org.reliefdesk.logic.sync.PullPage;
import org.reliefdesk.logic.users.Capabilities;
import org.reliefdesk.logic.workflow.WorkflowEngine;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The central store's HTTP JSON API (see docs/sync-protocol.md). Stateless: everything it knows
 * is in the database, so several servers can run against one PostgreSQL behind a load balancer.
 */
public final class CentralServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CentralServer.class);
    /** The largest JSON body taken; a push of 200 operations with forms is far below it. */
    public static final int MAX_JSON_BYTES = 4 * 1024 * 1024;
    /** The largest attachment piece taken in one request. */
    public static final int MAX_PIECE_BYTES = 8 * 1024 * 1024;
    /** The most operations one push may carry. */
    public static final int MAX_OPS = 500;
    static final String PREFIX = "/api/v1";

    private final Server server;
    private final CentralStore store;

    private final boolean tls;

    private CentralServer(Server server, CentralStore store, boolean tls) {
        this.server = server;
        this.store = store;
        this.tls = tls;
    }

    /** Starts on {@code host:port} (port 0: any free port). */
    public static CentralServer start(CentralStore store, String host, int port) throws Exception {
        return start(store, host, port, null);
    }

    /** Starts serving HTTPS with a PKCS#12 keystore (the server's certificate and key). */
    public static CentralServer startTls(CentralStore store, String host, int port, Path keystore,
            String password) throws Exception {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(keystore.toAbsolutePath().toString());
        tls.setKeyStoreType("PKCS12");
        tls.setKeyStorePassword(password);
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        return start(store, host, port, tls);
    }

    private static CentralServer start(CentralStore store, String host, int port,
            SslContextFactory.Server tls) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(32, 4);
        pool.setName("central");
        Server server = new Server(pool);
        ServerConnector connector = tls == null ? new ServerConnector(server) : new ServerConnector(server, tls);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Api(store));
        server.setErrorHandler(new JsonErrors());
        server.start();
        LOG.info("Central store listening on {}://{}:{}{}", tls == null ? "http" : "https", host, connector.getLocalPort(),
                PREFIX);
        return new CentralServer(server, store, tls != null);
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
        server.stop();
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

    private static final class Api extends Handler.Abstract {

        private final CentralStore store;
        private final ObjectMapper json = OperationCodec.json();
        private final KeyDerivations derivations = new KeyDerivations();

        @Override
        protected void doStop() throws Exception {
            derivations.close();
            super.doStop();
        }

        Api(CentralStore store) {
            this.store = store;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            String method = request.getMethod();
            try {
                if (!path.startsWith(PREFIX + "/")) {
                    throw new ApiError(404, "notFound", "no such endpoint: " + path);
                }
                route(method, path.substring(PREFIX.length()), request, response, callback);
            } catch (RuntimeException | IOException e) {
                answer(e, method, path, request, response, callback);
            }
            return true;
        }

        /** The answer to a request that failed, by what failed: the rule, the gate, or an error id. */
        private void answer(Throwable failure, String method, String path, Request request, Response response,
                            Callback callback) {
            try {
                throw failure;
            } catch (ApiError e) {
                drain(request);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("error", e.code);
                body.put("message", e.getMessage());
                body.putAll(e.extra);
                send(response, callback, e.status, body);
            } catch (CentralUsers.Unauthorized e) {
                drain(request);
                if (e.retryAfterSeconds() > 0) {
                    response.getHeaders().put(HttpHeader.RETRY_AFTER, e.retryAfterSeconds());
                    send(response, callback, 429, Map.of("error", e.key(), "message", e.key(),
                            "retryAfter", e.retryAfterSeconds()));
                } else {
                    send(response, callback, 401, Map.of("error", e.key(), "message", e.key()));
                }
            } catch (KeyDerivations.Busy e) {
                drain(request);
                response.getHeaders().put(HttpHeader.RETRY_AFTER, KeyDerivations.RETRY_AFTER_SECONDS);
                send(response, callback, 429, Map.of("error", "sync.auth.busy", "message", "too many sign-ins at once; try again",
                        "retryAfter", KeyDerivations.RETRY_AFTER_SECONDS));
            } catch (InvalidFieldException e) {
                drain(request);
                // The rule, its field and its values, so a PC says it in its own language; the message in Chinese.
                send(response, callback, 400, Map.of("error", e.rule(), "field", e.field(), "args", e.args(),
                        "message", store.chinese().describe(e)));
            } catch (Throwable e) {
                // the trace to the log, only its id to the client: never SQL, tables or class names
                String id = ErrorIds.log(LOG, method + " " + path + " failed", e);
                drain(request);
                if (response.isCommitted()) {
                    callback.failed(e); // a download cut off midway: the PC resumes it with ?from=
                    return;
                }
                send(response, callback, 500, Map.of("error", "internal", "errorId", id, "message",
                        "the central store could not do this (error " + id + " in its log)"));
            }
        }

        private void route(String method, String path, Request request, Response response, Callback callback)
                throws IOException {
            if ("POST".equals(method) && "/sign-in".equals(path)) {
                JsonNode body = jsonBody(request);
                String password = text(body, "password");
                // the key derivation on a pool of its own, answered when done: a storm of sign-ins never
                // takes the threads that serve pulls and pushes (beyond the pool's queue: 429 with Retry-After)
                String username = text(body, "username");
                String clientId = text(body, "clientId");
                String address = Request.getRemoteAddr(request);
                derivations.submit(() -> store.users().signIn(username, password == null ? null : password.toCharArray(),
                        clientId, address, store.clock().instant())).whenComplete((in, error) -> {
                            if (error != null) {
                                answer(error instanceof CompletionException c && c.getCause() != null
                                        ? c.getCause() : error, method, "/sign-in", request, response, callback);
                            } else {
                                send(response, callback, 200, Map.of("token", in.token(), "expiresAt",
                                        in.expiresAt().toString(), "user", in.user()));
                            }
                        });
                return;
            }
            CentralUsers.Caller caller = store.users().authenticate(bearer(request), store.clock().instant());
            TicketScope scope = TicketScope.of(caller.user(), store.catalog());
            if ("GET".equals(method) && "/me".equals(path)) {
                send(response, callback, 200, Map.of("user", caller.user()));
            } else if ("GET".equals(method) && "/versions".equals(path)) {
                send(response, callback, 200, store.versions());
            } else if ("GET".equals(method) && "/changes".equals(path)) {
                // The scope is the caller's own; any county, department or township in the query is ignored.
                Fields q = Request.extractQueryParameters(request);
                long after = number(q, "after", 0);
                int limit = (int) number(q, "limit", 500);
                PullPage page = store.tickets().pull(scope, after, limit, "true".equals(q.getValue("count")));
                send(response, callback, 200, page);
            } else if ("POST".equals(method) && "/ops".equals(path)) {
                JsonNode body = jsonBody(request);
                JsonNode ops = body.path("ops");
                if (!ops.isArray()) {
                    throw new ApiError(400, "badRequest", "ops must be a list");
                }
                if (ops.size() > MAX_OPS) {
                    throw new ApiError(413, "tooLarge", "at most " + MAX_OPS + " operations in one push");
                }
                List<Operation> list = new ArrayList<>();
                for (JsonNode op : ops) {
                    try {
                        list.add(json.treeToValue(op, Operation.class));
                    } catch (JsonProcessingException | IllegalArgumentException e) {
                        throw new ApiError(400, "badOperation", "operation " + list.size() + ": " + e.getMessage());
                    }
                    Operation o = list.get(list.size() - 1);
                    if (o.opId() == null || o.kind() == null || o.ticketId() == null) {
                        throw new ApiError(400, "badOperation", "operation " + (list.size() - 1)
                                + ": opId, kind and ticketId are required");
                    }
                }
                List<OpResult> results = store.ops().push(caller, list);
                send(response, callback, 200, Map.of("results", results));
            } else if ("POST".equals(method) && "/intake".equals(path)) {
                if (!Capabilities.of(caller.user()).feedsIntake()) {
                    throw new ApiError(403, "forbidden", "only an administrator feeds the citizen channel");
                }
                String lines = new String(readBody(request, MAX_JSON_BYTES), StandardCharsets.UTF_8);
                // only tickets of the administrator's own county
                CentralTickets.Intake intake = store.tickets().intake(new BufferedReader(new StringReader(lines)),
                        caller.user().countyCode(), LocalDate.now(store.clock().withZone(WorkflowEngine.ZONE)),
                        store.clock().instant());
                send(response, callback, 200, intake);
            } else if (path.startsWith("/attachments/")) {
                attachments(caller.user(), scope, method, path.substring("/attachments/".length()), request, response,
                        callback);
            } else if ("GET".equals(method) && "/calendar".equals(path)) {
                send(response, callback, 200, Map.of("years", store.calendar().years()));
            } else if ("PUT".equals(method) && "/calendar".equals(path)) {
                // a holiday year counts for the whole province: never a county administrator's right
                if (!store.calendarEditors().contains(caller.user().username())) {
                    throw new ApiError(403, "forbidden", "holiday years are imported by the province's calendar editors");
                }
                String text = new String(readBody(request, MAX_JSON_BYTES), StandardCharsets.UTF_8);
                var year = store.calendar().put(text, caller.user().username(), store.clock().instant());
                LOG.info("Holiday year {} imported by {}", year.year(), caller.user().username());
                send(response, callback, 200, Map.of("year", year.year()));
            } else if ("/users".equals(path) || path.startsWith("/users/")) {
                users(caller.user(), method, path, request, response, callback);
            } else {
                throw new ApiError(404, "notFound", "no such endpoint: " + method + " " + path);
            }
        }

        /**
         * An administrator manages the users of their own county: list, add (with a first password),
         * disable. The county is always the administrator's; another county's user is "not found".
         */
        private void users(User admin, String method, String path, Request request, Response response,
                Callback callback) throws IOException {
            if (!Capabilities.of(admin).administers()) {
                throw new ApiError(403, "forbidden", "only an administrator manages users");
            }
            if ("GET".equals(method) && "/users".equals(path)) {
                send(response, callback, 200, Map.of("users", store.users().listOf(admin.countyCode())));
            } else if ("POST".equals(method) && "/users".equals(path)) {
                JsonNode body = jsonBody(request);
                JsonNode u = body.path("user");
                User user = new User(text(u, "username"), text(u, "displayName"), role(text(u, "role")),
                        admin.countyCode(), text(u, "departmentCode"), text(u, "townshipCode"));
                String password = text(body, "password");
                store.users().add(user, password == null ? null : password.toCharArray(), store.clock().instant());
                LOG.info("User {} added by {}", user.username(), admin.username());
                send(response, callback, 200, Map.of("user", user));
            } else if ("POST".equals(method) && path.startsWith("/users/") && path.endsWith("/disable")) {
                drain(request); // nothing is read from the body
                String name = path.substring("/users/".length(), path.length() - "/disable".length());
                boolean ours = store.users().listOf(admin.countyCode()).stream()
                        .anyMatch(l -> l.user().username().equals(name));
                if (!ours) {
                    throw new ApiError(404, "notFound", "no user " + name + " in this county");
                }
                if (name.equals(admin.username())) {
                    throw new InvalidFieldException("username", "rule.user.disableSelf");
                }
                store.users().disable(name);
                LOG.info("User {} disabled by {}", name, admin.username());
                send(response, callback, 200, Map.of("disabled", name));
            } else {
                throw new ApiError(404, "notFound", "no such endpoint: " + method + " " + path);
            }
        }

        /** A role by name; none or an unknown one is the role field's error, not a server error. */
        private static Role role(String name) {
            try {
                return name == null ? null : Role.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("role", "rule.user.role");
            }
        }

        /**
         * Attachments, only for tickets in the caller's scope: an upload (and its status) names the
         * ticket it comes with, which must be in scope or not yet on the central store (a ticket
         * being opened); leaders only read. A download is for an attachment a ticket in scope
         * names; any other is "not found", the same as one that does not exist.
         */
        private void attachments(User user, TicketScope scope, String method, String rest, Request request,
                Response response, Callback callback) throws IOException {
            boolean status = rest.endsWith("/status");
            String sha = status ? rest.substring(0, rest.length() - "/status".length()) : rest;
            if (!CentralAttachments.validName(sha)) {
                throw new ApiError(400, "badName", "an attachment is named by 64 lower-case hex digits");
            }
            Fields q = Request.extractQueryParameters(request);
            if (status || "PUT".equals(method)) {
                uploadAllowed(user, q.getValue("ticket"));
            }
            if ("GET".equals(method) && status) {
                send(response, callback, 200, store.attachments().status(sha));
            } else if ("PUT".equals(method) && !status) {
                byte[] piece = readBody(request, MAX_PIECE_BYTES);
                try {
                    send(response, callback, 200, store.attachments().append(sha, number(q, "offset", 0),
                            number(q, "total", -1), piece, user.username(), store.clock().instant()));
                } catch (CentralAttachments.WrongOffset e) {
                    throw new ApiError(409, "wrongOffset", e.getMessage(), Map.of("received", e.received()));
                } catch (IllegalArgumentException e) {
                    throw new ApiError(422, "badAttachment", e.getMessage());
                }
            } else if ("GET".equals(method)) {
                if (!store.tickets().attachmentInScope(sha, scope)) {
                    throw new ApiError(404, "notFound", "no attachment " + sha);
                }
                long size = store.attachments().size(sha)
                        .orElseThrow(() -> new ApiError(404, "notFound", "no attachment " + sha));
                long from = Math.min(size, Math.max(0, number(q, "from", 0)));
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, size - from);
                // streamed piece by piece: the server never holds the whole file
                try (OutputStream out = Content.Sink.asOutputStream(response)) {
                    store.attachments().copy(sha, from, out);
                }
                callback.succeeded();
            } else {
                throw new ApiError(405, "method", method + " is not taken here");
            }
        }

        /** Who may upload: staff (leaders and administrators only read), for a ticket in scope or a new one. */
        private void uploadAllowed(User user, String ticket) {
            if (!Capabilities.of(user).handlesTickets()) {
                throw new ApiError(403, "forbidden", "only clerks and township staff attach files");
            }
            UUID id;
            try {
                id = UUID.fromString(String.valueOf(ticket));
            } catch (IllegalArgumentException e) {
                throw new ApiError(400, "badRequest", "ticket must name the ticket the attachment comes with");
            }
            var held = store.database().inTransaction(c -> store.tickets().find(c, id));
            if (held.isPresent() && !TicketScope.of(user, store.catalog()).covers(held.get().ticket())) {
                throw new ApiError(404, "notFound", "no such ticket");
            }
        }

        /** The token of {@code Authorization: Bearer …}; the scheme's name in any case (RFC 7235). */
        private static String bearer(Request request) {
            String h = request.getHeaders().get(HttpHeader.AUTHORIZATION);
            return h != null && h.length() > 7 && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).strip() : null;
        }

        private static String text(JsonNode n, String field) {
            JsonNode v = n.get(field);
            return v == null || v.isNull() ? null : v.asText();
        }

        private static long number(Fields q, String name, long fallback) {
            String v = q.getValue(name);
            if (v == null) {
                return fallback;
            }
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new ApiError(400, "badRequest", name + " must be a whole number");
            }
        }

        private JsonNode jsonBody(Request request) throws IOException {
            byte[] bytes = readBody(request, MAX_JSON_BYTES);
            try {
                JsonNode n = json.readTree(bytes);
                if (n == null || !n.isObject()) {
                    throw new ApiError(400, "badJson", "the body must be a JSON object");
                }
                return n;
            } catch (JsonProcessingException e) {
                throw new ApiError(400, "badJson", "the body is not JSON: " + e.getOriginalMessage());
            }
        }

        /** Reads at most {@code max} bytes; a longer body is refused before anything is done with it. */
        /**
         * Reads what is left of a request's body before an answer that did not need it (an error, a
         * disable): the client may send its next call on the same connection, which Jetty would
         * otherwise close under it. A body far too large is left (the connection closes instead).
         */
        private static void drain(Request request) {
            long declared = request.getLength();
            if (declared > 4L * MAX_PIECE_BYTES) {
                return;
            }
            try (InputStream in = Content.Source.asInputStream(request)) {
                byte[] buffer = new byte[8192];
                long left = 4L * MAX_PIECE_BYTES;
                int n;
                while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                    left -= n;
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("Request body not drained: {}", e.toString());
            }
        }

        private static byte[] readBody(Request request, int max) throws IOException {
            long declared = request.getLength();
            if (declared > 4L * max) {
                // Far too large to be a mistake of size: refuse without reading it.
                throw new ApiError(413, "tooLarge", "the body is larger than " + max + " bytes");
            }
            try (InputStream in = Content.Source.asInputStream(request)) {
                byte[] bytes = in.readNBytes(max + 1);
                if (bytes.length > max) {
                    // Read the rest (bounded above), so the client hears the answer instead of a broken pipe.
                    in.skipNBytes(Math.max(0, Math.min(declared, 4L * max) - bytes.length));
                    throw new ApiError(413, "tooLarge", "the body is larger than " + max + " bytes");
                }
                return bytes;
            }
        }

        private void send(Response response, Callback callback, int status, Object body) {
            byte[] bytes;
            try {
                bytes = json.writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                bytes = "{\"error\":\"internal\"}".getBytes(StandardCharsets.UTF_8);
                status = 500;
            }
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            response.write(true, ByteBuffer.wrap(bytes), callback);
        }
    }
}
