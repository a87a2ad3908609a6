package org.reliefdesk.logic.catalog;

/**
 * When a step deadline turns "due soon": during its last {@code workingDaysBefore} working
 * days (day-based limits), or its last {@code hoursBefore} hours (hour-based limits).
 */
public record DueSoonRule(int workingDaysBefore, int hoursBefore) {}
