package org.reliefdesk.logic.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.reliefdesk.model.Department;
import org.reliefdesk.model.TicketEvent;

/** Cross-checks of the workflows and forms: every name they use must exist. */
final class WorkflowChecks {

    private final String file;
    private final Catalog.Parts p;
    private final Set<String> stepLabels = new HashSet<>();
    private final Set<String> actionLabels = new HashSet<>();
    private final Set<String> outcomes = new HashSet<>();
    private final Set<String> departments = new HashSet<>();

    WorkflowChecks(String file, Catalog.Parts parts) {
        this.file = file;
        this.p = parts;
        parts.steps().forEach(l -> stepLabels.add(l.code()));
        parts.actions().forEach(l -> actionLabels.add(l.code()));
        parts.outcomes().forEach(l -> outcomes.add(l.code()));
        parts.departments().stream().map(Department::code).forEach(departments::add);
    }

    void run() {
        p.forms().values().forEach(f -> checkFields("forms." + f.code(), f.fields()));
        p.workflows().values().forEach(this::checkWorkflow);
        if (p.supervision().days() < 1
                || p.supervision().clock() == null
                || p.supervision().dueSoonFromDay() < 1
                || p.supervision().dueSoonFromDay() > p.supervision().days()) {
            fail("supervision", "days ≥ 1, a clock, and dueSoonFromDay between 1 and days are required");
        }
    }

    private void checkFields(String where, List<FieldDef> fields) {
        if (fields == null) {
            fail(where, "'fields' is required");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            FieldDef f = fields.get(i);
            String at = where + ".fields[" + i + "] (" + f.code() + ")";
            if (f.code() == null || f.type() == null || blank(f.zh()) || blank(f.en())) {
                fail(at, "code, type, zh and en are required");
            }
            if (!codes.add(f.code())) {
                fail(at, "duplicate field code '" + f.code() + "'");
            }
            switch (f.type()) {
                case CHOICE, MULTI_CHOICE -> {
                    if ((f.options() == null || f.options().isEmpty()) && f.list() == null) {
                        fail(at, "a choice needs 'options' or a reference 'list'");
                    }
                    if (f.list() != null && !p.lists().containsKey(f.list())) {
                        fail(at, "unknown reference list '" + f.list() + "'");
                    }
                }
                case ROWS -> {
                    if (f.fields() == null || f.fields().isEmpty()) {
                        fail(at, "repeated rows need 'fields'");
                    }
                    checkFields(at, f.fields());
                }
                default -> {}
            }
        }
    }

