package org.reliefdesk.logic.calendar;

import java.time.LocalDate;
import java.util.Set;

/**
 * One year of the State Council's holiday arrangement (部分节假日安排的通知): the days off and
 * the make-up working days (调休上班), with the notice they come from.
 */
public record HolidayYear(
        int year,
        String noticeTitle,
        String noticeNumber,
        LocalDate issued,
        String source,
        Set<LocalDate> offDays,
        Set<LocalDate> makeUpWorkingDays) {

    public HolidayYear {
        offDays = Set.copyOf(offDays);
        makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
    }
}
