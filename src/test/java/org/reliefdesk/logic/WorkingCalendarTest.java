package org.reliefdesk.logic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.calendar.CalendarException;
import org.reliefdesk.logic.calendar.CalendarLoader;
import org.reliefdesk.logic.calendar.Deadline;
import org.reliefdesk.logic.calendar.WorkingCalendar;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.ChinaTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkingCalendarTest {

    private static final WorkingCalendar CAL = CalendarLoader.builtIn();

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ChinaTime.ZONE).toInstant();
    }

    private static LocalDateTime last(Deadline d) {
        return d.lastMoment(ChinaTime.ZONE);
    }

    @Test
    void oneCalendarAskedManyTimesAnswersAsAFreshOne() {
        // the answers are remembered per (day, n): asked again in another order, and beside
        // neighbouring days and counts, each is still that of a calendar asked for the first time
        WorkingCalendar shared = CalendarLoader.builtIn();
        Instant first = Instant.parse("2024-09-25T02:00:00Z");
        for (int round = 0; round < 2; round++) {
            for (int d = 20; d >= 0; d--) {
                for (int n = 0; n <= 12; n++) {
                    Instant from = first.plus(Duration.ofDays(d));
                    assertEquals(
                            CalendarLoader.builtIn().addWorkingDays(from, n),
                            shared.addWorkingDays(from, n),
                            d + " days on, " + n + " working days");
                }
            }
        }
    }

    @Test
    void makeUpSundayCountsAndNationalDayWeekDoesNot() {
        // 2024-09-29 (Sunday) is a make-up working day; 2024-10-01..07 are off.
        assertEquals(LocalDateTime.parse("2024-09-30T23:59:59"), last(CAL.addWorkingDays(at("2024-09-27T16:00"), 2)));
        assertEquals(LocalDateTime.parse("2024-10-09T23:59:59"), last(CAL.addWorkingDays(at("2024-09-30T10:00"), 2)));
        assertFalse(CAL.addWorkingDays(at("2024-09-30T10:00"), 2).estimated());
    }

    @Test
    void countingStartsTheNextDay() {
        // Monday 2024-06-03 + 5 working days = end of Monday 2024-06-10? No: 06-10 is 端午节 (off) → 06-11.
        assertEquals(
                LocalDate.of(2024, 6, 11),
                last(CAL.addWorkingDays(at("2024-06-03T08:00"), 5)).toLocalDate());
        assertEquals(LocalDateTime.parse("2024-06-13T23:59:59"), last(CAL.addCalendarDays(at("2024-06-03T08:00"), 10)));
        assertEquals(
                at("2024-06-04T08:00"), CAL.addHours(at("2024-06-03T08:00"), 24).due());
    }

    @Test
    void everyYearMatchesItsNoticeInTotalAndAtItsEdges() {
        // Totals: weekdays, minus weekday days off, plus make-up days — as published for each year.
        Map<Integer, Integer> totals = Map.of(2021, 250, 2022, 249, 2023, 249, 2024, 251, 2025, 248, 2026, 248);
        totals.forEach(
                (year, total) -> assertEquals(total, CAL.workingDays(year).size(), "year " + year));
        // Make-up working days named in the notices are working days, whatever the weekday.
        for (String d : new String[] {
            "2021-02-07",
            "2022-04-02",
            "2023-06-25",
            "2024-02-18",
            "2025-01-26",
            "2026-01-04",
            "2026-02-28",
            "2026-09-20"
        }) {
            assertTrue(CAL.isWorkingDay(LocalDate.parse(d)), d);
        }
        // Weekday holidays are not; 2024's 除夕 (02-09) is an official working day.
        for (String d : new String[] {
            "2021-10-07",
            "2022-01-31",
            "2023-04-05",
            "2024-05-02",
            "2025-02-04",
            "2025-10-08",
            "2026-02-23",
            "2026-05-05"
        }) {
            assertFalse(CAL.isWorkingDay(LocalDate.parse(d)), d);
        }
        assertTrue(CAL.isWorkingDay(LocalDate.parse("2024-02-09")));
    }

    @Test
    void aYearWithoutDataFallsBackToMondayToFridayAndSaysSo() {
        Deadline d = CAL.addWorkingDays(at("2027-09-30T10:00"), 2);
        assertTrue(d.estimated());
        assertEquals(LocalDate.of(2027, 10, 4), last(d).toLocalDate()); // Fri 10-01, Mon 10-04
        assertFalse(CAL.covers(LocalDate.of(2027, 1, 4)));
    }

    @Test
    void anAdministratorAddsAYearFromAFile(@TempDir Path dataDir) throws IOException {
        Path file = dataDir.resolve("2027-input.json");
        Files.writeString(file, """
                {"formatVersion":1,"year":2027,
                 "notice":{"title":"国务院办公厅关于2027年部分节假日安排的通知","issued":"2026-11-01"},
                 "offDays":[{"from":"2027-10-01","to":"2027-10-07","holiday":"国庆节"}],
                 "makeUpWorkingDays":["2027-09-26"]}""");
        CalendarLoader.install(file, dataDir);
        WorkingCalendar cal = CalendarLoader.load(dataDir);
        assertTrue(cal.covers(LocalDate.of(2027, 3, 1)));
        assertTrue(cal.isWorkingDay(LocalDate.of(2027, 9, 26)));
        Deadline d = cal.addWorkingDays(at("2027-09-30T10:00"), 2);
        assertFalse(d.estimated());
        assertEquals(LocalDate.of(2027, 10, 11), last(d).toLocalDate()); // Fri 10-08 and Mon 10-11
    }

    /**
     * A bad file is refused naming the entry and the rule, as codes: an administrator at a zh PC
     * reads them in Chinese, one at an en PC in English, whoever found the fault (the PC or the
     * central store); the log keeps the file's name.
     */
    @Test
    void aBadFileIsRefusedNamingTheEntryInTheReadersLanguage() {
        CalendarException weekday = assertThrows(CalendarException.class, () -> CalendarLoader.read("2027.json", """
                {"formatVersion":1,"year":2027,"notice":{"title":"t","issued":"2026-11-01"},
                 "offDays":[{"from":"2027-10-01","to":"2027-10-07"}],
                 "makeUpWorkingDays":["2027-09-26","2027-09-27"]}"""));
        assertEquals(
                "2027.json: rule.calendar.makeUpWeekday [2, makeUpWorkingDays[1], 2027-09-27]", weekday.getMessage());
        assertEquals(
                "放假安排文件：第 2 个调休上班日（makeUpWorkingDays[1]）2027-09-27 不是星期六或星期日，而调休上班日总在周末",
                new Texts(Texts.CHINESE).describe(weekday));
        assertEquals(
                "Holiday-year file: make-up working day no. 2 (makeUpWorkingDays[1]), 2027-09-27, is not a Saturday"
                        + " or Sunday; a make-up working day always is",
                new Texts(Locale.ENGLISH).describe(weekday));
        CalendarException badDate = assertThrows(CalendarException.class, () -> CalendarLoader.read("x.json", """
                {"formatVersion":1,"year":2027,"notice":{"title":"t","issued":"2026-11-01"},
                 "offDays":[{"from":"2027-01-01","to":"2027-01-03"},{"from":"2027-02-30","to":"2027-03-01"}]}"""));
        assertEquals("x.json: rule.calendar.offFrom [2, offDays[1].from]", badDate.getMessage());
        assertEquals(
                "放假安排文件：第 2 段放假的开始日期（offDays[1].from）须是形如 2024-10-01 的日期", new Texts(Texts.CHINESE).describe(badDate));
        CalendarException noNotice = assertThrows(CalendarException.class, () -> CalendarLoader.read("y.json", """
                {"formatVersion":1,"year":2027,"notice":{},"offDays":[]}"""));
        assertEquals("rule.calendar.title", noNotice.rule());
        assertEquals(
                "Holiday-year file: must give the title of the State Council notice (notice.title)",
                new Texts(Locale.ENGLISH).describe(noNotice));
        CalendarException notJson = assertThrows(
                CalendarException.class,
                () -> CalendarLoader.read("z.json", "{\"formatVersion\":1,\n \"year\": 20x7}"));
        assertEquals("放假安排文件：不是有效的 JSON（约在第 2 行第 12 列）", new Texts(Texts.CHINESE).describe(notJson));
    }

    @Test
    void aDueInstantIsWrittenAsTheEndOfTheLastDay() {
        assertEquals(
                "2024-09-30 24:00",
                Deadline.written(Instant.parse("2024-09-30T16:00:00Z"))); // 2024-10-01 00:00 China time
        assertEquals("2024-10-01 09:30", Deadline.written(Instant.parse("2024-10-01T01:30:00Z")));
        assertEquals("", Deadline.written(null));
    }
}
