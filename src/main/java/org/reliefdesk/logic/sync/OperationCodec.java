package org.reliefdesk.logic.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.reliefdesk.logic.Sha256;

/**
 * JSON of the sync protocol, the same on both ends. Map keys are written in order, so one
 * operation always has one text, and its hash tells "the same operation again" from "the same
 * id with other content".
 */
public final class OperationCodec {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private OperationCodec() {}

    public static ObjectMapper json() {
        return JSON;
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    public static Operation readOperation(String text) {
        try {
            return JSON.readValue(text, Operation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an operation: " + e.getOriginalMessage(), e);
        }
    }

    /** SHA-256 of the operation's one text, in hex. */
    public static String hash(Operation op) {
        return Sha256.hex(write(op));
    }
}
