package org.reliefdesk.logic.interchange;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A ticket's fields as read from its JSON, before any rule ({@link TicketLineCodec} applies them):
 * read in one pass from a parser, straight from a line or from inside a pull page, without a
 * tree of the whole ticket. A county's first pull reads 50,000 tickets; building each one's tree
 * and then walking it was the larger part of the reading thread's time. Only the fields the
 * format names are kept, each as the value its tree would have held (a text, a number, null,
 * or, where an object or list stands in a field that wants neither, that value's tree, for its
 * rule to name); an event's form is read straight into its plain values. Whatever does not parse
 * as JSON fails here; whether the fields make a ticket is for the codec to say.
 */
public final class TicketFields {

    private static final String[] TICKET = {
        "format",
        "formatVersion",
        "id",
        "ticketNo",
        "item",
        "countyCode",
        "countyName",
        "townshipCode",
        "townshipName",
        "villageCode",
        "villageName",
        "channel",
        "raisedBy",
        "submittedAt",
        "dispatchedAt",
        "currentStep",
        "status",
        "concludedAt",
        "outcome"
    };
    private static final String[] APPLICANT = {"name", "idNumber", "phone"};
    private static final String[] EVENT = {
        "id", "seq", "at", "actor", "action", "fromStep", "toStep", "note", "outcome", "receivedAt"
    };

    final Level ticket = new Level(TICKET);
    Level applicant = new Level(APPLICANT);
    /** The events in their order, or null when {@code events} is not a list. */
    List<Event> events;

    private final boolean object;

    private TicketFields(boolean object) {
        this.object = object;
    }

    /** Whether the value read was a JSON object at all. */
    boolean isObject() {
        return object;
    }

