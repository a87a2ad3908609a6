package org.reliefdesk.logic.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.calendar.CalendarLoader;
import org.reliefdesk.logic.catalog.ActionDef;
import org.reliefdesk.logic.clock.StepState;
import org.reliefdesk.logic.clock.StepTiming;
import org.reliefdesk.logic.clock.TicketClock;
import org.reliefdesk.logic.clock.TicketClocks;
import org.reliefdesk.logic.report.AsOf;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.User;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 退回 and 转派: a department hands back or passes on a ticket that is not its own; the rules, the replay, the clocks. */
class MisdispatchTest {

    private static final User ADMIN = new User("admin", "管理员", Role.ADMIN, "530128", null, null);
    private static final TicketClocks CLOCKS = new TicketClocks(Harness.CATALOG, CalendarLoader.builtIn());

    private static Map<String, Object> transferTo(String item) {
        return Map.of("item", item, "reason", "申请人所述为大病医疗费用，属医保部门大病救助");
    }

    @Test
    void aClerkTransfersToAnItemTheCatalogAllowsAndTheNewDepartmentTakesItFromItsFirstStep() {
        Harness h = new Harness("temporary_assistance");
        AppliedAction moved = h.actAs(Harness.clerk("CIVIL"), "transfer", transferTo("serious_illness_assistance"));

        assertEquals("serious_illness_assistance", moved.ticket().itemCode());
        assertEquals("review", moved.ticket().currentStep(), "the new item's first step");
        assertEquals("acceptance", moved.event().fromStep());
        assertEquals("review", moved.event().toStep());
        assertTrue(moved.event().changesItem());
        assertEquals("temporary_assistance", moved.event().itemBefore());
        assertEquals("serious_illness_assistance", moved.event().itemAfter());

        // civil affairs can do nothing more with it; medical insurance accepts it
        InvalidFieldException refused = assertThrows(
                InvalidFieldException.class,
                () -> h.actAs(Harness.clerk("CIVIL"), "accept_review", h.form("accept_review", Map.of())));
        assertEquals("rule.workflow.department", refused.rule());
        h.actAs(Harness.clerk("MEDINS"), "accept_review", h.form("accept_review", Map.of()));
        assertEquals("handling", h.ticket.currentStep());
    }

    @Test
    void aTransferNamesAnAllowedOtherItemAndIsOnlyForTheFirstStep() {
        Harness h = new Harness("temporary_assistance");
        InvalidFieldException notAllowed = assertThrows(
                InvalidFieldException.class,
                () -> h.actAs(Harness.clerk("CIVIL"), "transfer", transferTo("drinking_water")));
        assertEquals("item", notAllowed.field());
        assertEquals("rule.workflow.transferTo", notAllowed.rule());
        InvalidFieldException same = assertThrows(
                InvalidFieldException.class,
                () -> h.actAs(Harness.clerk("CIVIL"), "transfer", transferTo("temporary_assistance")));
        assertEquals("rule.workflow.sameItem", same.rule());
        InvalidFieldException otherDepartment = assertThrows(
                InvalidFieldException.class,
                () -> h.actAs(Harness.clerk("MEDINS"), "transfer", transferTo("serious_illness_assistance")));
        assertEquals("rule.workflow.department", otherDepartment.rule());
        InvalidFieldException township = assertThrows(
                InvalidFieldException.class,
                () -> h.actAs(
                        Harness.townshipStaff(h.ticket.township().code()),
                        "transfer",
                        transferTo("serious_illness_assistance")));
        assertEquals("rule.workflow.role", township.rule());

        h.act("accept");
        InvalidFieldException accepted = assertThrows(
                InvalidFieldException.class,
                () -> h.actAs(Harness.clerk("CIVIL"), "transfer", transferTo("serious_illness_assistance")));
        assertEquals("rule.workflow.notInStep", accepted.rule(), "after acceptance the ticket is the department's");
    }

