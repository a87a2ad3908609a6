package org.reliefdesk.sync;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.reliefdesk.logic.interchange.TicketFields;
import org.reliefdesk.logic.sync.WireLimits;

/**
 * Reads a pull page's bytes in one pass (docs/sync-protocol.md, "Pull"). A ticket sent as a JSON
 * object is read straight into its fields ({@link TicketFields}, no tree), where its text lies in
 * the page is noted, and it is never escaped, unescaped or parsed a second time; a ticket sent as
 * a string (a central store of an earlier version) is kept as its line. Fields the PC does not
 * know are read past. What is not a page fails as a {@link JsonParseException}: the answer is
 * wrong, not one of its tickets.
 */
final class PullPageReader {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** What a store id is made of (the central store makes UUIDs). */
    private static final Pattern STORE_ID = Pattern.compile("[A-Za-z0-9-]+");

    private PullPageReader() {}

    /**
     * @param fields whether to read each ticket's fields; without, a ticket sent as an object is
     *              passed over and kept as its text only (for what only keeps the lines)
     */
    static PulledPage read(PageBytes body, boolean fields) throws IOException {
        try (JsonParser p = FACTORY.createParser(body.stream())) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT, "a pull page");
            List<PulledTicket> tickets = new ArrayList<>();
            long next = 0;
            boolean more = false;
            long total = -1;
            List<UUID> left = List.of();
            List<String> held = null;
            String store = null;
            List<String> earlierStores = List.of();
            boolean cursorAhead = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "changes" -> changes(p, body, fields, tickets);
                    case "next" -> next = number(p, value, "next");
                    case "more" -> more = flag(p, value, "more");
                    case "total" -> total = number(p, value, "total");
                    case "left" -> left = ids(p, value);
                    case "held" -> held = value == JsonToken.VALUE_NULL ? null : texts(p, value, "held");
                    case "store" -> store = value == JsonToken.VALUE_NULL ? null : storeId(p, value, "store");
                    case "earlierStores" -> earlierStores = earlierStores(p, value);
                    case "cursorAhead" -> cursorAhead = flag(p, value, "cursorAhead");
                    default -> p.skipChildren();
                }
            }
            expect(p, p.currentToken(), JsonToken.END_OBJECT, "the end of a pull page");
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "more after the end of a pull page");
            }
            return new PulledPage(tickets, next, more, total, left, held, store, earlierStores, cursorAhead);
        }
    }

    private static void changes(JsonParser p, PageBytes body, boolean read, List<PulledTicket> tickets)
            throws IOException {
        expect(p, p.currentToken(), JsonToken.START_ARRAY, "changes");
        while (p.nextToken() == JsonToken.START_OBJECT) {
            long changeNo = -1;
            String line = null;
            TicketFields fields = null;
            long from = 0;
            long to = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("changeNo")) {
                    changeNo = number(p, value, "changeNo");
                } else if (field.equals("ticket") && value == JsonToken.VALUE_STRING) {
                    line = p.getText();
                } else if (field.equals("ticket")) {
                    // any other value is read as the ticket's fields; one that is not an object is set aside by
                    // its reading
                    from = p.currentTokenLocation().getByteOffset();
                    if (read) {
                        fields = TicketFields.read(p);
                    } else {
                        p.skipChildren();
                    }
                    to = p.currentLocation().getByteOffset();
                    line = read ? null : body.text(from, to);
                } else {
                    p.skipChildren();
                }
            }
            if (changeNo < 0 || (line == null && fields == null)) {
                throw new JsonParseException(p, "a change without its changeNo or its ticket");
            }
            tickets.add(
                    fields != null
                            ? PulledTicket.asValue(changeNo, fields, body, from, to)
                            : PulledTicket.asLine(changeNo, line));
        }
        expect(p, p.currentToken(), JsonToken.END_ARRAY, "the end of changes");
    }

    private static long number(JsonParser p, JsonToken value, String field) throws IOException {
        expect(p, value, JsonToken.VALUE_NUMBER_INT, field);
        return p.getLongValue();
    }

    private static boolean flag(JsonParser p, JsonToken value, String field) throws IOException {
        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
            throw new JsonParseException(p, field + " is not true or false");
        }
        return value == JsonToken.VALUE_TRUE;
    }

    private static List<UUID> ids(JsonParser p, JsonToken value) throws IOException {
        List<UUID> ids = new ArrayList<>();
        for (String text : texts(p, value, "left")) {
            try {
                ids.add(UUID.fromString(text));
            } catch (IllegalArgumentException e) {
                throw new JsonParseException(p, "left names a ticket that is not an id: " + text);
            }
        }
        return ids;
    }

    /**
     * A store's id (a UUID, 36 characters): kept beside the cursor in a fact of at most 4,000, so a
     * longer one is not a central store's page, not a failure of this PC's database at every sync.
     */
    private static String storeId(JsonParser p, JsonToken value, String field) throws IOException {
        expect(p, value, JsonToken.VALUE_STRING, field);
        if (p.getTextLength() > WireLimits.STORE_ID_CHARS) {
            throw new JsonParseException(p, field + " is longer than " + WireLimits.STORE_ID_CHARS + " characters");
        }
        // letters, digits and '-' (a UUID's): the PC keeps a store's earlier ids joined by commas
        String id = p.getText();
        if (!STORE_ID.matcher(id).matches()) {
            throw new JsonParseException(p, field + " is not a store id");
        }
        return id;
    }

    /**
     * The store's ids from before a restore: at most {@link WireLimits#EARLIER_STORE_IDS}, each a
     * store id. A PC compares its kept id with them, and sends its work again to a store that names
     * it; a longer list is not a central store's page.
     */
    private static List<String> earlierStores(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return List.of();
        }
        expect(p, value, JsonToken.START_ARRAY, "earlierStores");
        List<String> ids = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (ids.size() == WireLimits.EARLIER_STORE_IDS) {
                throw new JsonParseException(
                        p, "earlierStores names more than " + WireLimits.EARLIER_STORE_IDS + " stores");
            }
            ids.add(storeId(p, t, "earlierStores"));
        }
        return ids;
    }

    private static List<String> texts(JsonParser p, JsonToken value, String field) throws IOException {
        expect(p, value, JsonToken.START_ARRAY, field);
        List<String> texts = new ArrayList<>();
        while (p.nextToken() == JsonToken.VALUE_STRING) {
            texts.add(p.getText());
        }
        expect(p, p.currentToken(), JsonToken.END_ARRAY, field + " (a list of texts)");
        return texts;
    }

    private static void expect(JsonParser p, JsonToken token, JsonToken wanted, String what) throws IOException {
        if (token != wanted) {
            throw new JsonParseException(p, what + ": expected " + wanted + ", found " + token);
        }
    }
}
