package org.reliefdesk.central;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty answers by itself (a malformed request, a header too large, a URI too long) is JSON
 * like every other error of the API: {@code {"error": "http<status>", "message": …}} with
 * nothing of the server's insides (no stack, no class names, no version).
 */
final class JsonErrors extends ErrorHandler {

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback)
            throws IOException {
        String body =
                "{\"error\":\"http" + code + "\",\"message\":\"the request could not be taken (HTTP " + code + ")\"}";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
