package org.reliefdesk.logic.report;

import java.time.Instant;

import org.reliefdesk.logic.clock.LadderState;

/**
 * One overdue ticket in a supervision report: who asked for what, where it stands, whose turn it
 * is, and how late it is. Names are already in the report's language; the ID number is masked.
 * Each count of days means one thing, the day it happened being day 1 (0: not so):
 * {@code daysOpen} since submission (of them {@code pausedDays} waiting for supplementary
 * material), {@code daysPastStep} past the current step's deadline, {@code daysSupervised} since
 * 督办 began (day 11 after submission). {@code responsible} is the unit that must act now, by code:
 * the notice goes to it. {@code noticedBefore}: a notice of an earlier date already named this
 * ticket (再次督办).
 */
public record OverdueRow(
        String ticketNo,
        String itemCode,
        String itemName,
        String departmentCode,
        String departmentName,
        String townshipCode,
        String townshipName,
        String villageName,
        String applicantName,
        String maskedIdNumber,
        String stepName,
        String responsibleUnit,
        Instant submittedAt,
        long daysOpen,
        long pausedDays,
        Instant stepDue,
        long daysPastStep,
        long daysSupervised,
        LadderState state,
        String stateName,
        Responsible responsible,
        boolean noticedBefore) {

    /** The unit whose turn it is: a county department (by code) or a township (by code). */
    public record Responsible(boolean township, String code) {}

    public OverdueRow withNoticedBefore(boolean before) {
        return new OverdueRow(
                ticketNo,
                itemCode,
                itemName,
                departmentCode,
                departmentName,
                townshipCode,
                townshipName,
                villageName,
                applicantName,
                maskedIdNumber,
                stepName,
                responsibleUnit,
                submittedAt,
                daysOpen,
                pausedDays,
                stepDue,
                daysPastStep,
                daysSupervised,
                state,
                stateName,
                responsible,
                before);
    }
}
