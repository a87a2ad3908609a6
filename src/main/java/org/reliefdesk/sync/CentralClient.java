package org.reliefdesk.sync;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.reliefdesk.logic.Causes;
import org.reliefdesk.logic.ErrorIds;
import org.reliefdesk.logic.Sha256;
import org.reliefdesk.logic.Worded;
import org.reliefdesk.logic.calendar.YearFile;
import org.reliefdesk.logic.sync.OpResult;
import org.reliefdesk.logic.sync.Operation;
import org.reliefdesk.logic.sync.OperationCodec;
import org.reliefdesk.logic.sync.PullPage;
import org.reliefdesk.logic.sync.WireLimits;
import org.reliefdesk.logic.users.ListedUser;
import org.reliefdesk.logic.users.PasswordHash;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.User;
import org.reliefdesk.store.People;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The central store's HTTP API as the county PC calls it (docs/sync-protocol.md). Closed when done:
 * see {@link #close()}.
 */
public final class CentralClient implements AutoCloseable {

    /** The reason code of an answer that is not a central store's ({@link Refused#notCentral}). */
    public static final String NOT_CENTRAL = "sync.notCentral";

    /** A piece of an attachment upload; a broken upload resumes after the last whole piece. */
    static final int PIECE = 1024 * 1024;

    /** The central store cannot be reached (no network, server down, timeout): try again later. */
    public static final class Unreachable extends IOException implements Worded {
        private final String url;

        Unreachable(String url, String message, Throwable cause) {
            super(message, cause);
            this.url = url;
        }

        /** The central store's address that could not be reached (what a person is shown). */
        public String url() {
            return url;
        }

        @Override
        public String messageKey() {
            return "sync.unreachable";
        }

        @Override
        public Object[] messageArgs() {
            return new Object[] {url};
        }
    }

    /** The central store answered with an error: {@code status} and its reason code. */
    public static final class Refused extends IOException implements Worded {
        private final int status;
        private final String code;

        private final transient InvalidFieldException invalidField;
        private final long retryAfterSeconds;
        private final transient Object[] args;

        Refused(int status, String code, String message) {
            this(status, code, message, null, 0);
        }

        Refused(int status, String code, String message, InvalidFieldException invalidField, long retryAfterSeconds) {
            this(status, code, message, invalidField, retryAfterSeconds, new Object[] {retryAfterSeconds});
        }

        private Refused(
                int status,
                String code,
                String message,
                InvalidFieldException invalidField,
                long retryAfterSeconds,
                Object[] args) {
            super(status + " " + code + ": " + message);
            this.status = status;
            this.code = code;
            this.invalidField = invalidField;
            this.retryAfterSeconds = retryAfterSeconds;
            this.args = args;
        }

        /**
         * Whoever answered at {@code url} is not a central store of ours ({@link #NOT_CENTRAL}): a
         * web server, an office network's login page, another program. Its answer is only logged.
         */
        static Refused notCentral(String url, int status, String answer) {
            String shown = answer.length() > 200 ? answer.substring(0, 200) + "…" : answer;
            return new Refused(
                    status,
                    NOT_CENTRAL,
                    "the answer from " + url + " is not a central store's: " + shown,
                    null,
                    0,
                    new Object[] {url, status});
        }

        /** How long the central store asked to wait (a throttled or busy sign-in), else 0. */
        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        /** A field the central store refused, with its rule and values (to say in the PC's language). */
        public Optional<InvalidFieldException> invalidField() {
            return Optional.ofNullable(invalidField);
        }

        /** The reason code, which is also the key of its text (a newer central store may send one this PC lacks). */
        @Override
        public String messageKey() {
            return code;
        }

        @Override
        public Object[] messageArgs() {
            return args.clone();
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    /**
     * What a sign-in gives: the token, the user, and the hash to keep for signing in offline
     * (made from the key the PC derived, so no second derivation; null when the key was derived
     * ahead, as the load benchmark does).
     */
    public record Session(String token, User user, String offlineHash) {}

    private static final Logger LOG = LoggerFactory.getLogger(CentralClient.class);

    /**
     * A reason code of the central store: an identifier (letters and digits, parts joined by dots),
     * as docs/sync-protocol.md says; "Not Found" or "not_found" are someone else's.
     */
    private static final Pattern REASON_CODE = Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*");

    private static final long SELECTOR_JOIN_MILLIS = 500;

    private final URI base;
    private final HttpClient http;
    // A central store of a later version may add fields to its answers: read past them.
    private final ObjectMapper json =
            OperationCodec.json().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Duration timeout;
    private volatile boolean closed;

    public CentralClient(String baseUrl, Duration timeout) {
        String url = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.base = URI.create(url + "/api/v1");
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout);
        if ("http".equalsIgnoreCase(this.base.getScheme())) {
            // no TLS on a plain address (and redirects are not followed): the JDK's default TLS context
            // reads the whole trust store, a tenth of a second of every sign-in, for nothing
            builder.sslContext(noTls());
        }
        this.http = builder.build();
    }

    /** A TLS context that trusts no one, for a client that never speaks TLS. */
    private static SSLContext noTls() {
        try {
            SSLContext none = SSLContext.getInstance("TLS");
            none.init(null, new TrustManager[0], null);
            return none;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is part of every JDK", e);
        }
    }

    /**
     * Ends the HTTP client's selector thread. On Java 17 that thread waits in a native call until the
     * client is garbage collected, and while any thread is in a native call HotSpot's exit waits
     * 300 ms for it ({@code VM_Exit::wait_for_threads_in_native_to_block}): every {@code sync} took
     * 0.3 s longer to end. Java 21's client closes itself; on 17 its selector thread, named by the
     * client's id, ends when interrupted. A request after this is refused at once (on 17 it would
     * wait forever for the ended thread).
     */
    @Override
    public void close() {
        closed = true;
        if (http instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("HTTP client not closed", e);
            }
            return;
        }
        Thread selector = selectorThread();
        if (selector != null) {
            selector.interrupt();
            try {
                selector.join(SELECTOR_JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The client's selector thread, named by the id its name ends with ("…(7)": "HttpClient-7-SelectorManager"). */
    Thread selectorThread() {
        String client = http.toString();
        int open = client.lastIndexOf('(');
        if (open < 0 || !client.endsWith(")")) {
            return null;
        }
        String name = "HttpClient-" + client.substring(open + 1, client.length() - 1) + "-SelectorManager";
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name))
                .findFirst()
                .orElse(null);
    }

    /**
     * Signs in: asks the central store for the name's recipe, derives the password's key here (the
     * slow part, on this PC's CPU) and sends the key, never the password — not even to a central
     * store without keys (an earlier release, or someone posing as one): that is refused,
     * {@code sync.auth.centralTooOld}, and the central store is upgraded first.
     */
    public Session signIn(String username, char[] password, String clientId) throws IOException {
        return signIn(prove(username, password), clientId);
    }

    /**
     * What a sign-in sends for a password, made ahead: the name's recipe asked of the central
     * store and the key derived (half a second of this PC's CPU). A command opens its store
     * meanwhile, since only the sign-in itself needs the PC's id.
     */
    public record Proof(String username, byte[] key, PasswordHash.Recipe fresh, byte[] newKey, String offlineHash) {}

    /** The {@link Proof} of a name's password, derived on the terms the central store gives for it. */
    public Proof prove(String username, char[] password) throws IOException {
        PasswordHash.Recipe recipe = recipe(username);
        byte[] key = PasswordHash.key(password, recipe);
        if (!recipe.outdated()) {
            return new Proof(username, key, null, null, PasswordHash.ofKey(recipe, key));
        }
        // an old hash: send a key at today's count with it, for the central store to keep instead
        PasswordHash.Recipe fresh = PasswordHash.Recipe.fresh();
        byte[] newKey = PasswordHash.key(password, fresh);
        return new Proof(username, key, fresh, newKey, PasswordHash.ofKey(fresh, newKey));
    }

    /** Signs in with a proof made ahead ({@link #prove}). */
    public Session signIn(Proof proof, String clientId) throws IOException {
        return signIn(proof.username(), proof.key(), proof.fresh(), proof.newKey(), clientId, proof.offlineHash());
    }

    /** How to derive the key of a name's password, on terms a PC accepts ({@link PasswordHash.Recipe#sound()}). */
    public PasswordHash.Recipe recipe(String username) throws IOException {
        JsonNode n;
        try {
            n = call(post("/sign-in/salt", null, Map.of("username", username)));
        } catch (Refused r) {
            // an earlier release: an unknown route is 401 to anyone not signed in
            if ((r.status() == 404 && "notFound".equals(r.code()))
                    || (r.status() == 401 && "sync.auth.noToken".equals(r.code()))) {
                throw new Refused(r.status(), "sync.auth.centralTooOld", "the central store takes no keys: upgrade it");
            }
            throw r;
        }
        if (!n.has("salt") || !n.has("iterations")) {
            throw Refused.notCentral(root(), 200, n.toString());
        }
        PasswordHash.Recipe recipe;
        try {
            recipe = new PasswordHash.Recipe(
                    Base64.getDecoder().decode(n.path("salt").asText()),
                    n.path("iterations").asInt());
        } catch (IllegalArgumentException e) {
            recipe = null;
        }
        if (recipe == null || !recipe.sound()) {
            // never derive a key on terms that would give the password away (or take minutes)
            throw new Refused(200, "sync.auth.unsafeRecipe", "the central store's password settings are unsafe: " + n);
        }
        return recipe;
    }

    /** Signs in with a key already derived (the load benchmark derives its PCs' keys ahead). */
    public Session signIn(String username, byte[] key, String clientId) throws IOException {
        return signIn(username, key, null, null, clientId, null);
    }

    private Session signIn(
            String username, byte[] key, PasswordHash.Recipe fresh, byte[] newKey, String clientId, String offlineHash)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("key", PasswordHash.b64(key));
        if (fresh != null) {
            body.put(
                    "upgrade",
                    Map.of(
                            "salt",
                            fresh.saltText(),
                            "iterations",
                            fresh.iterations(),
                            "key",
                            PasswordHash.b64(newKey)));
        }
        body.put("clientId", clientId);
        JsonNode n = call(post("/sign-in", null, body));
        String token = n.path("token").asText("");
        User user = n.hasNonNull("user") ? json.treeToValue(n.get("user"), User.class) : null;
        if (token.isBlank() || user == null || user.username() == null) {
            // whoever answered is not a central store of ours: said, never a crash
            throw new Refused(
                    200, "sync.auth.badAnswer", "the central store's answer to the sign-in has no token or user");
        }
        return new Session(token, user, offlineHash);
    }

    /**
     * A page as the protocol's types have it, each ticket as its line of text, exactly as sent and
     * never read into a tree (for what keeps lines: tests, and the load benchmark's simulated PCs;
     * the PC's own pull reads {@link #pullTickets}).
     *
     * @param count whether the central store should also count all changes after {@code after} (progress)
     */
    public PullPage pull(String token, long after, int limit, boolean count) throws IOException {
        return read(token, after, limit, count, false).asPullPage();
    }

    /**
     * A page with its tickets sent as JSON objects ({@code tickets=objects}), each read into its
     * fields in one pass over the page ({@link PullPageReader}); from a central store that sends
     * them as strings, as their lines.
     *
     * @param count whether the central store should also count all changes after {@code after} (progress)
     */
    public PulledPage pullTickets(String token, long after, int limit, boolean count) throws IOException {
        return read(token, after, limit, count, true);
    }

    /** A page asked for with its tickets as objects, each read into its fields or not. */
    private PulledPage read(String token, long after, int limit, boolean count, boolean fields) throws IOException {
        try {
            return PullPageReader.read(page(token, after, limit, count, true), fields);
        } catch (JsonProcessingException e) {
            // One line the central store kept that is not JSON (a damaged row) breaks the page it is
            // copied into, and would stop every pull of that scope there. Asked again with each
            // ticket as a string, that ticket alone fails its reading and is set aside; a page that
            // is still not one is not a central store's answer, said so, and the pull stops on it.
            // The person is told of the ticket set aside, in their words: this line is the log's.
            LOG.warn(
                    ErrorIds.TOLD,
                    "A pull page after {} with its tickets as objects is not one ({}): asked again with each as a string",
                    after,
                    e.getOriginalMessage());
            PageBytes asStrings = page(token, after, limit, count, false);
            try {
                return PullPageReader.read(asStrings, fields);
            } catch (JsonProcessingException again) {
                throw Refused.notCentral(root(), 200, again.getOriginalMessage());
            }
        }
    }

    /** A page's bytes, its tickets asked for as objects or as strings. */
    private PageBytes page(String token, long after, int limit, boolean count, boolean objects) throws IOException {
        HttpRequest r = request(
                        "/changes?after=" + after + "&limit=" + limit + "&held=true"
                                + (objects ? "&tickets=objects" : "")
                                + (count ? "&count=true" : ""),
                        token)
                .GET()
                .build();
        // read whole, to its bound (a page the central store makes carries at most 8 MB of
        // tickets), in pieces, before it is read once: each ticket into its own fields, never the page into one tree
        HttpResponse<InputStream> resp = send(r, HttpResponse.BodyHandlers.ofInputStream());
        refuseUnlessOk(resp);
        PageBytes body;
        try (InputStream in = new BoundedAnswer(resp.body(), WireLimits.PAGE_READ_BYTES, "a pull page")) {
            body = PageBytes.read(in);
        } catch (Refused e) {
            throw e;
        } catch (IOException e) {
            throw new Unreachable(root(), "the connection to " + base + " broke: " + e, e);
        }
        return body;
    }

    /** A streamed answer other than 200 is read whole (a short error body) and thrown as the refusal it says. */
    private void refuseUnlessOk(HttpResponse<InputStream> resp) throws IOException {
        if (resp.statusCode() != 200) {
            throw refused(resp.statusCode(), text(resp.body()));
        }
    }

    public List<OpResult> push(String token, List<Operation> ops) throws IOException {
        JsonNode n = call(post("/ops", token, Map.of("ops", ops)));
        return json.convertValue(required(n, "results"), new TypeReference<List<OpResult>>() {});
    }

    /** The display names of the people of the caller's county (to name who acted in a history). */
    public List<People.Person> people(String token) throws IOException {
        JsonNode n = call(request("/people", token).GET().build());
        return json.convertValue(required(n, "people"), new TypeReference<List<People.Person>>() {});
    }

    /** The holiday years administrators imported on the central store. */
    public List<YearFile> calendar(String token) throws IOException {
        JsonNode n = call(request("/calendar", token).GET().build());
        return json.convertValue(required(n, "years"), new TypeReference<List<YearFile>>() {});
    }

    /** Shares one year's holiday file (administrators): every PC gets it at its next sync. */
    public void putCalendar(String token, String content) throws IOException {
        call(request("/calendar", token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(content, StandardCharsets.UTF_8))
                .build());
    }

    /** The users of the administrator's county. */
    public List<ListedUser> users(String token) throws IOException {
        JsonNode n = call(request("/users", token).GET().build());
        return json.convertValue(required(n, "users"), new TypeReference<List<ListedUser>>() {});
    }

    /** Adds a user to the administrator's county with a first password; the central store checks the record. */
    public void addUser(String token, User user, char[] password) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", user);
        body.put("password", password == null ? null : new String(password));
        call(post("/users", token, body));
    }

    /** Disables a user of the administrator's county: they cannot sign in, their tokens end. */
    public void disableUser(String token, String username) throws IOException {
        call(request("/users/" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "/disable", token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** Lets a disabled user of the administrator's county sign in again. */
    public void enableUser(String token, String username) throws IOException {
        call(request("/users/" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "/enable", token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** Sends a file the central store does not hold yet, continuing a broken upload where it stopped. */
    public void upload(String token, UUID ticket, String sha, Path file) throws IOException {
        String forTicket = "ticket=" + ticket;
        JsonNode status = call(request("/attachments/" + sha + "/status?" + forTicket, token)
                .GET()
                .build());
        if (status.path("stored").asBoolean()) {
            return;
        }
        long offset = status.path("received").asLong();
        byte[] all = Files.readAllBytes(file);
        while (offset < all.length) {
            int end = (int) Math.min(all.length, offset + PIECE);
            HttpRequest r = request(
                            "/attachments/" + sha + "?" + forTicket + "&offset=" + offset + "&total=" + all.length,
                            token)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOfRange(all, (int) offset, end)))
                    .build();
            try {
                JsonNode n = call(r);
                offset = n.path("stored").asBoolean()
                        ? all.length
                        : n.path("received").asLong();
            } catch (Refused e) {
                if (e.status() != 409) {
                    throw e;
                }
                // Another piece went in meanwhile (or the server kept more than we thought): ask where to go on.
                offset = call(request("/attachments/" + sha + "/status?" + forTicket, token)
                                .GET()
                                .build())
                        .path("received")
                        .asLong();
            }
        }
    }

    /**
     * Fetches a file into {@code target}, continuing a partial download kept beside it. The file is
     * kept only when its bytes hash to its name, and is never read past the largest attachment the
     * central store takes: a download that breaks either rule is thrown away whole and refused.
     */
    public void download(String token, String sha, Path target) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        long have = Files.exists(part) ? Files.size(part) : 0;
        HttpRequest r =
                request("/attachments/" + sha + "?from=" + have, token).GET().build();
        HttpResponse<InputStream> resp = send(r, HttpResponse.BodyHandlers.ofInputStream());
        refuseUnlessOk(resp);
        Files.createDirectories(target.getParent());
        try (InputStream in = new BoundedAnswer(resp.body(), WireLimits.ATTACHMENT_BYTES - have, "attachment " + sha);
                OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            in.transferTo(out);
        } catch (Refused e) {
            Files.deleteIfExists(part);
            throw e;
        }
        if (!sha.equals(hashOf(part))) {
            Files.deleteIfExists(part);
            throw new Refused(
                    200, "sync.attachment.badHash", "attachment " + sha + " arrived with bytes of another hash");
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String hashOf(Path file) throws IOException {
        MessageDigest digest = Sha256.digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return Sha256.hex(digest);
    }

    /** The address as configured, without the API path. */
    private String root() {
        String b = base.toString();
        return b.substring(0, b.length() - "/api/v1".length());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private HttpRequest post(String path, String token, Object body) {
        return request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(OperationCodec.write(body)))
                .build();
    }

    private JsonNode call(HttpRequest r) throws IOException {
        HttpResponse<InputStream> resp = send(r, HttpResponse.BodyHandlers.ofInputStream());
        String body = text(resp.body());
        if (resp.statusCode() != 200) {
            throw refused(resp.statusCode(), body);
        }
        JsonNode n;
        try {
            n = json.readTree(body);
        } catch (JsonProcessingException e) {
            n = null;
        }
        if (n == null || !n.isObject()) {
            throw Refused.notCentral(root(), 200, body);
        }
        return n;
    }

    /** A list the answer must carry: without it, whoever answered is not a central store of ours. */
    private JsonNode required(JsonNode answer, String field) throws Refused {
        JsonNode n = answer.get(field);
        if (n == null || !n.isArray()) {
            throw Refused.notCentral(root(), 200, answer.toString());
        }
        return n;
    }

    /** A short answer, read whole up to {@link WireLimits#ANSWER_READ_BYTES}. */
    private static String text(InputStream body) throws IOException {
        try (InputStream in = new BoundedAnswer(body, WireLimits.ANSWER_READ_BYTES, "an answer")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The refusal an answer other than 200 says. An answer without a reason code of ours is not the
     * central store's: a gateway's 502/503/504 page means the store behind it is not answering (try
     * later, as when unreachable); anything else is someone else answering at this address.
     */
    private IOException refused(int status, String body) {
        JsonNode n;
        try {
            n = json.readTree(body);
        } catch (JsonProcessingException e) {
            n = null;
        }
        JsonNode error = n == null ? null : n.get("error");
        if (error == null
                || !error.isTextual()
                || !REASON_CODE.matcher(error.asText()).matches()) {
            if (status == 502 || status == 503 || status == 504) {
                return new Unreachable(root(), "a gateway at " + base + " answered HTTP " + status, null);
            }
            return Refused.notCentral(root(), status, body);
        }
        try {
            String code = error.asText();
            InvalidFieldException field = null;
            if (status == 400 && n.hasNonNull("field")) {
                List<Object> args = n.has("args")
                        ? json.convertValue(n.get("args"), new TypeReference<List<Object>>() {})
                        : List.of();
                field = new InvalidFieldException(n.get("field").asText(), code, args.toArray());
            }
            return new Refused(
                    status,
                    code,
                    n.path("message").asText(body),
                    field,
                    n.path("retryAfter").asLong(0));
        } catch (IllegalArgumentException e) {
            // a field's arguments that are not a list: the central store's refusal all the same
            return new Refused(status, error.asText(), n.path("message").asText(body));
        }
    }

    /**
     * Sends once more when a kept-alive connection turned out closed before any answer came (the
     * server closed it as the request went out). Safe for every call of this API: pushes carry
     * their operation ids, uploads their offsets, and the rest read or set a state.
     */
    private <T> HttpResponse<T> send(HttpRequest r, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return sendOnce(r, handler);
        } catch (Unreachable e) {
            if (!(e.getCause() instanceof IOException io)
                    || io instanceof ConnectException
                    || io instanceof HttpTimeoutException
                    || !closedBeforeAnswer(io)) {
                throw e;
            }
            return sendOnce(r, handler);
        }
    }

    private static boolean closedBeforeAnswer(Throwable e) {
        for (Throwable t : Causes.of(e)) {
            if (t instanceof EOFException
                    || (t.getMessage() != null && t.getMessage().contains("received no bytes"))) {
                return true;
            }
        }
        return false;
    }

    private <T> HttpResponse<T> sendOnce(HttpRequest r, HttpResponse.BodyHandler<T> handler) throws IOException {
        if (closed) {
            throw new IllegalStateException("this client was closed; a request to " + base + " needs a new one");
        }
        try {
            return http.send(r, handler);
        } catch (ConnectException | HttpTimeoutException e) {
            throw new Unreachable(root(), "the central store at " + base + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable(root(), "interrupted", e);
        } catch (IOException e) {
            throw new Unreachable(root(), "the connection to " + base + " broke: " + e, e);
        }
    }
}
