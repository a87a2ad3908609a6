package org.reliefdesk.logic.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.reliefdesk.model.ChinaTime;

/**
 * Official working days (工作日): Monday to Friday, except the State Council's days off, plus
 * its make-up working days (调休上班). A year without data falls back to Monday–Friday and
 * every result that touched it is marked estimated.
 *
 * <p>Day-based time limits count from the next day (次日起) and end at the end of the last
 * day, China time.
 */
public final class WorkingCalendar {

    private final Map<Integer, HolidayYear> years;

    /** Answers of {@link #addWorkingDays} by (day, n); the calendar never changes, so neither do they. */
    private final Map<DaysAfter, Deadline> memo = new ConcurrentHashMap<>();

    public WorkingCalendar(List<HolidayYear> years) {
        TreeMap<Integer, HolidayYear> map = new TreeMap<>();
        years.forEach(y -> map.put(y.year(), y));
        this.years = map;
    }

    public List<HolidayYear> years() {
        return List.copyOf(years.values());
    }

    public Optional<HolidayYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    public boolean covers(LocalDate date) {
        return years.containsKey(date.getYear());
    }

    public boolean isWorkingDay(LocalDate date) {
        // An off day listed under the next year's notice (2022-12-31 in the 2023 notice) counts too.
        for (HolidayYear y : new HolidayYear[] {years.get(date.getYear()), years.get(date.getYear() + 1)}) {
            if (y != null && y.makeUpWorkingDays().contains(date)) {
                return true;
            }
            if (y != null && y.offDays().contains(date)) {
                return false;
            }
        }
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    /** Every working day of a year, in order. */
    public List<LocalDate> workingDays(int year) {
        List<LocalDate> result = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                result.add(d);
            }
        }
        return result;
    }

    /** The end of the {@code n}-th working day after the day of {@code from} (次日起). */
    public Deadline addWorkingDays(Instant from, int n) {
        LocalDate start = from.atZone(ChinaTime.ZONE).toLocalDate();
        // A county's load asks this for 100,000 tickets that started on a few hundred days: the
        // answer depends on the day and n only, so it is counted once per pair.
        return memo.computeIfAbsent(new DaysAfter(start, n), k -> workingDaysAfter(start, n));
    }

    /** A question {@link #addWorkingDays} answered: n working days after a day. */
    private record DaysAfter(LocalDate start, int n) {}

    private Deadline workingDaysAfter(LocalDate start, int n) {
        LocalDate day = start;
        boolean estimated = false;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            estimated |= !covers(day);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return new Deadline(endOf(day), estimated);
    }

    /** The end of the {@code n}-th calendar day after the day of {@code from} (次日起). */
    public Deadline addCalendarDays(Instant from, int n) {
        return new Deadline(endOf(from.atZone(ChinaTime.ZONE).toLocalDate().plusDays(n)), false);
    }

    /** Exactly {@code n} hours after {@code from} (wall-clock hours, such as "accept within 24 hours"). */
    public Deadline addHours(Instant from, int n) {
        return new Deadline(from.plus(Duration.ofHours(n)), false);
    }

    /** Start of the last working day before the day of {@code due}'s last moment: when "due soon" begins. */
    public Instant startOfLastWorkingDayBefore(Instant due) {
        LocalDate lastDay = due.minusSeconds(1).atZone(ChinaTime.ZONE).toLocalDate();
        LocalDate d = lastDay.minusDays(1);
        while (!isWorkingDay(d)) {
            d = d.minusDays(1);
        }
        return d.atStartOfDay(ChinaTime.ZONE).toInstant();
    }

    private static Instant endOf(LocalDate day) {
        return ZonedDateTime.of(day.plusDays(1).atStartOfDay(), ChinaTime.ZONE).toInstant();
    }
}
