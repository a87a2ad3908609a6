package org.reliefdesk.logic.catalog;

import java.util.List;
import java.util.Optional;

/** The steps and actions one or more service items follow. The first step is where dispatch puts a ticket. */
public record WorkflowDef(String code, List<StepDef> steps, List<ActionDef> actions) {

    public StepDef firstStep() {
        return steps.get(0);
    }

    public Optional<StepDef> step(String stepCode) {
        return Optional.ofNullable(stepOrNull(stepCode));
    }

    /**
     * The step, by a plain loop: the clocks ask for steps millions of times in a county's load,
     * and a stream per question was half of their time.
     */
    private StepDef stepOrNull(String stepCode) {
        for (StepDef s : steps) {
            if (s.code().equals(stepCode)) {
                return s;
            }
        }
        return null;
    }

    /** Whether a ticket in {@code stepCode} is concluded (办结): the terminal step or a step after conclusion. */
    public boolean concludes(String stepCode) {
        StepDef s = stepOrNull(stepCode);
        return s != null && s.concludes();
    }

    /** Whether a ticket in {@code stepCode} has nothing left to do (the terminal step). */
    public boolean isTerminal(String stepCode) {
        StepDef s = stepOrNull(stepCode);
        return s != null && s.terminal();
    }

    /** The action, by a plain loop as {@link #step} (a pull replays every action of every history). */
    public Optional<ActionDef> action(String actionCode) {
        for (ActionDef a : actions) {
            if (a.code().equals(actionCode)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    WorkflowDef withCode(String newCode) {
        return new WorkflowDef(newCode, steps, actions);
    }
}
