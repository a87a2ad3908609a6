package org.reliefdesk.logic.sync;

import java.util.List;
import java.util.UUID;

/**
 * The central store's answer to one pushed operation.
 *
 * @param outcome  applied, rejected (a rule refused it) or conflict (the ticket moved on since
 *                 the client read it, or the same id came with other content)
 * @param replay   true when the operation had been received before and this is the answer kept then
 * @param reasonKey message key of the refusal (the client words it in its own language), with
 *                 {@code field} and {@code args}; {@code reason} is the same in Chinese
 * @param ticket   the ticket as the central store holds it now, as an interchange line (null when
 *                 there is none)
 */
public record OpResult(
        UUID opId,
        Outcome outcome,
        boolean replay,
        String reasonKey,
        String field,
        List<String> args,
        String reason,
        String ticket) {

    public enum Outcome {
        APPLIED,
        REJECTED,
        CONFLICT
    }

    public OpResult {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public OpResult asReplay(String currentTicket) {
        return new OpResult(opId, outcome, true, reasonKey, field, args, reason, currentTicket);
    }
}
