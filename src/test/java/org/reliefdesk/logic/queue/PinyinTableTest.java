package org.reliefdesk.logic.queue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.ibm.icu.text.Transliterator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The table of readings the search uses is ICU's Han-Latin transliteration of every character it
 * covers. When ICU is upgraded and reads a character otherwise, this fails; write the table again
 * with {@code mvn test -Dtest=PinyinTableTest -Dpinyin.write=true} and commit it.
 */
class PinyinTableTest {

    private static final Path SOURCE = Path.of("src/main/resources" + Pinyin.TABLE);

    /** ICU's reading of each code point the table covers, as the table holds it. */
    private static List<String> fromIcu() {
        Transliterator hanLatin = Transliterator.getInstance("Han-Latin; Latin-ASCII");
        List<String> lines = new ArrayList<>();
        for (int c = Pinyin.FIRST; c <= Pinyin.LAST; c++) {
            String latin = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                    ? hanLatin.transliterate(new String(Character.toChars(c)))
                    : "";
            // a character ICU does not read stays Han: it has no typed form
            lines.add(
                    latin.codePoints().allMatch(x -> x < 128)
                            ? latin.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT)
                            : "");
        }
        return lines;
    }

    @Test
    void theTableIsIcusReadingOfEveryCharacterItCovers() throws IOException {
        List<String> icu = fromIcu();
        if (Boolean.getBoolean("pinyin.write")) {
            Files.write(SOURCE, icu, StandardCharsets.US_ASCII);
        }
        List<String> table;
        try (InputStream in = Pinyin.class.getResourceAsStream(Pinyin.TABLE)) {
            assertNotNull(in, "the table is on the class path");
            table = List.of(new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n", -1))
                    .subList(0, icu.size());
        }
        for (int i = 0; i < icu.size(); i++) {
            assertEquals(
                    icu.get(i),
                    table.get(i),
                    "the reading of " + new String(Character.toChars(Pinyin.FIRST + i)) + " (U+"
                            + Integer.toHexString(Pinyin.FIRST + i).toUpperCase(Locale.ROOT) + ")");
        }
        // every character of GB 2312 (6,763: the common ones) has a reading; rarer ones mostly do
        CharsetEncoder gb2312 = Charset.forName("GB2312").newEncoder();
        long common = 0;
        for (int i = 0; i < icu.size(); i++) {
            char c = (char) (Pinyin.FIRST + i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && gb2312.canEncode(c)) {
                common++;
                assertFalse(icu.get(i).isEmpty(), "a reading of " + c);
            }
        }
        assertEquals(6_763, common);
    }

    @Test
    void theReadingsThePeopleOfTheSampleCountyAreSearchedBy() {
        assertEquals("LISHUIQING\u0001LSQ", Pinyin.forms("李水清", '\u0001'));
        assertEquals("LIKUNYUN LKY", Pinyin.forms("李堃赟", ' '), "beyond GB 2312");
        assertEquals("YANGJIE YJ", Pinyin.forms("杨㛃", ' '), "Extension A");
        assertEquals("", Pinyin.forms("Smith", ' '), "no Chinese, no pinyin forms");
        assertEquals("DANCHUNLAN DCL SHANCHUNLAN SCL", Pinyin.forms("单春兰", ' '));
    }
}
