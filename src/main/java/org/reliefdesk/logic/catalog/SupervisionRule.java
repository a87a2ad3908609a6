package org.reliefdesk.logic.catalog;

/**
 * 督办: a ticket not concluded more than {@code days} after dispatch is supervised by the
 * provincial office. Counted in calendar days by default; due soon from day
 * {@code dueSoonFromDay}; time waiting for the applicant counts unless
 * {@code pausedTimeCounts} is false.
 */
public record SupervisionRule(int days, ClockKind clock, int dueSoonFromDay, boolean pausedTimeCounts) {}