    private void checkWorkflow(WorkflowDef w) {
        String where = "workflows." + w.code();
        if (w.steps() == null
                || w.steps().isEmpty()
                || w.actions() == null
                || w.actions().isEmpty()) {
            fail(where, "'steps' and 'actions' must be non-empty lists");
        }
        Set<String> steps = new HashSet<>();
        Set<String> terminalSteps = new HashSet<>();
        boolean terminal = false;
        for (StepDef s : w.steps()) {
            if (!steps.add(s.code())) {
                fail(where + ".steps (" + s.code() + ")", "duplicate step");
            }
            if (!stepLabels.contains(s.code())) {
                fail(where + ".steps (" + s.code() + ")", "step has no label in 'steps'");
            }
            if (s.deadline() != null
                    && (s.deadline().clock() == null || s.deadline().amount() < 1)) {
                fail(where + ".steps (" + s.code() + ")", "a deadline needs a clock and an amount ≥ 1");
            }
            if (s.afterConclusion() && (s.terminal() || s.deadline() == null || s.pausesClock())) {
                fail(
                        where + ".steps (" + s.code() + ")",
                        "a step after conclusion (the follow-up visit) needs its own deadline and is neither terminal nor a pause");
            }
            terminal |= s.terminal();
            if (s.terminal()) {
                terminalSteps.add(s.code());
            }
        }
        if (!terminal) {
            fail(where, "no terminal step (办结)");
        }
        Set<String> actionCodes = new HashSet<>();
        for (int i = 0; i < w.actions().size(); i++) {
            ActionDef a = w.actions().get(i);
            String at = where + ".actions[" + i + "] (" + a.code() + ")";
            if (!actionCodes.add(a.code())) {
                fail(at, "duplicate action");
            }
            if (!actionLabels.contains(a.code())) {
                fail(at, "action has no label in 'actions'");
            }
            if (a.from() == null
                    || a.from().isEmpty()
                    || a.roles() == null
                    || a.roles().isEmpty()) {
                fail(at, "'from' and 'roles' must be non-empty");
            }
            a.from().forEach(s -> requireStep(at, steps, s));
            boolean fromTerminal = a.from().stream().anyMatch(terminalSteps::contains);
            if (fromTerminal != a.reopens()) {
                fail(
                        at,
                        a.reopens()
                                ? "a reopen action ('reopenWithinDays') must start from the terminal step"
                                : "only a reopen action ('reopenWithinDays') may start from the terminal step");
            }
            if (a.reopens() && (a.reopenWithinDays() < 1 || a.to() == null || terminalSteps.contains(a.to()))) {
                fail(at, "a reopen action needs 'reopenWithinDays' >= 1 and 'to' a step that is not terminal");
            }
            if ((a.to() == null) == (a.branches() == null || a.branches().isEmpty())) {
                fail(at, "give either 'to' or 'branches'");
            }
            if (a.changesItem()) {
                boolean named = a.form() != null
                        && p.forms().containsKey(a.form())
                        && p.forms().get(a.form()).fields().stream()
                                .anyMatch(f -> f.code().equals(TicketEvent.ITEM)
                                        && f.required()
                                        && Catalog.ITEMS_LIST.equals(f.list()));
                if (!named || a.reopens() || a.outcome() != null) {
                    fail(
                            at,
                            "an action to another item needs a form with a required 'item' chosen from the list '"
                                    + Catalog.ITEMS_LIST + "', and no outcome");
                }
            } else if (a.to() != null && !ActionDef.PREVIOUS.equals(a.to())) {
                requireStep(at, steps, a.to());
            }
            if (a.branches() != null) {
                for (int b = 0; b < a.branches().size(); b++) {
                    ActionDef.Branch br = a.branches().get(b);
                    requireStep(at + ".branches[" + b + "]", steps, br.to());
                    requireOutcome(at + ".branches[" + b + "]", br.outcome());
                    if (br.when() == null && b != a.branches().size() - 1) {
                        fail(at + ".branches[" + b + "]", "only the last branch may have no 'when'");
                    }
                }
            }
            requireOutcome(at, a.outcome());
            if (a.form() != null && !p.forms().containsKey(a.form())) {
                fail(at, "unknown form '" + a.form() + "'");
            }
            if (a.department() != null && !departments.contains(a.department())) {
                fail(at, "unknown department '" + a.department() + "'");
            }
            if (a.rowLimits() != null) {
                for (ActionDef.RowLimit limit : a.rowLimits()) {
                    boolean rows = a.form() != null
                            && p.forms().get(a.form()).fields().stream()
                                    .anyMatch(f -> f.code().equals(limit.field()) && f.type() == FieldType.ROWS);
                    if (!rows) {
                        fail(at, "rowLimits: '" + limit.field() + "' is not a repeated field of the action's form");
                    }
                }
            }
        }
    }

    private void requireStep(String at, Set<String> steps, String step) {
        if (step == null || !steps.contains(step)) {
            fail(at, "unknown step '" + step + "'");
        }
    }

    private void requireOutcome(String at, String outcome) {
        if (outcome != null && !outcomes.contains(outcome)) {
            fail(at, "unknown outcome '" + outcome + "'");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private void fail(String where, String what) {
        throw new CatalogException(file + ": " + where + ": " + what);
    }
}