    /**
     * Reads the JSON value at the parser's current token (null: the text held none) to its end,
     * leaving the parser on its last token.
     *
     * @throws com.fasterxml.jackson.core.JsonProcessingException when it is not JSON
     */
    public static TicketFields read(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token != JsonToken.START_OBJECT) {
            if (token != null) {
                p.skipChildren();
            }
            return new TicketFields(false);
        }
        TicketFields f = new TicketFields(true);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            // a field named twice counts once, as it last stood (as in a tree)
            switch (name) {
                case "applicant" ->
                    f.applicant = value == JsonToken.START_OBJECT
                            ? Level.read(p, APPLICANT)
                            : skipped(p, new Level(APPLICANT));
                case "events" -> f.events = value == JsonToken.START_ARRAY ? events(p) : skipped(p, null);
                default -> f.ticket.set(p, name, value);
            }
        }
        return f;
    }

    private static <T> T skipped(JsonParser p, T instead) throws IOException {
        p.skipChildren();
        return instead;
    }

    private static List<Event> events(JsonParser p) throws IOException {
        List<Event> events = new ArrayList<>();
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.START_OBJECT) {
                events.add(Event.read(p));
            } else {
                // a list's member that is not an object has none of an event's fields
                p.skipChildren();
                events.add(new Event());
            }
        }
        return events;
    }

    /** One object's fields the format names (a ticket, its applicant or one event), by name. */
    static final class Level {
        private final String[] names;
        private final JsonNode[] values;

        Level(String[] names) {
            this.names = names;
            this.values = new JsonNode[names.length];
        }

        /** Reads an object from its start to its end. */
        private static Level read(JsonParser p, String[] names) throws IOException {
            Level level = new Level(names);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                level.set(p, name, p.nextToken());
            }
            return level;
        }

        private void set(JsonParser p, String name, JsonToken value) throws IOException {
            int i = indexOf(name);
            if (i < 0) {
                p.skipChildren(); // a field the format does not name: read past, as a tree's reading ignores it
            } else {
                values[i] = value(p, value);
            }
        }

        private int indexOf(String name) {
            // the parser's field names and the codec's are interned constants: compared as
            // references first, by their letters only for a name that is not one of them
            for (int i = 0; i < names.length; i++) {
                if (names[i] == name) {
                    return i;
                }
            }
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        /** The value of a field, null when it is absent (as {@link JsonNode#get(String)}). */
        JsonNode get(String name) {
            int i = indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("not a field of the format here: " + name);
            }
            return values[i];
        }

        /** The value of a field, the missing node when it is absent (as {@link JsonNode#path(String)}). */
        JsonNode path(String name) {
            JsonNode v = get(name);
            return v != null ? v : MissingNode.getInstance();
        }
    }

    /**
     * Where one event's form lay in what it was read from, for a reader that keeps a form's text as
     * it came rather than writing its values again: from (inclusive) and to (exclusive), counted as
     * the parser counts (bytes of a byte source, characters of a text).
     */
    public record FormSpan(long from, long to) {}

    /** How many events were read; 0 when not an object or without a list of events. */
    public int eventCount() {
        return events == null ? 0 : events.size();
    }

    /** Where the form of the event at {@code index} lay; null when it was absent or null. */
    public FormSpan formSpan(int index) {
        return events.get(index).formSpan;
    }

    /** One event's fields and its form. */
    static final class Event {
        final Level fields = new Level(EVENT);
        /** The form's plain values; null when it is absent or null. */
        Map<String, Object> form;
        /** Whether {@code form} held something other than an object or null. */
        boolean formNotAnObject;

        private FormSpan formSpan;

        /** Reads an event's object from its start to its end. */
        private static Event read(JsonParser p) throws IOException {
            Event event = new Event();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("form")) {
                    event.form(p, value);
                } else {
                    event.fields.set(p, name, value);
                }
            }
            return event;
        }

        private void form(JsonParser p, JsonToken value) throws IOException {
            // a field named twice counts as it last stood
            form = null;
            formNotAnObject = false;
            formSpan = null;
            if (value == JsonToken.START_OBJECT) {
                long from = offset(p.currentTokenLocation());
                form = plainObject(p);
                formSpan = new FormSpan(from, offset(p.currentLocation()));
            } else if (value != JsonToken.VALUE_NULL) {
                p.skipChildren();
                formNotAnObject = true;
            }
        }

        private static long offset(JsonLocation at) {
            return at.getByteOffset() >= 0 ? at.getByteOffset() : at.getCharOffset();
        }
    }

    /**
     * A scalar as its tree would hold it (a number of the class Jackson's tree gives it), or, for an
     * object or list, its tree.
     */
    private static JsonNode value(JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> TextNode.valueOf(p.getText());
            case VALUE_NULL -> NullNode.getInstance();
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NUMBER_INT ->
                switch (p.getNumberType()) {
                    case INT -> IntNode.valueOf(p.getIntValue());
                    case LONG -> LongNode.valueOf(p.getLongValue());
                    default -> BigIntegerNode.valueOf(p.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT -> DoubleNode.valueOf(p.getDoubleValue());
            default -> TicketLineCodec.tree(p);
        };
    }

    /**
     * An object, from its start, as the plain values Jackson's conversion to a map gives (text,
     * Integer, Long, BigInteger, Double, Boolean, null, lists and maps in their order). Read without
     * recursion, as Jackson's own reading is: a form nested as deep as the parser allows must reach
     * the bounds' refusal, not overflow the stack of the thread reading it.
     */
    static Map<String, Object> plainObject(JsonParser p) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        // the containers still open, innermost first; a map's next field name is read with it
        Deque<Object> open = new ArrayDeque<>();
        open.push(root);
        while (!open.isEmpty()) {
            Object container = open.peek();
            JsonToken token = p.nextToken();
            if (token == null) {
                throw new JsonParseException(p, "the text ends inside a form"); // the parser says so first
            }
            if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                open.pop();
                continue;
            }
            String name = null;
            if (container instanceof Map) {
                name = p.currentName(); // token is FIELD_NAME
                token = p.nextToken();
            }
            Object value;
            if (token == JsonToken.START_OBJECT) {
                value = new LinkedHashMap<String, Object>();
            } else if (token == JsonToken.START_ARRAY) {
                value = new ArrayList<>();
            } else {
                value = plain(p, token);
            }
            if (name != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) container;
                map.put(name, value);
            } else {
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) container;
                list.add(value);
            }
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                open.push(value);
            }
        }
        return root;
    }

    private static Object plain(JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT ->
                switch (p.getNumberType()) {
                    case INT -> Integer.valueOf(p.getIntValue());
                    case LONG -> Long.valueOf(p.getLongValue());
                    default -> p.getBigIntegerValue();
                };
            case VALUE_NUMBER_FLOAT -> Double.valueOf(p.getDoubleValue());
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IllegalStateException("not a JSON value from a text: " + token);
        };
    }
}
