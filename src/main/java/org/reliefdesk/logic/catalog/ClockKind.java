package org.reliefdesk.logic.catalog;

/**
 * How a time limit is counted: wall-clock hours from the moment; or working days / calendar
 * days counted from the next day (次日起), ending at the end of the last day.
 */
public enum ClockKind {
    HOURS,
    WORKING_DAYS,
    CALENDAR_DAYS
}
