package org.reliefdesk.logic.catalog;

/**
 * A step of a workflow. {@code deadline} is the step's time limit (none: open-ended, such as
 * an engineering measure tracked until solved); {@code pausesClock} marks waiting for the
 * applicant (补充材料); {@code terminal} marks 办结.
 */
public record StepDef(String code, DeadlineRule deadline, boolean pausesClock, boolean terminal) {

    /** A step time limit: how it is counted and how much. */
    public record DeadlineRule(ClockKind clock, int amount) {
    }
}
