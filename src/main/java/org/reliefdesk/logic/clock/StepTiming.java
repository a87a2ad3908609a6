package org.reliefdesk.logic.clock;

import java.time.Instant;

/**
 * One visit of a step: when the ticket entered and left it, when the step's limit runs out
 * ({@code due}, exclusive) and turns due soon, and its state since {@code stateSince}.
 * {@code estimated}: counted Monday–Friday for want of official calendar data.
 */
public record StepTiming(
        String step,
        Instant entered,
        Instant left,
        Instant due,
        Instant dueSoonFrom,
        StepState state,
        Instant stateSince,
        boolean estimated) {}
