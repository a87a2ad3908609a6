package org.reliefdesk.central;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.reliefdesk.central.CentralServer.ApiError;
import org.reliefdesk.logic.ErrorIds;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.sync.OperationCodec;
import org.reliefdesk.model.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The central store's HTTP JSON API (docs/sync-protocol.md) as one table: method, path, who may
 * call it, and the endpoint that answers. Every route but signing in needs a token; the caller's
 * scope comes from their user, never from the request. Failures are answered by what failed: the
 * rule (400 with its field and values), the gate (401, 403, 429), or an error id (500).
 */
final class CentralApi extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(CentralApi.class);

    private final CentralStore store;
    private final ObjectMapper json = OperationCodec.json();
    private final KeyDerivations derivations = new KeyDerivations();
    private final List<Route> routes;

    CentralApi(CentralStore store) {
        this.store = store;
        Endpoints e = new Endpoints(store, json, derivations, this::answerLater);
        this.routes = List.of(
                new Route("POST", "/sign-in", Access.ANYONE, e::signIn),
                new Route("POST", "/sign-in/salt", Access.ANYONE, e::signInRecipe),
                new Route("GET", "/me", Access.SIGNED_IN, e::me),
                new Route("GET", "/versions", Access.SIGNED_IN, e::versions),
                new Route("GET", "/changes", Access.SIGNED_IN, e::changes),
                new Route("POST", "/ops", Access.SIGNED_IN, e::push),
                new Route("POST", "/intake", Access.INTAKE, e::intake),
                new Route("GET", "/attachments/{sha}/status", Access.STAFF, e::uploadStatus),
                new Route("PUT", "/attachments/{sha}", Access.STAFF, e::upload),
                new Route("GET", "/attachments/{sha}", Access.SIGNED_IN, e::download),
                new Route("GET", "/people", Access.SIGNED_IN, e::people),
                new Route("GET", "/calendar", Access.SIGNED_IN, e::calendar),
                new Route("PUT", "/calendar", Access.CALENDAR_EDITOR, e::putCalendar),
                new Route("GET", "/users", Access.ADMINISTRATOR, e::users),
                new Route("POST", "/users", Access.ADMINISTRATOR, e::addUser),
                new Route("POST", "/users/{username}/disable", Access.ADMINISTRATOR, e::disableUser),
                new Route("POST", "/users/{username}/enable", Access.ADMINISTRATOR, e::enableUser));
    }

    /** The routes, for the protocol's documentation and its test. */
    List<Route> routes() {
        return routes;
    }

    @Override
    protected void doStop() throws Exception {
        derivations.close();
        super.doStop();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        Exchange bare = new Exchange(request, response, callback, null, null, Map.of(), json);
        try {
            if (!path.startsWith(CentralServer.PREFIX + "/")) {
                throw new ApiError(404, "notFound", "no such endpoint: " + path);
            }
            dispatch(method, path.substring(CentralServer.PREFIX.length()), request, response, callback);
        } catch (Exception | LinkageError | AssertionError e) {
            answer(e, method, path, bare);
        }
        return true;
    }

    private void dispatch(String method, String path, Request request, Response response, Callback callback)
            throws Exception {
        Route found = null;
        Map<String, String> params = null;
        boolean pathKnown = false;
        for (Route r : routes) {
            Optional<Map<String, String>> m = r.match(path);
            if (m.isPresent()) {
                pathKnown = true;
                if (r.method().equals(method)) {
                    found = r;
                    params = m.get();
                    break;
                }
            }
        }
        if (found != null && !found.access().signedIn()) {
            found.endpoint().handle(new Exchange(request, response, callback, null, null, params, json));
            return;
        }
        // who calls first: an unknown endpoint is only said to someone signed in
        CentralUsers.Caller caller =
                store.users().authenticate(bearer(request), store.clock().instant());
        if (found == null) {
            throw pathKnown
                    ? new ApiError(405, "method", method + " is not taken here")
                    : new ApiError(404, "notFound", "no such endpoint: " + method + " " + path);
        }
        if (!found.access().allows().test(store, caller.user())) {
            throw new ApiError(403, "forbidden", found.access().refusal());
        }
        TicketScope scope = TicketScope.of(caller.user(), store.catalog());
        found.endpoint().handle(new Exchange(request, response, callback, caller, scope, params, json));
    }

    private void answerLater(Throwable failure, Exchange x) {
        answer(failure, x.request.getMethod(), Request.getPathInContext(x.request), x);
    }

    /** The answer to a request that failed, by what failed: the rule, the gate, or an error id. */
    private void answer(Throwable failure, String method, String path, Exchange x) {
        Request request = x.request;
        Response response = x.response;
        Callback callback = x.callback;
        if (failure instanceof ApiError e) {
            Exchange.drain(request);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.code);
            body.put("message", e.getMessage());
            body.putAll(e.extra);
            x.send(e.status, body);
        } else if (failure instanceof CentralUsers.Unauthorized e) {
            Exchange.drain(request);
            if (e.retryAfterSeconds() > 0) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, e.retryAfterSeconds());
                x.send(429, Map.of("error", e.key(), "message", e.key(), "retryAfter", e.retryAfterSeconds()));
            } else {
                x.send(401, Map.of("error", e.key(), "message", e.key()));
            }
        } else if (failure instanceof KeyDerivations.Busy) {
            Exchange.drain(request);
            response.getHeaders().put(HttpHeader.RETRY_AFTER, KeyDerivations.RETRY_AFTER_SECONDS);
            x.send(
                    429,
                    Map.of(
                            "error",
                            "sync.auth.busy",
                            "message",
                            "too many sign-ins at once; try again",
                            "retryAfter",
                            KeyDerivations.RETRY_AFTER_SECONDS));
        } else if (failure instanceof InvalidFieldException e) {
            Exchange.drain(request);
            // The rule, its field and its values, so a PC says it in its own language; the message in Chinese.
            x.send(
                    400,
                    Map.of(
                            "error",
                            e.rule(),
                            "field",
                            e.field(),
                            "args",
                            e.args(),
                            "message",
                            store.chinese().describe(e)));
        } else {
            // the trace to the log, only its id to the client: never SQL, tables or class names
            String id = ErrorIds.log(LOG, method + " " + path + " failed", failure);
            Exchange.drain(request);
            if (response.isCommitted()) {
                callback.failed(failure); // a download cut off midway: the PC resumes it with ?from=
                return;
            }
            x.send(
                    500,
                    Map.of(
                            "error",
                            "internal",
                            "errorId",
                            id,
                            "message",
                            "the central store could not do this (error " + id + " in its log)"));
        }
    }

    /** The token of {@code Authorization: Bearer …}; the scheme's name in any case (RFC 7235). */
    private static String bearer(Request request) {
        String h = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        return h != null && h.length() > 7 && h.regionMatches(true, 0, "Bearer ", 0, 7)
                ? h.substring(7).strip()
                : null;
    }
}
