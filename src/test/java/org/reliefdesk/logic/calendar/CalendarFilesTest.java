package org.reliefdesk.logic.calendar;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.model.ChinaTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A year's holiday file: what is taken at its limits, what is refused, and where an imported year goes. */
class CalendarFilesTest {

    @TempDir
    Path dir;

    private static String year(int year, String offFrom, String offTo, String makeUp) {
        return "{\"formatVersion\": 1, \"year\": " + year + ", \"notice\": {\"title\": \"国务院办公厅关于" + year
                + "年部分节假日安排的通知\", \"issued\": \"" + (year - 1) + "-11-01\", \"number\": \"国办发明电〔"
                + (year - 1) + "〕1号\"}, \"offDays\": [{\"from\": \"" + offFrom + "\", \"to\": \"" + offTo
                + "\"}], \"makeUpWorkingDays\": [" + (makeUp == null ? "" : "\"" + makeUp + "\"") + "]}";
    }

    @Test
    void yearsFrom2000To2100AreTakenAndNoOthers() {
        assertEquals(
                2000,
                CalendarLoader.read("a", year(2000, "2000-01-01", "2000-01-03", null))
                        .year());
        assertEquals(
                2100,
                CalendarLoader.read("b", year(2100, "2100-01-01", "2100-01-03", null))
                        .year());
        assertEquals("rule.calendar.year [year]", refusal(year(1999, "1999-01-01", "1999-01-03", null)));
        assertEquals("rule.calendar.year [year]", refusal(year(2101, "2101-01-01", "2101-01-03", null)));
    }

    /** The rule a file breaks and its values, as a PC or the central store would say them. */
    private static String refusal(String text) {
        CalendarException e = assertThrows(CalendarException.class, () -> CalendarLoader.read("f.json", text));
        assertEquals("calendar", e.field());
        assertTrue(e.getMessage().startsWith("f.json: " + e.rule()), "the log names the file: " + e.getMessage());
        return e.rule() + " " + e.args();
    }

    /** Two years pasted into one file: refused, not read as the first year alone. */
    @Test
    void aFileIsOneYearWithNothingAfterIt() {
        String y2030 = year(2030, "2030-01-01", "2030-01-03", null);
        assertEquals(2030, CalendarLoader.read("a", y2030 + "\n").year());
        assertEquals("rule.oneObject []", refusal(y2030 + year(2031, "2031-01-01", "2031-01-03", null)));
        assertEquals("rule.oneObject []", refusal(y2030 + " and 2031"), "words after it are no better");
        assertEquals("rule.notObject []", refusal("[" + y2030 + "]"));
        assertEquals("rule.notObject []", refusal(""));
        assertEquals("rule.calendar.json [2, 1]", refusal("{\"formatVersion\": 1,\n}"), "where: line, column");
    }

    @Test
    void aRangeRunsForwardWithinAMonthAndAMakeUpDayIsAWeekendNotOff() {
        assertEquals(
                31,
                CalendarLoader.read("a", year(2030, "2030-01-01", "2030-01-31", null))
                        .offDays()
                        .size());
        assertEquals(
                32,
                CalendarLoader.read("a", year(2030, "2030-01-01", "2030-02-01", null))
                        .offDays()
                        .size());
        assertEquals("rule.calendar.offRange [1, offDays[0]]", refusal(year(2030, "2030-01-01", "2030-02-02", null)));
        assertEquals("rule.calendar.offRange [1, offDays[0]]", refusal(year(2030, "2030-01-05", "2030-01-04", null)));
        assertEquals(
                1,
                CalendarLoader.read("d", year(2030, "2030-01-01", "2030-01-01", "2030-01-05"))
                        .offDays()
                        .size());
        assertEquals(
                "rule.calendar.makeUpOff [1, makeUpWorkingDays[0], 2030-01-05]",
                refusal(year(2030, "2030-01-05", "2030-01-06", "2030-01-05")),
                "a Saturday both off and worked");
        assertEquals(
                "rule.calendar.makeUpWeekday [1, makeUpWorkingDays[0], 2030-01-07]",
                refusal(year(2030, "2030-01-01", "2030-01-01", "2030-01-07")),
                "a Monday is no make-up day");
        assertEquals(
                "rule.calendar.offYear [1, offDays[0], 2030]", refusal(year(2030, "2028-12-30", "2028-12-31", null)));
    }

