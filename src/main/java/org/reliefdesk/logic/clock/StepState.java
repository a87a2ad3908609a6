package org.reliefdesk.logic.clock;

/** Where one visit of a step stands against its time limit. */
public enum StepState {
    /** The step has no time limit (an engineering measure tracked until solved). */
    NO_LIMIT,
    ON_TIME,
    DUE_SOON,
    OVERDUE,
    /** Waiting for the applicant's supplementary material; this time is shown apart. */
    PAUSED,
    DONE_ON_TIME,
    DONE_LATE
}
