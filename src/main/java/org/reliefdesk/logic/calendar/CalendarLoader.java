package org.reliefdesk.logic.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.reliefdesk.logic.JsonTail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads holiday years: the ones shipped with the program (2021–2026) and any an
 * administrator added to {@code <data dir>/calendar/} — a year there replaces the shipped one.
 * Each file is validated; a bad file stops with a {@link CalendarException} naming the entry and its rule.
 */
public final class CalendarLoader {

    private static final String BUILT_IN_DIR = "/org/reliefdesk/calendar/";
    private static final Logger LOG = LoggerFactory.getLogger(CalendarLoader.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private CalendarLoader() {}

    public static Path directoryIn(Path dataDir) {
        return dataDir.resolve("calendar");
    }

    /** Shipped years only. */
    public static WorkingCalendar builtIn() {
        return new WorkingCalendar(List.copyOf(readBuiltIn().values()));
    }

    /** Shipped years, then the data directory's years on top; a file that cannot be used is left out and logged. */
    public static WorkingCalendar load(Path dataDir) {
        return loadReporting(dataDir).calendar();
    }

    /**
     * The calendar, and the data directory's files left out of it. A file with a fault (copied there
     * by hand, or kept by an earlier version that read less strictly) must not stop every clock: its
     * year is counted as if the file were not there (the shipped year, else Monday to Friday, marked
     * as estimated), and it is logged and said on the administrator's page.
     */
    public static Loaded loadReporting(Path dataDir) {
        Map<Integer, HolidayYear> years = readBuiltIn();
        List<CalendarException> leftOut = new ArrayList<>();
        Path dir = directoryIn(dataDir);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json"))
                        .sorted()
                        .toList()) {
                    try {
                        HolidayYear y = read(f.toString(), text(f));
                        years.put(y.year(), y);
                    } catch (CalendarException bad) {
                        LOG.warn("Holiday file {} left out: {}", f, bad.getMessage());
                        leftOut.add(bad);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + dir, e);
            }
        }
        return new Loaded(new WorkingCalendar(List.copyOf(years.values())), List.copyOf(leftOut));
    }

    /** A calendar and the files of the data directory left out of it ({@link CalendarException#file()} names each). */
    public record Loaded(WorkingCalendar calendar, List<CalendarException> leftOut) {}

    private static Map<Integer, HolidayYear> readBuiltIn() {
        Map<Integer, HolidayYear> years = new LinkedHashMap<>();
        String index = resource(BUILT_IN_DIR + "years.txt");
        for (String line : index.split("\n")) {
            if (!line.isBlank()) {
                String name = BUILT_IN_DIR + line.strip() + ".json";
                HolidayYear y = read(name, resource(name));
                years.put(y.year(), y);
            }
        }
        return years;
    }

    private static String resource(String name) {
        try (InputStream in = CalendarLoader.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + ": not found on the class path (the program is incomplete)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses and validates one year's file; {@code file} is only used in the log. A problem is
     * a {@link CalendarException} naming the entry (counted from 1, and by its place in the file).
     */
    public static HolidayYear read(String file, String text) {
        JsonNode n = tree(file, text);
        if (n.path("formatVersion").asInt(-1) != 1) {
            throw new CalendarException(file, "rule.calendar.formatVersion", "formatVersion");
        }
        int year = n.path("year").asInt(0);
        if (year < 2000 || year > 2100) {
            throw new CalendarException(file, "rule.calendar.year", "year");
        }
        JsonNode notice = n.path("notice");
        String title = notice.path("title").asText("");
        if (title.isBlank()) {
            throw new CalendarException(file, "rule.calendar.title", "notice.title");
        }
        LocalDate issued =
                date(notice.path("issued"), () -> new CalendarException(file, "rule.calendar.issued", "notice.issued"));
        Set<LocalDate> off = new HashSet<>();
        JsonNode ranges = n.path("offDays");
        if (!ranges.isArray() || ranges.isEmpty()) {
            throw new CalendarException(file, "rule.calendar.offDays", "offDays");
        }
        for (int i = 0; i < ranges.size(); i++) {
            int at = i;
            LocalDate from = date(
                    ranges.get(i).path("from"),
                    () -> new CalendarException(file, "rule.calendar.offFrom", at + 1, range(at) + ".from"));
            LocalDate to = date(
                    ranges.get(i).path("to"),
                    () -> new CalendarException(file, "rule.calendar.offTo", at + 1, range(at) + ".to"));
            if (to.isBefore(from) || from.plusDays(31).isBefore(to)) {
                throw new CalendarException(file, "rule.calendar.offRange", i + 1, range(i));
            }
            if (Math.abs(from.getYear() - year) > 1 || (to.getYear() != year && from.getYear() != year)) {
                throw new CalendarException(file, "rule.calendar.offYear", i + 1, range(i), String.valueOf(year));
            }
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                off.add(d);
            }
        }
        Set<LocalDate> work = new HashSet<>();
        JsonNode days = n.path("makeUpWorkingDays");
        for (int i = 0; i < days.size(); i++) {
            int at = i;
            LocalDate d = date(
                    days.get(i), () -> new CalendarException(file, "rule.calendar.makeUpDate", at + 1, makeUp(at)));
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw new CalendarException(file, "rule.calendar.makeUpWeekday", i + 1, makeUp(i), d.toString());
            }
            if (off.contains(d)) {
                throw new CalendarException(file, "rule.calendar.makeUpOff", i + 1, makeUp(i), d.toString());
            }
            work.add(d);
        }
        String number =
                notice.path("number").isTextual() ? notice.path("number").asText() : null;
        return new HolidayYear(
                year, title, number, issued, notice.path("source").asText(null), off, work);
    }

    /** The file's one object: not JSON, not an object, or text after it (a second year pasted on) is refused. */
    private static JsonNode tree(String file, String text) {
        try (JsonParser p = JSON.createParser(text)) {
            JsonNode n = JSON.readTree(p);
            if (n == null || !n.isObject()) {
                throw new CalendarException(file, "rule.notObject");
            }
            if (JsonTail.hasMore(p)) {
                throw new CalendarException(file, "rule.oneObject");
            }
            return n;
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new CalendarException(
                    file,
                    "rule.calendar.json",
                    String.valueOf(where == null ? 0 : where.getLineNr()),
                    String.valueOf(where == null ? 0 : where.getColumnNr()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a text in memory", e);
        }
    }

    // an entry's place in the file, as its writer sees it (the rules' words count entries from 1)
    private static String range(int i) {
        return "offDays[" + i + "]";
    }

    private static String makeUp(int i) {
        return "makeUpWorkingDays[" + i + "]";
    }

    private static LocalDate date(JsonNode v, Supplier<CalendarException> refusal) {
        try {
            return LocalDate.parse(v.asText(""));
        } catch (DateTimeParseException e) {
            throw refusal.get();
        }
    }

    /** Validates a file an administrator supplies and copies it into the data directory. */
    public static HolidayYear install(Path file, Path dataDir) throws IOException {
        return install(file.toString(), text(file), dataDir);
    }

    /**
     * A year's file as text: UTF-8, with or without the byte-order mark Windows Notepad writes; a
     * file in another encoding (GBK, say) is refused as such, not read as garbled JSON.
     */
    public static String text(Path file) throws IOException {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            throw new CalendarException(file.toString(), "rule.calendar.encoding", "UTF-8");
        }
    }

    /**
     * Validates one year's text and writes it as {@code <data dir>/calendar/<year>.json} (whole or
     * not at all: written beside, then moved). {@code name} is only used in messages.
     */
    public static HolidayYear install(String name, String text, Path dataDir) throws IOException {
        HolidayYear y = read(name, text);
        Path dir = directoryIn(dataDir);
        Files.createDirectories(dir);
        Path target = dir.resolve(y.year() + ".json");
        Path tmp = dir.resolve(y.year() + ".json.tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return y;
    }

    /** The text of a year imported into this data directory, if there is one. */
    public static Optional<String> installedText(Path dataDir, int year) throws IOException {
        Path f = directoryIn(dataDir).resolve(year + ".json");
        return Files.exists(f) ? Optional.of(Files.readString(f, StandardCharsets.UTF_8)) : Optional.empty();
    }

    /** Years the built-in data covers, for messages. */
    public static List<Integer> builtInYears() {
        return new ArrayList<>(readBuiltIn().keySet());
    }
}
