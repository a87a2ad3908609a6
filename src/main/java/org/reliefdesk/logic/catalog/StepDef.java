package org.reliefdesk.logic.catalog;

/**
 * A step of a workflow. {@code deadline} is the step's time limit (none: open-ended, such as
 * an engineering measure tracked until solved); {@code pausesClock} marks waiting for the
 * applicant (补充材料); {@code terminal} marks the end of the ticket's path; {@code afterConclusion}
 * marks a step entered once the ticket is concluded (办结: the result fed back) — the follow-up
 * visit (回访), which keeps its own limit but no longer counts toward 督办.
 */
public record StepDef(
        String code, DeadlineRule deadline, boolean pausesClock, boolean terminal, boolean afterConclusion) {

    /** Whether a ticket in this step is concluded (办结). */
    public boolean concludes() {
        return terminal || afterConclusion;
    }

    /** A step time limit: how it is counted and how much. */
    public record DeadlineRule(ClockKind clock, int amount) {}
}
