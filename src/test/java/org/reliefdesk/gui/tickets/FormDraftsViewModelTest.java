package org.reliefdesk.gui.tickets;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.gui.common.DirectUiTasks;
import org.reliefdesk.gui.forms.Drafting;
import org.reliefdesk.gui.session.TestWorkspaces;
import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.logic.catalog.ActionDef;
import org.reliefdesk.logic.catalog.FieldDef;
import org.reliefdesk.logic.catalog.FormDef;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.logic.sample.FormFaker;
import org.reliefdesk.logic.workflow.TicketFacts;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.User;
import org.reliefdesk.store.FormDrafts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A form being filled is kept as a draft once typing pauses, and the form opens with it after a
 * crash (a new session on the same data); saving or discarding leaves none.
 */
class FormDraftsViewModelTest {

    @TempDir
    Path dir;

    private Workspace workspace;

    @BeforeEach
    void open() throws Exception {
        workspace = TestWorkspaces.demo(dir, 200);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private DirectUiTasks tasks() {
        return (DirectUiTasks) workspace.tasks;
    }

    /** {@code user}'s workbench with the scope read. */
    private WorkbenchViewModel loaded(User user) {
        WorkbenchViewModel vm = new WorkbenchViewModel(workspace, user);
        vm.reload();
        return vm;
    }

    /** A water ticket with an action the clerk may take now, opened. */
    private static ActionDef openOne(WorkbenchViewModel vm) {
        for (Ticket t : vm.list().all()) {
            vm.selected().ticketProperty().set(t);
            var choice = vm.selected().choices().stream()
                    .filter(c -> c.refusal() == null)
                    .findFirst();
            if (choice.isPresent()) {
                return choice.get().action();
            }
        }
        throw new AssertionError("no ticket the clerk can act on");
    }

    @Test
    void aFormLeftUnsavedOpensAsItWasInTheNextSessionAndSavingLeavesNoDraft() {
        WorkbenchViewModel before = loaded(DemoUsers.WATER_CLERK);
        ActionDef action = openOne(before);
        Ticket ticket = before.selected().ticketProperty().get();
        Drafting drafting = before.selected().drafting(action);
        assertTrue(drafting.restored().isEmpty());
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("finding", "已到场核实，水管破裂");
        typed.put("visitDate", LocalDate.of(2026, 12, 2));
        typed.put("confirmed", true);
        typed.put("photos", List.of(dir.resolve("现场.jpg")));
        drafting.keep(typed, "下午再去一次");
        assertTrue(before.selected().drafts().isEmpty(), "kept only once typing pauses");
        tasks().runDelayed();
        assertTrue(before.selected().drafts().containsKey(action.code()), "its button says there is a draft");

        // the PC went down; the next session opens the same ticket
        WorkbenchViewModel after = loaded(DemoUsers.WATER_CLERK);
        after.selected()
                .ticketProperty()
                .set(after.list().all().stream()
                        .filter(t -> t.id().equals(ticket.id()))
                        .findFirst()
                        .orElseThrow());
        assertTrue(after.selected().drafts().containsKey(action.code()));
        Drafting.Restored restored =
                after.selected().drafting(action).restored().orElseThrow();
        assertEquals("已到场核实，水管破裂", restored.values().get("finding"));
        assertEquals("2026-12-02", restored.values().get("visitDate"), "as the form shows a date");
        assertEquals("true", restored.values().get("confirmed"));
        assertFalse(restored.values().containsKey("photos"), "a file is not kept");
        assertTrue(restored.partial(), "and the draft says so");
        assertEquals("下午再去一次", restored.note());

        after.selected().drafting(action).drop(); // its input discarded
        assertTrue(after.selected().drafts().isEmpty());
        WorkbenchViewModel third = loaded(DemoUsers.WATER_CLERK);
        third.selected().ticketProperty().set(ticket);
        assertTrue(third.selected().drafts().isEmpty(), "no draft left on disk");
        assertTrue(third.selected().drafting(action).restored().isEmpty());
    }

    @Test
    void aSaveTheStoreRefusesKeepsWhatWasTypedAndOneItTakesDropsIt() throws Exception {
        WorkbenchViewModel vm = loaded(DemoUsers.WATER_CLERK);
        ActionDef action = openOne(vm);
        Ticket ticket = vm.selected().ticketProperty().get();
        FormDef form = vm.catalog().form(action.form()).orElseThrow();
        Map<String, Object> good = FormFaker.happy(vm.catalog())
                .fill(
                        form,
                        TicketFacts.of(vm.selected().events()),
                        workspace.config.clock().instant());
        String required = form.fields().stream()
                .filter(FieldDef::required)
                .map(FieldDef::code)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the action's form has a required field"));
        Map<String, Object> missing = new LinkedHashMap<>(good);
        missing.remove(required);
        FormDrafts files = new FormDrafts(dir);

        // the form is sent to be saved (as its dialog does on Save), and the store refuses it
        vm.selected().drafting(action).sent(missing, "先记下");
        vm.act(action, missing, "先记下");
        assertEquals(ticket.version(), vm.selected().ticketProperty().get().version(), "nothing saved");
        assertTrue(files.of("water.clerk", ticket.id()).containsKey(action.code()), "what was typed is kept");
        assertTrue(vm.selected().drafts().containsKey(action.code()), "its button says so");
        assertEquals(
                "先记下", vm.selected().drafting(action).restored().orElseThrow().note(), "and the form opens with it");

        // corrected and sent again: the store takes it, and no draft is left
        vm.selected().drafting(action).sent(good, "");
        vm.act(action, good, "");
        assertFalse(files.of("water.clerk", ticket.id()).containsKey(action.code()), "the draft file is gone");
        assertFalse(vm.selected().drafts().containsKey(action.code()));
    }

    @Test
    void anotherPersonOnThePcDoesNotSeeTheDraft() {
        WorkbenchViewModel clerk = loaded(DemoUsers.WATER_CLERK);
        ActionDef action = openOne(clerk);
        Ticket ticket = clerk.selected().ticketProperty().get();
        clerk.selected().drafting(action).keep(Map.of("finding", "x"), "");
        tasks().runDelayed();
        WorkbenchViewModel leader = loaded(DemoUsers.LEADER);
        leader.selected().ticketProperty().set(ticket);
        assertTrue(leader.selected().drafts().isEmpty());
    }

    @Test
    void aDraftForAnActionTheTicketHasMovedPastIsDropped() throws Exception {
        WorkbenchViewModel clerk = loaded(DemoUsers.WATER_CLERK);
        ActionDef now = openOne(clerk);
        Ticket ticket = clerk.selected().ticketProperty().get();
        String past = clerk.catalog().workflowOf(ticket.itemCode()).actions().stream()
                .map(ActionDef::code)
                .filter(code -> clerk.selected().choices().stream()
                        .noneMatch(c -> c.action().code().equals(code)))
                .findFirst()
                .orElseThrow();
        FormDrafts files = new FormDrafts(dir);
        Instant at = Instant.parse("2026-11-25T02:00:00Z");
        files.keep(
                DemoUsers.WATER_CLERK.username(),
                ticket.id(),
                new FormDrafts.Draft(past, Map.of("x", "1"), "", at, false));
        files.keep(
                DemoUsers.WATER_CLERK.username(),
                ticket.id(),
                new FormDrafts.Draft(now.code(), Map.of(), "", at, false));

        WorkbenchViewModel again = loaded(DemoUsers.WATER_CLERK);
        again.selected().ticketProperty().set(ticket);
        assertEquals(Set.of(now.code()), again.selected().drafts().keySet(), "only the form it can still take");
        assertEquals(
                Set.of(now.code()),
                files.of(DemoUsers.WATER_CLERK.username(), ticket.id()).keySet(),
                "the other's file is gone: the ticket moved on");
    }
}
