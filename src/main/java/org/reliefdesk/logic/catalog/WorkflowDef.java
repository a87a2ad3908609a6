package org.reliefdesk.logic.catalog;

import java.util.List;
import java.util.Optional;

/** The steps and actions one or more service items follow. The first step is where dispatch puts a ticket. */
public record WorkflowDef(String code, List<StepDef> steps, List<ActionDef> actions) {

    public StepDef firstStep() {
        return steps.get(0);
    }

    public Optional<StepDef> step(String stepCode) {
        return steps.stream().filter(s -> s.code().equals(stepCode)).findFirst();
    }

    /** Whether a ticket in {@code stepCode} is concluded (办结): the terminal step or a step after conclusion. */
    public boolean concludes(String stepCode) {
        return step(stepCode).map(StepDef::concludes).orElse(false);
    }

    /** Whether a ticket in {@code stepCode} has nothing left to do (the terminal step). */
    public boolean isTerminal(String stepCode) {
        return step(stepCode).map(StepDef::terminal).orElse(false);
    }

    public Optional<ActionDef> action(String actionCode) {
        return actions.stream().filter(a -> a.code().equals(actionCode)).findFirst();
    }

    WorkflowDef withCode(String newCode) {
        return new WorkflowDef(newCode, steps, actions);
    }
}
