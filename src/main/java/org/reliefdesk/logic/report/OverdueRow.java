package org.reliefdesk.logic.report;

import java.time.Instant;

import org.reliefdesk.logic.clock.LadderState;

/**
 * One overdue ticket in a supervision report: who asked for what, where it stands, whose turn it
 * is, and how late it is. Names are already in the report's language; the ID number is masked.
 * {@code daysOverdue} counts from when it became overdue (step deadline passed, or 督办 began),
 * the day it happened being day 1. {@code responsible} is the unit that must act now, by code:
 * the notice goes to it.
 */
public record OverdueRow(String ticketNo, String itemCode, String itemName, String departmentCode, String departmentName,
                         String townshipCode, String townshipName, String villageName, String applicantName,
                         String maskedIdNumber, String stepName, String responsibleUnit, Instant submittedAt,
                         long daysOpen, long pausedDays, Instant stepDue, long daysOverdue, LadderState state,
                         String stateName, Responsible responsible) {

    /** The unit whose turn it is: a county department (by code) or a township (by code). */
    public record Responsible(boolean township, String code) {
    }
}