    @Test
    void anItemTheCatalogTransfersNowhereOffersNoTransferButMayBeReturned() {
        Harness h = new Harness("dropout_control");
        User clerk = Harness.clerk("EDUCATION");
        List<String> allowed = h.engine().allowedActions(h.ticket, h.history, clerk).stream()
                .map(ActionDef::code)
                .toList();
        assertFalse(allowed.contains("transfer"), allowed.toString());
        assertTrue(allowed.contains("return"), allowed.toString());
        InvalidFieldException refused =
                assertThrows(InvalidFieldException.class, () -> h.actAs(clerk, "transfer", transferTo("training")));
        assertEquals("rule.workflow.noTransfer", refused.rule());
    }

    @Test
    void aReturnedTicketWaitsForTheAdministratorWhoDispatchesItToAnyOtherItem() {
        Harness h = new Harness("drinking_water");
        h.actAs(Harness.clerk("WATER"), "return", Map.of("reason", "属危房改造，应由住建部门办理"));
        assertEquals("returned", h.ticket.currentStep());
        assertEquals("drinking_water", h.ticket.itemCode(), "still the item it came as until it is dispatched again");
        // the clerk who returned it cannot dispatch it; nor can the department it should go to
        assertEquals(
                "rule.workflow.role",
                assertThrows(
                                InvalidFieldException.class,
                                () -> h.actAs(Harness.clerk("WATER"), "redispatch", Map.of("item", "house_renovation")))
                        .rule());
        AppliedAction again = h.actAs(ADMIN, "redispatch", Map.of("item", "house_renovation"));
        assertEquals("house_renovation", again.ticket().itemCode());
        assertEquals("status_confirmation", again.ticket().currentStep());
        assertEquals("drinking_water", again.event().itemBefore());
    }

    @Test
    void anEntryThatLiesAboutTheItemItLeftIsRefused() {
        Harness h = new Harness("temporary_assistance");
        Map<String, Object> forged = new HashMap<>(transferTo("serious_illness_assistance"));
        forged.put(TicketEvent.FROM_ITEM, "minimum_living_allowance");
        InvalidFieldException refused =
                assertThrows(InvalidFieldException.class, () -> h.actAs(Harness.clerk("CIVIL"), "transfer", forged));
        assertEquals(TicketEvent.FROM_ITEM, refused.field());
        assertEquals("rule.workflow.itemLeft", refused.rule());
    }

    @Test
    void aTransferredHistoryReplaysAndOneWhoseItemNoEntryExplainsIsRefused() {
        Harness h = new Harness("temporary_assistance");
        h.actAs(Harness.clerk("CIVIL"), "transfer", transferTo("serious_illness_assistance"));
        h.actAs(Harness.clerk("MEDINS"), "accept_review", h.form("accept_review", Map.of()));
        HistoryReplay replay = new HistoryReplay(Harness.CATALOG, name -> Optional.empty());
        replay.check(new TicketHistory(h.ticket, h.history));

        // the same history claimed as a ticket that was always a medical one: its application is not that item's
        Harness plain = new Harness("temporary_assistance");
        Ticket claimed = plain.ticket.withItem("serious_illness_assistance");
        InvalidFieldException noMove = assertThrows(
                InvalidFieldException.class, () -> replay.check(new TicketHistory(claimed, plain.history)));
        assertEquals("rule.history.firstIsSubmit", noMove.rule(), "submitted to another item's first step");

        // a transfer entry that names another item left than the ticket was under
        List<TicketEvent> lying = new ArrayList<>(h.history);
        TicketEvent t = lying.get(2);
        Map<String, Object> form = new HashMap<>(t.formData());
        form.put(TicketEvent.FROM_ITEM, "minimum_living_allowance");
        lying.set(2, t.withFormData(form));
        // (replayed from the item it names, the application is not that item's)
        assertThrows(InvalidFieldException.class, () -> replay.check(new TicketHistory(h.ticket, lying)));
    }

