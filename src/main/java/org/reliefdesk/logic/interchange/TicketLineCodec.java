package org.reliefdesk.logic.interchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.reliefdesk.logic.IsoTimes;
import org.reliefdesk.logic.JsonTail;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.workflow.Conclusion;
import org.reliefdesk.model.Applicant;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.IntakeChannel;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.PhoneNumber;
import org.reliefdesk.model.Place;
import org.reliefdesk.model.ResidentIdNumber;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.TicketStatus;

/**
 * Reads and writes the ticket interchange format (sample-data/README.md): JSON Lines, one
 * ticket with its whole history per line. Reading validates every field and names the
 * first one at fault.
 */
public final class TicketLineCodec {

    public static final String FORMAT = "reliefdesk.ticket";
    /**
     * Version 2: a ticket is concluded (status, concludedAt) when its result is fed back, before the
     * follow-up visit. Version 1 lines (concluded at the visit) are still read and given that meaning.
     */
    public static final int FORMAT_VERSION = 2;

    private static final int FIRST_VERSION = 1;

    private static final Pattern COUNTY_CODE = Pattern.compile("\\d{6}");
    private static final Pattern TOWNSHIP_CODE = Pattern.compile("\\d{9}");
    private static final Pattern VILLAGE_CODE = Pattern.compile("\\d{12}");

    // Exact decimals: the default node factory would write 2100 as 2.1E+3. One for every codec (a
    // mapper is safe to share once configured); it writes lines, and makes the parsers that read
    // them (TicketFields).
    private static final ObjectMapper JSON =
            new ObjectMapper().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private final Catalog catalog;

    public TicketLineCodec(Catalog catalog) {
        this.catalog = catalog;
    }

    public Catalog catalog() {
        return catalog;
    }

