package org.reliefdesk.logic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The short path reads every text exactly as java.time does: the same value or the same refusal. */
class IsoTimesTest {

    private static final String NOISE = "0123456789-:+.TZtz 9x\u0660";
    private static final List<ZoneOffset> OFFSETS = List.of(
            ZoneOffset.UTC,
            ZoneOffset.ofHours(8),
            ZoneOffset.ofHours(-5),
            ZoneOffset.ofHoursMinutes(5, 30),
            ZoneOffset.ofHours(18),
            ZoneOffset.ofHours(-18),
            ZoneOffset.ofHoursMinutes(-3, -30));

    @Test
    void instantsAreReadAsJavaTimeReadsThem() {
        Random random = new Random(20261203);
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            String text = mutate(random, written(random));
            accepted += same(text, s -> OffsetDateTime.parse(s).toInstant(), IsoTimes::instant);
        }
        assertTrue(accepted > 50_000, "most cases are valid texts, not only refusals: " + accepted);
    }

    @Test
    void datesAndLocalTimesAreReadAsJavaTimeReadsThem() {
        Random random = new Random(7);
        int dates = 0;
        int times = 0;
        for (int i = 0; i < 100_000; i++) {
            String written = written(random);
            dates += same(mutate(random, written.substring(0, 10)), LocalDate::parse, IsoTimes::date);
            String local = written.replaceAll("(Z|[+-]\\d\\d:\\d\\d)$", "");
            times += same(mutate(random, local), LocalDateTime::parse, IsoTimes::dateTime);
        }
        assertTrue(dates > 25_000 && times > 25_000, dates + " dates, " + times + " times read");
    }

    @Test
    void edgesAreJavaTimes() {
        for (String text : List.of(
                "2021-11-23T09:30+08:00",
                "2021-11-23T09:30:05.5+08:00",
                "2021-11-23T09:30:05.123456789Z",
                "2021-11-23T09:30:05.1234567891Z",
                "2021-11-23T24:00+08:00",
                "2021-11-23T23:59:60Z",
                "2021-02-29T00:00Z",
                "2020-02-29T00:00Z",
                "0000-01-01T00:00Z",
                "2021-11-23T09:30-00:00",
                "2021-11-23T09:30+18:00",
                "2021-11-23T09:30+18:01",
                "2021-11-23T09:30+08:60",
                "2021-11-23t09:30z",
                "2021-11-23T09:30:05.Z",
                "2021-11-23T09:30:05+08",
                "+2021-11-23T09:30Z",
                "2021-11-23T09:30:05+08:00:30")) {
            same(text, s -> OffsetDateTime.parse(s).toInstant(), IsoTimes::instant);
        }
    }

    /** 1 when java.time accepted the text; fails unless both give the same value or both refuse it. */
    private static <T> int same(String text, Function<String, T> javaTime, Function<String, T> ours) {
        Object expected;
        try {
            expected = javaTime.apply(text);
        } catch (DateTimeParseException e) {
            expected = "refused";
        }
        Object actual;
        try {
            actual = ours.apply(text);
        } catch (DateTimeParseException e) {
            actual = "refused";
        }
        assertEquals(expected, actual, text);
        return expected.equals("refused") ? 0 : 1;
    }

    /** A time as the codec and other programs write it: offsets, seconds and fractions varied. */
    private static String written(Random random) {
        Instant at = Instant.ofEpochSecond(
                random.nextLong(-62_167_219_200L, 253_402_300_799L - 86_400), random.nextInt(1_000_000_000));
        if (random.nextInt(4) == 0) {
            at = at.minusNanos(at.getNano()); // whole seconds: written without a fraction
        }
        if (random.nextInt(4) == 0) {
            at = at.minusSeconds(Math.floorMod(at.getEpochSecond(), 60)); // whole minutes: written without seconds
        }
        OffsetDateTime t = at.atOffset(OFFSETS.get(random.nextInt(OFFSETS.size())));
        return t.toString();
    }

    /** Half the texts as written; the others with one character changed, added or taken away. */
    private static String mutate(Random r, String text) {
        if (r.nextBoolean() || text.isEmpty()) {
            return text;
        }
        int at = r.nextInt(text.length());
        char c = NOISE.charAt(r.nextInt(NOISE.length()));
        return switch (r.nextInt(4)) {
            case 0 -> text.substring(0, at) + c + text.substring(at + 1);
            case 1 -> text.substring(0, at) + c + text.substring(at);
            case 2 -> text.substring(0, at) + text.substring(at + 1);
            default -> text.substring(0, at);
        };
    }
}
