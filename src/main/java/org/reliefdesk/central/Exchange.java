package org.reliefdesk.central;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.model.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request as an endpoint sees it: who called (null before signing in) and their scope, the
 * path's named segments, the query, the body read within its bounds, and the answer.
 */
final class Exchange {

    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);

    final Request request;
    final Response response;
    final Callback callback;
    final CentralUsers.Caller caller;
    final TicketScope scope;
    private final Map<String, String> params;
    private final ObjectMapper json;

    Exchange(
            Request request,
            Response response,
            Callback callback,
            CentralUsers.Caller caller,
            TicketScope scope,
            Map<String, String> params,
            ObjectMapper json) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.caller = caller;
        this.scope = scope;
        this.params = params;
        this.json = json;
    }

    User user() {
        return caller.user();
    }

    /** A named segment of the path ({@code {username}} in {@code /users/{username}/disable}). */
    String param(String name) {
        return params.get(name);
    }

    String query(String name) {
        return Request.extractQueryParameters(request).getValue(name);
    }

    /** A whole number from the query; another text there is the caller's error. */
    long number(String name, long fallback) {
        Fields q = Request.extractQueryParameters(request);
        String v = q.getValue(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new CentralServer.ApiError(400, "badRequest", name + " must be a whole number");
        }
    }

    /** The body as a JSON object of at most {@link CentralServer#MAX_JSON_BYTES}. */
    JsonNode jsonBody() throws IOException {
        byte[] bytes = body(CentralServer.MAX_JSON_BYTES);
        try {
            // one object is the body: what follows it is refused, not read past
            JsonNode n = json.reader()
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(bytes);
            if (n == null || !n.isObject()) {
                throw new CentralServer.ApiError(400, "badJson", "the body must be a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new CentralServer.ApiError(400, "badJson", "the body is not JSON: " + e.getOriginalMessage());
        }
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Reads at most {@code max} bytes; a longer body is refused before anything is done with it. */
    byte[] body(int max) throws IOException {
        long declared = request.getLength();
        if (declared > 4L * max) {
            // Far too large to be a mistake of size: refuse without reading it.
            throw new CentralServer.ApiError(413, "tooLarge", "the body is larger than " + max + " bytes");
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                // Read the rest (bounded above), so the client hears the answer instead of a broken pipe.
                in.skipNBytes(Math.max(0, Math.min(declared, 4L * max) - bytes.length));
                throw new CentralServer.ApiError(413, "tooLarge", "the body is larger than " + max + " bytes");
            }
            return bytes;
        }
    }

    /**
     * Reads what is left of a request's body before an answer that did not need it (an error, a
     * disable): the client may send its next call on the same connection, which Jetty would
     * otherwise close under it. A body far too large is left (the connection closes instead).
     */
    static void drain(Request request) {
        long declared = request.getLength();
        if (declared > 4L * CentralServer.MAX_PIECE_BYTES) {
            return;
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] buffer = new byte[8192];
            long left = 4L * CentralServer.MAX_PIECE_BYTES;
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Request body not drained: {}", e.toString());
        }
    }

    /**
     * Answers 200 with a large body (a pull page, up to 8 MB of tickets) made in pieces of 64 KB
     * and handed to the server piece by piece, each when the one before is sent: no page becomes
     * one array, and no thread waits on a PC that reads slowly (the writes are Jetty's, as for
     * every other answer).
     */
    void sendInPieces(Object body) throws IOException {
        sendInPieces(body, json);
    }

    /** As {@link #sendInPieces(Object)}, written by {@code with} (a pull page's tickets as objects). */
    void sendInPieces(Object body, ObjectMapper with) throws IOException {
        Pieces out = new Pieces();
        with.writeValue(out, body);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, out.length());
        write(out.pieces(), 0);
    }

    private void write(List<ByteBuffer> pieces, int i) {
        boolean last = i == pieces.size() - 1;
        response.write(
                last, pieces.get(i), last ? callback : Callback.from(() -> write(pieces, i + 1), callback::failed));
    }

    void send(int status, Object body) {
        send(json, response, callback, status, body);
    }

    static void send(ObjectMapper json, Response response, Callback callback, int status, Object body) {
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