    @Test
    void theNewDepartmentsFirstStepStartsAFreshLimitWhileSupervisionRunsFromSubmission() {
        Harness h = new Harness("temporary_assistance");
        Instant submitted = h.ticket.submittedAt();
        TicketClock before = CLOCKS.compute(h.ticket, h.history, h.now);
        h.now = h.now.plus(Duration.ofDays(1));
        AppliedAction moved = h.actAs(Harness.clerk("CIVIL"), "transfer", transferTo("serious_illness_assistance"));
        Instant transferredAt = moved.event().at();
        TicketClock after = CLOCKS.compute(h.ticket, h.history, h.now);

        assertEquals(2, after.steps().size(), after.steps().toString());
        StepTiming civil = after.steps().get(0);
        assertEquals("acceptance", civil.step());
        assertEquals(before.steps().get(0).due(), civil.due(), "the civil-affairs step keeps its 2 working days");
        assertEquals(transferredAt, civil.left());
        StepTiming medical = after.steps().get(1);
        assertEquals("review", medical.step());
        assertEquals(transferredAt, medical.entered(), "the new department's limit starts at the transfer");
        assertEquals(
                CLOCKS.calendar().addWorkingDays(transferredAt, 5).due(),
                medical.due(),
                "and is its own first step's: 5 working days");
        assertEquals(StepState.ON_TIME, medical.state());
        assertEquals(submitted, after.start());
        assertEquals(before.supervisedFrom(), after.supervisedFrom(), "supervision still counts from submission");
    }

    @Test
    void anItemNoCatalogKnowsInAStoredEntryDoesNotStopTheClocks() {
        Harness h = new Harness("temporary_assistance");
        h.actAs(Harness.clerk("CIVIL"), "transfer", transferTo("serious_illness_assistance"));
        List<TicketEvent> damaged = new ArrayList<>(h.history);
        damaged.set(
                2, damaged.get(2).withFormData(Map.of(TicketEvent.FROM_ITEM, "nonsense", TicketEvent.ITEM, "gone")));
        TicketClock clock = CLOCKS.compute(h.ticket, damaged, h.now);
        assertEquals("review", clock.steps().get(clock.steps().size() - 1).step());
    }

    @Test
    void aReportAsOfADayBeforeTheTransferCountsTheTicketUnderTheItemItWasThen() {
        Harness h = new Harness("temporary_assistance");
        Instant beforeTransfer = h.now;
        h.actAs(Harness.clerk("CIVIL"), "transfer", transferTo("serious_illness_assistance"));
        TicketHistory then =
                AsOf.view(Harness.CATALOG, h.ticket, h.history, beforeTransfer).orElseThrow();
        assertEquals("temporary_assistance", then.ticket().itemCode());
        assertEquals("acceptance", then.ticket().currentStep());
        TicketHistory now =
                AsOf.view(Harness.CATALOG, h.ticket, h.history, h.now).orElseThrow();
        assertEquals("serious_illness_assistance", now.ticket().itemCode());
    }

    @Test
    void theTransferFormOffersOnlyTheItemsTheCatalogAllows() {
        ActionDef transfer = Harness.CATALOG
                .workflowOf("temporary_assistance")
                .action("transfer")
                .orElseThrow();
        List<String> offered = Harness.CATALOG.formFor("temporary_assistance", transfer).fields().stream()
                .filter(f -> f.code().equals("item"))
                .findFirst()
                .orElseThrow()
                .options()
                .stream()
                .map(o -> o.code())
                .toList();
        assertEquals(Harness.CATALOG.transfersOf("temporary_assistance"), offered);
        ActionDef redispatch = Harness.CATALOG
                .workflowOf("drinking_water")
                .action("redispatch")
                .orElseThrow();
        assertEquals(
                14,
                Harness.CATALOG
                        .formFor("drinking_water", redispatch)
                        .fields()
                        .get(0)
                        .options()
                        .size(),
                "every other item");
    }
}
