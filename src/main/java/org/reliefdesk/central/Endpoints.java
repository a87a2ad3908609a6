package org.reliefdesk.central;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.reliefdesk.central.CentralServer.ApiError;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.sync.OpResult;
import org.reliefdesk.logic.sync.Operation;
import org.reliefdesk.logic.users.PasswordHash;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What answers each route of the central store (the table is in {@link CentralApi}). */
final class Endpoints {

    private static final Logger LOG = LoggerFactory.getLogger(Endpoints.class);

    private final CentralStore store;
    private final ObjectMapper json;
    private final ObjectMapper ticketsAsObjects;
    private final ObjectMapper ticketsAsStrings;
    private final KeyDerivations derivations;
    /** Answers a request that failed after its handler returned (a sign-in answered later). */
    private final BiConsumer<Throwable, Exchange> failed;

    Endpoints(
            CentralStore store, ObjectMapper json, KeyDerivations derivations, BiConsumer<Throwable, Exchange> failed) {
        this.store = store;
        this.json = json;
        this.ticketsAsObjects = TicketsAsObjects.objects(json);
        this.ticketsAsStrings = TicketsAsObjects.strings(json);
        this.derivations = derivations;
        this.failed = failed;
    }

    /** How the PC derives the key of a name's password (no derivation here; the same for any name). */
    void signInRecipe(Exchange x) throws IOException {
        PasswordHash.Recipe r = store.users().recipe(Exchange.text(x.jsonBody(), "username"));
        x.send(200, Map.of("kdf", "pbkdf2-sha256", "iterations", r.iterations(), "salt", r.saltText()));
    }

    /**
     * A PC of this release sends its password's key, checked at once on this thread (one SHA-256).
     * An older PC sends the password: its key derivation runs on a pool of its own and is answered
     * when done, so a storm of such sign-ins never takes the threads that serve pulls and pushes
     * (beyond the pool's queue: 429 with Retry-After).
     */
    void signIn(Exchange x) throws IOException {
        JsonNode body = x.jsonBody();
        String password = Exchange.text(body, "password");
        String key = Exchange.text(body, "key");
        if (password != null && key != null) {
            throw new ApiError(400, "badRequest", "send a key or a password, not both");
        }
        String username = Exchange.text(body, "username");
        String clientId = Exchange.text(body, "clientId");
        String address = Request.getRemoteAddr(x.request);
        if (key != null) {
            SignInProof proof = new SignInProof.Key(
                    bytes(key), recipe(body.path("upgrade")), bytes(Exchange.text(body.path("upgrade"), "key")));
            answer(
                    x,
                    store.users()
                            .signIn(
                                    username,
                                    proof,
                                    clientId,
                                    address,
                                    store.clock().instant()));
            return;
        }
        SignInProof proof = new SignInProof.Password(password == null ? null : password.toCharArray());
        derivations
                .submit(() -> store.users()
                        .signIn(
                                username,
                                proof,
                                clientId,
                                address,
                                store.clock().instant()))
                .whenComplete((in, error) -> {
                    if (error != null) {
                        failed.accept(
                                error instanceof CompletionException c && c.getCause() != null ? c.getCause() : error,
                                x);
                    } else {
                        answer(x, in);
                    }
                });
    }

    private static void answer(Exchange x, CentralUsers.SignedIn in) {
        x.send(200, Map.of("token", in.token(), "expiresAt", in.expiresAt().toString(), "user", in.user()));
    }