    public String write(TicketHistory history) {
        Ticket t = history.ticket();
        ObjectNode n = JSON.createObjectNode();
        n.put("format", FORMAT);
        n.put("formatVersion", FORMAT_VERSION);
        n.put("id", t.id().toString());
        n.put("ticketNo", t.ticketNo());
        n.put("item", t.itemCode());
        n.put("countyCode", t.county().code());
        n.put("countyName", t.county().name());
        n.put("townshipCode", t.township().code());
        n.put("townshipName", t.township().name());
        n.put("villageCode", t.village().code());
        n.put("villageName", t.village().name());
        ObjectNode applicant = n.putObject("applicant");
        applicant.put("name", t.applicant().name());
        applicant.put("idNumber", t.applicant().idNumber());
        applicant.put("phone", t.applicant().phone());
        n.put("channel", t.channel().name());
        n.put("raisedBy", t.raisedBy());
        n.put("submittedAt", time(t.submittedAt()));
        n.put("dispatchedAt", time(t.dispatchedAt()));
        n.put("currentStep", t.currentStep());
        n.put("status", t.status().name());
        n.put("concludedAt", time(t.concludedAt()));
        n.put("outcome", t.outcome());
        ArrayNode events = n.putArray("events");
        for (TicketEvent e : history.events()) {
            ObjectNode en = events.addObject();
            en.put("id", e.id().toString());
            en.put("seq", e.seq());
            en.put("at", time(e.at()));
            en.put("actor", e.actor());
            en.put("action", e.action());
            en.put("fromStep", e.fromStep());
            en.put("toStep", e.toStep());
            en.put("note", e.note());
            en.put("outcome", e.outcome());
            en.set("form", JSON.valueToTree(e.formData()));
            if (e.receivedAt() != null) {
                en.put("receivedAt", time(e.receivedAt()));
            }
        }
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write ticket " + t.ticketNo(), e);
        }
    }

    private static String time(Instant instant) {
        return instant == null
                ? null
                : OffsetDateTime.ofInstant(instant, ChinaTime.ZONE).toString();
    }

    /**
     * A line this program stored or the central store answered with after checking it: read
     * without the bound on dates (a stored line may be read on a PC whose clock is behind).
     * Such a line that cannot be read is a fault here, not the sender's mistake.
     */
    public TicketHistory readTrusted(String line) {
        try {
            return read(line, 1, LocalDate.of(9999, 12, 31));
        } catch (LineRejectedException e) {
            throw new IllegalStateException("stored ticket cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Parses one line. {@code today} bounds plausible birth dates in ID numbers.
     *
     * @throws LineRejectedException naming the line, the field and the rule
     */
    public TicketHistory read(String line, int lineNumber, LocalDate today) throws LineRejectedException {
        try {
            return parse(line, today);
        } catch (InvalidFieldException e) {
            throw new LineRejectedException(lineNumber, e);
        }
    }

    /**
     * Reads a ticket from its fields ({@link TicketFields#read}), read from inside a larger document
     * (a pull page) without becoming text first, with the same rules as a line.
     *
     * @throws LineRejectedException naming the line, the field and the rule
     */
    public TicketHistory read(TicketFields fields, int lineNumber, LocalDate today) throws LineRejectedException {
        try {
            return parse(fields, today);
        } catch (InvalidFieldException e) {
            throw new LineRejectedException(lineNumber, e);
        }
    }

    /** The JSON value at the parser's current token as its tree (a value where the format wants none such). */
    static JsonNode tree(JsonParser parser) throws IOException {
        return JSON.readTree(parser);
    }

    private TicketHistory parse(String line, LocalDate today) {
        TicketFields fields;
        try (JsonParser p = JSON.createParser(line)) {
            p.nextToken();
            fields = TicketFields.read(p);
            // a line is one object: text after it (a second ticket pasted on, a cut-off edit) is
            // refused, not read past as if it were not there
            if (fields.isObject() && JsonTail.hasMore(p)) {
                throw new InvalidFieldException("line", "rule.oneObject");
            }
        } catch (JsonProcessingException e) {
            // where, not Jackson's English: the message is said in the reader's language (as text, as a
            // set-aside record keeps it)
            JsonLocation where = e.getLocation();
            throw new InvalidFieldException(
                    "line", "rule.jsonAt", String.valueOf(where == null ? 0 : where.getColumnNr()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a text in memory", e);
        }
        return parse(fields, today);
    }

    private TicketHistory parse(TicketFields f, LocalDate today) {
        if (!f.isObject()) {
            throw new InvalidFieldException("line", "rule.notObject");
        }
        if (!FORMAT.equals(f.ticket.path("format").asText())) {
            throw new InvalidFieldException("format", "rule.oneOf", FORMAT);
        }
        int version = f.ticket.path("formatVersion").asInt(-1);
        if (version < FIRST_VERSION || version > FORMAT_VERSION) {
            throw new InvalidFieldException("formatVersion", "rule.oneOf", FIRST_VERSION + ", " + FORMAT_VERSION);
        }
        TicketFields.Level n = f.ticket;
        UUID id = uuid(n, "id");
        String ticketNo = required(n, "ticketNo");
        String item = required(n, "item");
        if (catalog.item(item).isEmpty()) {
            throw new InvalidFieldException("item", "rule.unknownItem", item);
        }
        Place county = place(n, "county", COUNTY_CODE);
        Place township = place(n, "township", TOWNSHIP_CODE);
        Place village = place(n, "village", VILLAGE_CODE);
        if (!township.code().startsWith(county.code())) {
            throw new InvalidFieldException("townshipCode", "rule.placeWithin", county.code());
        }
        if (!village.code().startsWith(township.code())) {
            throw new InvalidFieldException("villageCode", "rule.placeWithin", township.code());
        }
        TicketFields.Level a = f.applicant;
        String name = required(a, "name", "applicant.name");
        String idNumber = ResidentIdNumber.validate(
                "applicant.idNumber", a.path("idNumber").asText(null), today);
        String phone = PhoneNumber.validate("applicant.phone", a.path("phone").asText(null));
        IntakeChannel channel = enumValue(IntakeChannel.class, n, "channel");
        String raisedBy = optional(n, "raisedBy");
        if (channel != IntakeChannel.SELF_RAISED && raisedBy == null) {
            throw new InvalidFieldException("raisedBy", "rule.raisedByRequired");
        }
        Instant submittedAt = instant(n.get("submittedAt"), "submittedAt", true);
        Instant dispatchedAt = instant(n.get("dispatchedAt"), "dispatchedAt", false);
        if (dispatchedAt != null && dispatchedAt.isBefore(submittedAt)) {
            throw new InvalidFieldException("dispatchedAt", "rule.notBefore", "submittedAt");
        }
        String step = required(n, "currentStep");
        if (!catalog.hasStep(step)) {
            throw new InvalidFieldException("currentStep", "rule.unknownStep", step);
        }
        TicketStatus status = enumValue(TicketStatus.class, n, "status");
        Instant concludedAt = instant(n.get("concludedAt"), "concludedAt", false);
        if ((status == TicketStatus.CONCLUDED) != (concludedAt != null)) {
            throw new InvalidFieldException("concludedAt", "rule.concludedAtMatchesStatus");
        }
        String outcome = optional(n, "outcome");
        if (outcome != null && !catalog.hasOutcome(outcome)) {
            throw new InvalidFieldException("outcome", "rule.unknownOutcome", outcome);
        }
        List<TicketEvent> events = events(f.events, id);
        if (version == FIRST_VERSION) {
            // version 1 concluded a ticket at its follow-up visit; now 办结 is the feedback before it
            concludedAt = Conclusion.of(catalog.workflowOf(item), events);
            status = concludedAt != null
                    ? TicketStatus.CONCLUDED
                    : status == TicketStatus.CONCLUDED ? TicketStatus.IN_PROGRESS : status;
        }
        Ticket ticket = new Ticket(
                id,
                ticketNo,
                item,
                county,
                township,
                village,
                new Applicant(name, idNumber, phone),
                channel,
                raisedBy,
                submittedAt,
                dispatchedAt,
                step,
                status,
                concludedAt,
                outcome,
                0);
        return new TicketHistory(ticket, events);
    }

    private List<TicketEvent> events(List<TicketFields.Event> list, UUID ticketId) {
        if (list == null || list.isEmpty()) {
            throw new InvalidFieldException("events", "rule.required");
        }
        List<TicketEvent> events = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            TicketFields.Event event = list.get(i);
            TicketFields.Level e = event.fields;
            String prefix = "events[" + i + "].";
            UUID id = uuid(e, prefix + "id", e.get("id"));
            if (!ids.add(id)) {
                throw new InvalidFieldException(prefix + "id", "rule.duplicate", id);
            }
            if (e.path("seq").asInt(-1) != i + 1) {
                throw new InvalidFieldException(prefix + "seq", "rule.sequence", i + 1);
            }
            Instant at = instant(e.get("at"), prefix + "at", true);
            if (!events.isEmpty() && at.isBefore(events.get(events.size() - 1).at())) {
                throw new InvalidFieldException(prefix + "at", "rule.notBefore", "events[" + (i - 1) + "].at");
            }
            String action = required(e, "action", prefix + "action");
            if (!catalog.hasAction(action)) {
                throw new InvalidFieldException(prefix + "action", "rule.unknownAction", action);
            }
            String from = optional(e, "fromStep");
            String to = optional(e, "toStep");
            for (String step : new String[] {from, to}) {
                if (step != null && !catalog.hasStep(step)) {
                    throw new InvalidFieldException(
                            prefix + (step.equals(from) ? "fromStep" : "toStep"), "rule.unknownStep", step);
                }
            }
            if (event.formNotAnObject) {
                throw new InvalidFieldException(prefix + "form", "rule.notObject");
            }
            Map<String, Object> formData = event.form != null ? event.form : new LinkedHashMap<>();
            String outcome = optional(e, "outcome");
            if (outcome != null && !catalog.hasOutcome(outcome)) {
                throw new InvalidFieldException(prefix + "outcome", "rule.unknownOutcome", outcome);
            }
            Instant received = instant(e.get("receivedAt"), prefix + "receivedAt", false);
            events.add(new TicketEvent(
                    id,
                    ticketId,
                    i + 1,
                    required(e, "actor", prefix + "actor"),
                    at,
                    action,
                    from,
                    to,
                    optional(e, "note"),
                    formData,
                    outcome,
                    received));
        }
        return events;
    }

    private static String required(TicketFields.Level n, String field) {
        return required(n, field, field);
    }

    private static String required(TicketFields.Level n, String field, String path) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new InvalidFieldException(path, "rule.required");
        }
        if (!v.isTextual()) {
            throw new InvalidFieldException(path, "rule.text");
        }
        return v.asText().strip();
    }

    private static String optional(TicketFields.Level n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank()
                ? null
                : v.asText().strip();
    }

    private static UUID uuid(TicketFields.Level n, String field) {
        return uuid(n, field, n.get(field));
    }

    private static UUID uuid(TicketFields.Level n, String path, JsonNode v) {
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new InvalidFieldException(path, "rule.required");
        }
        try {
            return UUID.fromString(v.asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(path, "rule.uuid");
        }
    }

    private static Place place(TicketFields.Level n, String level, Pattern codePattern) {
        String code = required(n, level + "Code");
        if (!codePattern.matcher(code).matches()) {
            throw new InvalidFieldException(
                    level + "Code", "rule.digits", codePattern.pattern().replaceAll("\\D", ""));
        }
        return new Place(code, required(n, level + "Name"));
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, TicketFields.Level n, String field) {
        String v = required(n, field);
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name());
            }
            throw new InvalidFieldException(field, "rule.oneOf", String.join(", ", names));
        }
    }

    private static Instant instant(JsonNode v, String path, boolean required) {
        if (v == null || v.isNull() || v.asText().isBlank()) {
            if (required) {
                throw new InvalidFieldException(path, "rule.required");
            }
            return null;
        }
        try {
            return IsoTimes.instant(v.asText());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(path, "rule.dateTime");
        }
    }
}
