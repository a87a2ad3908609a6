package org.reliefdesk.logic.clock;

/** The supervision ladder of an open ticket, from calm to 督办; concluded tickets leave it. */
public enum LadderState {
    ON_TIME,
    DUE_SOON,
    STEP_OVERDUE,
    SUPERVISED,
    CONCLUDED
}
