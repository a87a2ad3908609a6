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

    public Optional<ActionDef> action(String actionCode) {
        return actions.stream().filter(a -> a.code().equals(actionCode)).findFirst();
    }

    WorkflowDef withCode(String newCode) {
        return new WorkflowDef(newCode, steps, actions);
    }
}