    /** Base64 from the wire; null (a key that matches nothing) when absent or not Base64. */
    private static byte[] bytes(String b64) {
        try {
            return b64 == null ? null : Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The recipe a PC made a replacement key with; null when it sent none or a broken one. */
    private static PasswordHash.Recipe recipe(JsonNode upgrade) {
        byte[] salt = bytes(Exchange.text(upgrade, "salt"));
        JsonNode n = upgrade.path("iterations");
        return salt == null || !n.canConvertToInt() ? null : new PasswordHash.Recipe(salt, n.asInt());
    }

    void me(Exchange x) {
        x.send(200, Map.of("user", x.user()));
    }

    void versions(Exchange x) {
        x.send(200, store.versions());
    }

    /** The scope is the caller's own; any county, department or township in the query is ignored. */
    void changes(Exchange x) throws IOException {
        ServedPage page = store.tickets()
                .page(
                        x.scope,
                        x.number("after", 0),
                        x.number("limit", 500),
                        "true".equals(x.query("count")),
                        "true".equals(x.query("held")));
        // a PC of this version asks for its tickets as objects; one of an earlier version gets strings
        x.sendInPieces(page, "objects".equals(x.query("tickets")) ? ticketsAsObjects : ticketsAsStrings);
    }

    void push(Exchange x) throws IOException {
        JsonNode ops = x.jsonBody().path("ops");
        if (!ops.isArray()) {
            throw new ApiError(400, "badRequest", "ops must be a list");
        }
        if (ops.size() > CentralServer.MAX_OPS) {
            throw new ApiError(413, "tooLarge", "at most " + CentralServer.MAX_OPS + " operations in one push");
        }
        List<Operation> list = new ArrayList<>();
        for (JsonNode op : ops) {
            Operation o;
            try {
                o = json.treeToValue(op, Operation.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new ApiError(400, "badOperation", "operation " + list.size() + ": " + e.getMessage());
            }
            if (o.opId() == null || o.kind() == null || o.ticketId() == null) {
                throw new ApiError(
                        400, "badOperation", "operation " + list.size() + ": opId, kind and ticketId are required");
            }
            list.add(o);
        }
        List<OpResult> results = store.ops().push(x.caller, list);
        x.send(200, Map.of("results", results));
    }

    /** Lines of the citizen channel, only for the administrator's own county. */
    void intake(Exchange x) throws IOException {
        String lines = new String(x.body(CentralServer.MAX_JSON_BYTES), StandardCharsets.UTF_8);
        CentralTickets.Intake intake = store.tickets()
                .intake(
                        new BufferedReader(new StringReader(lines)),
                        x.user().countyCode(),
                        LocalDate.now(store.clock().withZone(ChinaTime.ZONE)),
                        store.clock().instant());
        x.send(200, intake);
    }

    void calendar(Exchange x) {
        x.send(200, Map.of("years", store.calendar().years()));
    }

    void putCalendar(Exchange x) throws IOException {
        String text = new String(x.body(CentralServer.MAX_JSON_BYTES), StandardCharsets.UTF_8);
        var year = store.calendar().put(text, x.user().username(), store.clock().instant());
        LOG.info("Holiday year {} imported by {}", year.year(), x.user().username());
        x.send(200, Map.of("year", year.year()));
    }

    /**
     * The display names of the people of the caller's own county, disabled ones too (their names
     * stay in histories): only names, never roles, scopes or anything of another county.
     */
    void people(Exchange x) {
        List<Map<String, String>> people = store.users().listOf(x.user().countyCode()).stream()
                .map(l -> Map.of(
                        "username", l.user().username(), "displayName", l.user().displayName()))
                .toList();
        x.send(200, Map.of("people", people));
    }

    /** The users of the administrator's own county. */
    void users(Exchange x) {
        x.send(200, Map.of("users", store.users().listOf(x.user().countyCode())));
    }

    /** A user of the administrator's county, with a first password; the county is always the administrator's. */
    void addUser(Exchange x) throws IOException {
        JsonNode body = x.jsonBody();
        JsonNode u = body.path("user");
        User admin = x.user();
        User user = new User(
                Exchange.text(u, "username"),
                Exchange.text(u, "displayName"),
                role(Exchange.text(u, "role")),
                admin.countyCode(),
                Exchange.text(u, "departmentCode"),
                Exchange.text(u, "townshipCode"));
        String password = Exchange.text(body, "password");
        store.users()
                .add(
                        user,
                        password == null ? null : password.toCharArray(),
                        store.clock().instant());
        LOG.info("User {} added by {}", user.username(), admin.username());
        x.send(200, Map.of("user", user));
    }

    /** Another county's user is "not found", the same as one that does not exist. */
    void disableUser(Exchange x) {
        Exchange.drain(x.request); // nothing is read from the body
        User admin = x.user();
        String name = ownCountysUser(x, admin);
        if (name.equals(admin.username())) {
            throw new InvalidFieldException("username", "rule.user.disableSelf");
        }
        store.users().disable(name);
        LOG.info("User {} disabled by {}", name, admin.username());
        x.send(200, Map.of("disabled", name));
    }

    /** A disabled user may sign in again (with the password they had); another county's is "not found". */
    void enableUser(Exchange x) {
        Exchange.drain(x.request);
        User admin = x.user();
        String name = ownCountysUser(x, admin);
        store.users().enable(name);
        LOG.info("User {} enabled again by {}", name, admin.username());
        x.send(200, Map.of("enabled", name));
    }

    /** The user the path names, when they belong to the administrator's county. */
    private String ownCountysUser(Exchange x, User admin) {
        String name = x.param("username");
        boolean ours = store.users().listOf(admin.countyCode()).stream()
                .anyMatch(l -> l.user().username().equals(name));
        if (!ours) {
            throw new ApiError(404, "notFound", "no user " + name + " in this county");
        }
        return name;
    }

    /** A role by name; none or an unknown one is the role field's error, not a server error. */
    private static Role role(String name) {
        try {
            return name == null ? null : Role.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("role", "rule.user.role");
        }
    }

    /** How far an upload got, for a ticket in scope or a new one. */
    void uploadStatus(Exchange x) {
        String sha = attachmentName(x);
        uploadAllowed(x);
        x.send(200, store.attachments().status(sha));
    }

    /** One piece of an upload, appended where the last one ended. */
    void upload(Exchange x) throws IOException {
        String sha = attachmentName(x);
        uploadAllowed(x);
        byte[] piece = x.body(CentralServer.MAX_PIECE_BYTES);
        try {
            x.send(
                    200,
                    store.attachments()
                            .append(
                                    sha,
                                    x.number("offset", 0),
                                    x.number("total", -1),
                                    piece,
                                    x.user().username(),
                                    store.clock().instant()));
        } catch (CentralAttachments.WrongOffset e) {
            throw new ApiError(409, "wrongOffset", e.getMessage(), Map.of("received", e.received()));
        } catch (IllegalArgumentException e) {
            throw new ApiError(422, "badAttachment", e.getMessage());
        }
    }

    /** An attachment a ticket in scope names, streamed piece by piece; any other is "not found". */
    void download(Exchange x) throws IOException {
        String sha = attachmentName(x);
        if (!store.tickets().attachmentInScope(sha, x.scope)) {
            throw new ApiError(404, "notFound", "no attachment " + sha);
        }
        long size =
                store.attachments().size(sha).orElseThrow(() -> new ApiError(404, "notFound", "no attachment " + sha));
        long from = Math.min(size, Math.max(0, x.number("from", 0)));
        x.response.setStatus(200);
        x.response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
        x.response.getHeaders().put(HttpHeader.CONTENT_LENGTH, size - from);
        // the server never holds the whole file
        try (OutputStream out = Content.Sink.asOutputStream(x.response)) {
            store.attachments().copy(sha, from, out);
        }
        x.callback.succeeded();
    }

    /** An attachment's name from the path: never used as a file path unless it is 64 hex digits. */
    private static String attachmentName(Exchange x) {
        String sha = x.param("sha");
        if (!CentralAttachments.validName(sha)) {
            throw new ApiError(400, "badName", "an attachment is named by 64 lower-case hex digits");
        }
        return sha;
    }

    /** An upload names the ticket it comes with: one in the caller's scope, or one not yet here (being opened). */
    private void uploadAllowed(Exchange x) {
        UUID id;
        try {
            id = UUID.fromString(String.valueOf(x.query("ticket")));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "badRequest", "ticket must name the ticket the attachment comes with");
        }
        var held = store.database().read(c -> store.tickets().find(c, id));
        if (held.isPresent()
                && !TicketScope.of(x.user(), store.catalog()).covers(held.get().ticket())) {
            throw new ApiError(404, "notFound", "no such ticket");
        }
    }
}
