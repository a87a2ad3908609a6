package org.reliefdesk.central;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP relay on loopback in front of a central store that notes every path asked for: what a
 * PC asks the central store, counted on the wire.
 */
final class CountingProxy implements AutoCloseable {

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String target;
    private final ConcurrentLinkedQueue<String> paths = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> bodies = new ConcurrentLinkedQueue<>();
    private volatile String cutPrefix;
    private volatile long cutAfter;

    CountingProxy(String target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::relay);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many requests asked for a path starting with {@code prefix}. */
    long count(String prefix) {
        return paths.stream().filter(p -> p.startsWith(prefix)).count();
    }

    /** From now on, requests for a path starting with {@code prefix} beyond the first {@code n} are answered 503 (the line went down). */
    CountingProxy cutAfter(String prefix, long n) {
        cutAfter = n;
        cutPrefix = prefix;
        return this;
    }

    List<String> paths() {
        return List.copyOf(paths);
    }

    /** Every request body relayed, as UTF-8 text, in order. */
    List<String> bodies() {
        return List.copyOf(bodies);
    }

    private void relay(HttpExchange x) throws IOException {
        URI uri = x.getRequestURI();
        paths.add(uri.getPath());
        String cut = cutPrefix;
        if (cut != null && uri.getPath().startsWith(cut) && count(cut) > cutAfter) {
            x.getRequestBody().close();
            x.sendResponseHeaders(503, -1);
            x.close();
            return;
        }
        byte[] body;
        try (InputStream in = x.getRequestBody()) {
            body = in.readAllBytes();
        }
        bodies.add(new String(body, StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target + uri))
                .method(x.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        for (String h : List.of("Authorization", "Content-Type")) {
            String v = x.getRequestHeaders().getFirst(h);
            if (v != null) {
                b.header(h, v);
            }
        }
        HttpResponse<byte[]> r;
        try {
            r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        for (String h : List.of("Content-Type", "Retry-After")) {
            r.headers().firstValue(h).ifPresent(v -> x.getResponseHeaders().add(h, v));
        }
        x.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(r.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
