package org.reliefdesk.logic.queue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * How a Chinese name is typed on a keyboard without an input method: its full pinyin without tones
 * ({@code LISHUIQING}) and its initials ({@code LSQ}), upper case as the search compares. Each
 * character has its common reading, from ICU's Han-Latin transliteration, kept in a table; a
 * surname read otherwise at the start of a name (单 Shan, 曾 Zeng) also matches that way.
 */
public final class Pinyin {

    /** The first and last code points the table of readings covers: Extension A and the Unified Ideographs. */
    static final int FIRST = 0x3400;

    static final int LAST = 0x9FFF;

    /** Where the readings are kept, one line per code point from {@link #FIRST}: see {@code PinyinTableTest}. */
    static final String TABLE = "/org/reliefdesk/pinyin/readings.txt";

    /** Surnames whose reading as a surname differs from the character's common reading. */
    private static final Map<Integer, String> SURNAMES = Map.ofEntries(
            Map.entry((int) '单', "SHAN"),
            Map.entry((int) '曾', "ZENG"),
            Map.entry((int) '解', "XIE"),
            Map.entry((int) '朴', "PIAO"),
            Map.entry((int) '查', "ZHA"),
            Map.entry((int) '仇', "QIU"),
            Map.entry((int) '区', "OU"),
            Map.entry((int) '盖', "GE"),
            Map.entry((int) '乐', "YUE"),
            Map.entry((int) '尉', "YU"),
            Map.entry((int) '覃', "QIN"),
            Map.entry((int) '翟', "ZHAI"),
            Map.entry((int) '缪', "MIAO"),
            Map.entry((int) '繁', "PO"),
            Map.entry((int) '员', "YUN"),
            Map.entry((int) '长', "CHANG"),
            Map.entry((int) '重', "CHONG"));

    private Pinyin() {}

    /** The forms of {@code name} a person may type, joined by {@code separator}: full, initials, and the surname's. */
    public static String forms(String name, char separator) {
        if (name == null || name.codePoints().noneMatch(Pinyin::han)) {
            return "";
        }
        StringBuilder full = new StringBuilder();
        StringBuilder initials = new StringBuilder();
        name.codePoints().forEach(c -> {
            String r = reading(c);
            full.append(r);
            if (!r.isEmpty()) {
                initials.append(r.charAt(0));
            }
        });
        String out = full.toString() + separator + initials;
        int first = name.codePointAt(0);
        String surname = SURNAMES.get(first);
        if (surname != null && !surname.equals(reading(first))) {
            String rest = full.substring(reading(first).length());
            out += separator + surname + rest + separator + surname.charAt(0) + initials.substring(1);
        }
        return out;
    }

    /** A typed pinyin query as the index holds it: letters only, upper case ("li shui" → LISHUI). */
    public static String query(String typed) {
        return typed.replaceAll("[\\s']", "").toUpperCase(Locale.ROOT);
    }

    /** Whether a query is typed pinyin (Latin letters, spaces, apostrophes), not a number or a name. */
    public static boolean latin(String typed) {
        return typed.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ' || c == '\'')
                && typed.chars().anyMatch(Character::isLetter);
    }

    private static boolean han(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static String reading(int c) {
        if (!han(c)) {
            return Character.isLetterOrDigit(c) ? new String(Character.toChars(c)).toUpperCase(Locale.ROOT) : "";
        }
        return c < FIRST || c > LAST ? "" : Readings.ALL[c - FIRST];
    }

    /**
     * The readings, loaded on first use (about 20 ms): ICU's Han-Latin transliterator gives the
     * same, but takes 0.75 s to start, on the path of a workbench's first screen.
     */
    private static final class Readings {
        static final String[] ALL = load();

        private static String[] load() {
            String[] all = new String[LAST - FIRST + 1];
            try (InputStream in = Pinyin.class.getResourceAsStream(TABLE)) {
                if (in == null) {
                    throw new IllegalStateException("the pinyin table " + TABLE + " is missing from the program");
                }
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
                for (int i = 0; i < all.length; i++) {
                    String line = lines.readLine();
                    all[i] = line == null ? "" : line.intern();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return all;
        }
    }
}
