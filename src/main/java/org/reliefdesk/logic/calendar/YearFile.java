package org.reliefdesk.logic.calendar;

/** One imported holiday year's file, as the central store hands it to every PC. */
public record YearFile(int year, String content) {}
