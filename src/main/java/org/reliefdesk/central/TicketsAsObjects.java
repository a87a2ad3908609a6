package org.reliefdesk.central;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.reliefdesk.logic.sync.PullPage;

/**
 * How a pull page ({@link ServedPage}) is written, each ticket's line as the store keeps it. For a
 * PC that asks {@code tickets=objects} (docs/sync-protocol.md) the line goes out as the JSON object
 * it is: its stored bytes copied as they are, which is safe because the store only ever keeps a
 * line it wrote itself (its codec's, after the ticket was checked), never one as a client sent it.
 * For a PC of an earlier version, as a JSON string. Otherwise the page is {@link PullPage} as always.
 */
public final class TicketsAsObjects {

    private TicketsAsObjects() {}

    /** A copy of {@code json} that writes a page's tickets as objects. */
    public static ObjectMapper objects(ObjectMapper json) {
        return json.copy().addMixIn(ServedPage.Line.class, AsObject.class);
    }

    /** A copy of {@code json} that writes a page's tickets as strings. */
    public static ObjectMapper strings(ObjectMapper json) {
        return json.copy().addMixIn(ServedPage.Line.class, AsString.class);
    }

    /** Jackson's mix-in for {@link ServedPage.Line}: its ticket written as the raw value it is. */
    private interface AsObject {
        @JsonSerialize(using = RawUtf8.class)
        byte[] ticket();
    }

    /** Jackson's mix-in for {@link ServedPage.Line}: its ticket written as a string. */
    private interface AsString {
        @JsonSerialize(using = Utf8AsText.class)
        byte[] ticket();
    }

    /** Bytes that are JSON already, copied into the output as they are. */
    static final class RawUtf8 extends JsonSerializer<byte[]> {
        @Override
        public void serialize(byte[] line, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeRawValue(new Utf8Bytes(line));
        }
    }

    /** UTF-8 bytes written as a JSON string. */
    static final class Utf8AsText extends JsonSerializer<byte[]> {
        @Override
        public void serialize(byte[] line, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(new String(line, StandardCharsets.UTF_8));
        }
    }
}