    @Test
    void anImportedYearIsKeptInTheDataDirectoryAndReadWithTheShippedOnes() throws Exception {
        assertEquals(Optional.empty(), CalendarLoader.installedText(dir, 2031));
        String text = year(2031, "2031-01-01", "2031-01-03", null);
        HolidayYear y = CalendarLoader.install("2031.json", text, dir);
        assertEquals(2031, y.year());
        assertEquals(Optional.of(text), CalendarLoader.installedText(dir, 2031));
        Path file = dir.resolve("offered.json");
        Files.writeString(file, year(2032, "2032-01-01", "2032-01-02", null));
        assertEquals(2032, CalendarLoader.install(file, dir).year());
        // another kind of file in the folder is no year
        Files.writeString(dir.resolve("calendar").resolve("notes.txt"), "not a year");
        WorkingCalendar calendar = CalendarLoader.load(dir);
        assertTrue(calendar.year(2031).isPresent());
        assertTrue(calendar.year(2032).isPresent());
        assertTrue(calendar.year(2024).isPresent(), "the shipped years stay");
        assertEquals(calendar.years().size(), CalendarLoader.builtInYears().size() + 2);
        assertTrue(CalendarLoader.builtInYears().containsAll(List.of(2021, 2022, 2023, 2024, 2025, 2026)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2031, 1, 2)), "an imported day off counts");
    }

    /**
     * One faulty file in the data directory stops no clock: it is left out (its year counted as
     * shipped, else Monday to Friday) and named with its rule; the other files count. A file saved
     * by Windows Notepad (UTF-8 with a byte-order mark) is read; one in GBK is refused as such.
     */
    @Test
    void aFaultyFileInTheDataDirectoryIsLeftOutNamedAndTheRestCount() throws Exception {
        Path folder = CalendarLoader.directoryIn(dir);
        Files.createDirectories(folder);
        // an earlier version read only the first of two years pasted together, and kept the file
        String y2024 = year(2024, "2024-10-01", "2024-10-31", null);
        Files.writeString(folder.resolve("2024.json"), y2024 + y2024);
        Files.writeString(folder.resolve("2030.json"), year(2030, "2030-01-01", "2030-01-03", null));
        Files.write(
                folder.resolve("2031.json"),
                year(2031, "2031-01-01", "2031-01-03", null).getBytes(Charset.forName("GBK")));
        Files.writeString(folder.resolve("2032.json"), "\uFEFF" + year(2032, "2032-01-01", "2032-01-03", null));

        CalendarLoader.Loaded loaded = CalendarLoader.loadReporting(dir);
        assertEquals(
                List.of(
                        folder.resolve("2024.json") + " rule.oneObject",
                        folder.resolve("2031.json") + " rule.calendar.encoding"),
                loaded.leftOut().stream().map(e -> e.file() + " " + e.rule()).toList());
        WorkingCalendar calendar = loaded.calendar();
        assertTrue(calendar.isWorkingDay(LocalDate.of(2024, 10, 8)), "2024 as shipped, not the faulty file");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2024, 9, 29)), "the shipped make-up Sunday");
        assertTrue(calendar.year(2030).isPresent());
        assertTrue(calendar.year(2031).isEmpty(), "counted Monday to Friday, marked as estimated");
        assertTrue(calendar.year(2032).isPresent(), "Notepad's byte-order mark is no fault");
        assertEquals(calendar.years(), CalendarLoader.load(dir).years(), "load() is the same, without the report");

        Path gbk = dir.resolve("offered-gbk.json");
        Files.write(gbk, year(2033, "2033-01-01", "2033-01-03", null).getBytes(Charset.forName("GBK")));
        CalendarException refused = assertThrows(CalendarException.class, () -> CalendarLoader.install(gbk, dir));
        assertEquals("rule.calendar.encoding", refused.rule());
        assertFalse(Files.exists(folder.resolve("2033.json")));
    }

    @Test
    void dueSoonStartsOnTheLastWorkingDayBeforeTheDeadlinesDay() {
        WorkingCalendar calendar = CalendarLoader.builtIn();
        // due at the end of Monday 2024-10-07 (the National Day week is off): the last working day before it is
        // Monday 2024-09-30
        Instant due = LocalDate.of(2024, 10, 8).atStartOfDay(ChinaTime.ZONE).toInstant();
        assertEquals(
                LocalDate.of(2024, 9, 30).atStartOfDay(ChinaTime.ZONE).toInstant(),
                calendar.startOfLastWorkingDayBefore(due));
        Instant thursday =
                LocalDate.of(2024, 11, 22).atStartOfDay(ChinaTime.ZONE).toInstant();
        assertEquals(
                LocalDate.of(2024, 11, 20).atStartOfDay(ChinaTime.ZONE).toInstant(),
                calendar.startOfLastWorkingDayBefore(thursday));
    }
}
