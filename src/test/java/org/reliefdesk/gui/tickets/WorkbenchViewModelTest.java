package org.reliefdesk.gui.tickets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.gui.session.TestWorkspaces;
import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.logic.catalog.ActionDef;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.logic.workflow.TicketOpening;
import org.reliefdesk.model.IntakeChannel;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.sync.Synchronizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workbench's view model on a real local store, without a window: loads, saves in place, selection by id. */
class WorkbenchViewModelTest {

    @TempDir
    Path dir;

    private Workspace workspace;
    private WorkbenchViewModel vm;

    @BeforeEach
    void signIn() throws Exception {
        workspace = TestWorkspaces.demo(dir, 300);
        vm = new WorkbenchViewModel(workspace, DemoUsers.WATER_CLERK);
        vm.reload();
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void loadsTheClerksScopeWithItsQueues() {
        List<Ticket> all = vm.list().all();
        assertFalse(all.isEmpty());
        assertTrue(all.stream().allMatch(t -> t.itemCode().equals("drinking_water")), "the water clerk's items only");
        assertFalse(vm.loadingProperty().get());
        assertFalse(vm.partialProperty().get());
        assertEquals(all.size(), vm.list().countProperty(Queue.ALL).get());
        int myTasks = vm.list().countProperty(Queue.MY_TASKS).get();
        vm.list().queueProperty().set(Queue.MY_TASKS);
        assertEquals(myTasks, vm.list().visible().size());
        assertTrue(myTasks > 0);
    }

    @Test
    void aSaveReplacesOnlyTheSavedTicketAndKeepsItOpen() {
        Ticket ticket = newWaterTicket();
        vm.selected().ticketProperty().set(ticket);
        assertFalse(vm.selected().events().isEmpty(), "the history is read when a ticket is opened");
        List<Ticket> before = new ArrayList<>(vm.list().all());
        int newBefore = vm.list().countProperty(Queue.NEW).get();
        ScopeSnapshot snapshotBefore = vm.snapshotProperty().get();
        List<Ticket> selections = new ArrayList<>();
        vm.selected().ticketProperty().addListener((o, a, t) -> selections.add(t));

        vm.act(accept(), Map.of("station", "屏山水务站"), "");

        Ticket saved = vm.selected().ticketProperty().get();
        assertEquals(ticket.id(), saved.id(), "the same ticket stays open");
        assertEquals("verification", saved.currentStep());
        assertEquals(List.of(saved), selections, "the open ticket changed once, never to nothing");
        assertEquals(
                "accept",
                vm.selected().events().get(vm.selected().events().size() - 1).action());
        ScopeSnapshot after = vm.snapshotProperty().get();
        assertNotEquals(snapshotBefore, after);
        assertSame(snapshotBefore.maker(), after.maker(), "no reload: the clocks' calendar was not read again");
        List<Ticket> now = vm.list().all();
        assertEquals(before.size(), now.size());
        for (int i = 0; i < now.size(); i++) {
            if (now.get(i).id().equals(ticket.id())) {
                assertEquals(saved, now.get(i));
            } else {
                assertSame(before.get(i), now.get(i), "row " + i + " was not read again");
            }
        }
        assertEquals(newBefore - 1, vm.list().countProperty(Queue.NEW).get(), "counts moved by the one ticket");
        assertTrue(
                vm.messageProperty().get().contains(ticket.ticketNo()),
                vm.messageProperty().get());
        assertFalse(vm.messageIsProblemProperty().get(), "a save done is not shown as an error");
    }

    @Test
    void aTransferTakesTheTicketOutOfTheListAndSaysWhereItWent() {
        Ticket ticket = newWaterTicket();
        vm.selected().ticketProperty().set(ticket);
        int before = vm.list().all().size();
        ActionDef transfer = workspace
                .catalog
                .workflowOf("drinking_water")
                .action("transfer")
                .orElseThrow();
        assertTrue(
                vm.selected().choices().stream()
                        .anyMatch(c -> c.action().code().equals("transfer") && c.refusal() == null),
                "the water clerk may transfer a ticket waiting for acceptance");

        vm.act(transfer, Map.of("item", "house_renovation", "reason", "房屋漏雨，属危房改造"), "");

        assertEquals(before - 1, vm.list().all().size(), "another department's ticket now");
        assertFalse(vm.list().all().stream().anyMatch(t -> t.id().equals(ticket.id())));
        assertEquals(null, vm.selected().ticketProperty().get(), "nothing of it stays open");
        assertEquals(before - 1, vm.list().countProperty(Queue.ALL).get());
        assertTrue(
                vm.messageProperty().get().contains("农村危房改造"),
                vm.messageProperty().get());
        assertFalse(vm.messageIsProblemProperty().get());
    }

    @Test
    void aHistoryNamesColleaguesNotTheirAccounts() {
        // a township's staff and another department's clerk: people of the county, not users of this PC
        String township = vm.list().all().stream()
                .map(t -> "township." + t.township().code())
                .filter(n -> !n.equals("township." + DemoUsers.TOWNSHIP_STAFF.townshipCode()))
                .findFirst()
                .orElseThrow();
        assertNotEquals(township, vm.actorName(township));
        assertTrue(vm.actorName(township).contains(township), "the account still follows the name");
        assertTrue(vm.actorName("housing.clerk").startsWith("周住安"), vm.actorName("housing.clerk"));
        assertEquals("nobody.known", vm.actorName("nobody.known"), "an account no list names stays as it is");
    }

    @Test
    void aColumnFilterNarrowsTheQueueToOneValueAndOffersTheValuesThere() {
        List<String> steps = vm.list().valuesOf(ColumnFilter.STEP);
        assertTrue(steps.contains("acceptance"), steps.toString());
        long waiting = vm.list().all().stream()
                .filter(t -> t.currentStep().equals("acceptance"))
                .count();
        vm.list().filters().put(ColumnFilter.STEP, "acceptance");
        assertEquals(waiting, vm.list().visible().size());
        assertTrue(vm.list().visible().stream().allMatch(t -> t.currentStep().equals("acceptance")));
        vm.list().queueProperty().set(Queue.STEP_OVERDUE);
        assertTrue(
                vm.list().visible().size()
                        <= vm.list().countProperty(Queue.STEP_OVERDUE).get(),
                "the queue and the filter together");
        assertTrue(vm.list().visible().stream().allMatch(t -> t.currentStep().equals("acceptance")));
        vm.list().queueProperty().set(Queue.ALL);
        vm.list().filters().clear();
        assertEquals(vm.list().all().size(), vm.list().visible().size());
    }

    @Test
    void aRefusedSaveSaysTheFieldAndRuleAndWritesNothing() {
        Ticket ticket = newWaterTicket();
        vm.selected().ticketProperty().set(ticket);
        int events = vm.selected().events().size();

        vm.act(accept(), Map.of(), "");

        assertTrue(
                vm.messageProperty().get().contains("派往乡镇水务站"),
                vm.messageProperty().get());
        assertTrue(vm.messageIsProblemProperty().get(), "a refusal is shown as one");
        assertEquals(events, workspace.store.tickets().events(ticket.id()).size());
        assertEquals("acceptance", vm.selected().ticketProperty().get().currentStep());
    }

    @Test
    void aSaveOnATicketChangedMeanwhileIsRefusedAndTheTicketShownAgain() {
        Ticket ticket = newWaterTicket();
        vm.selected().ticketProperty().set(ticket);
        // someone else on this PC's store first (another window, a pull)
        workspace
                .actions()
                .act(ticket.id(), ticket.version(), DemoUsers.WATER_CLERK, "accept", Map.of("station", "转龙水务站"), "");

        vm.act(accept(), Map.of("station", "屏山水务站"), "");

        assertTrue(
                vm.messageProperty().get().contains(ticket.ticketNo()),
                vm.messageProperty().get());
        assertEquals("verification", vm.selected().ticketProperty().get().currentStep(), "shown as stored now");
        List<TicketEvent> history = workspace.store.tickets().events(ticket.id());
        assertEquals("转龙水务站", history.get(history.size() - 1).formData().get("station"));
    }

    @Test
    void aSyncThatChangedAFewTicketsReplacesThoseOnly() {
        Ticket ticket = newWaterTicket();
        Ticket other = vm.list().all().stream()
                .filter(t -> !t.id().equals(ticket.id()))
                .findFirst()
                .orElseThrow();
        workspace
                .actions()
                .act(ticket.id(), ticket.version(), DemoUsers.WATER_CLERK, "accept", Map.of("station", "转龙水务站"), "");

        vm.refresh(Set.of(ticket.id()));

        assertEquals(
                "verification",
                vm.list().all().stream()
                        .filter(t -> t.id().equals(ticket.id()))
                        .findFirst()
                        .orElseThrow()
                        .currentStep());
        assertTrue(vm.list().all().stream().anyMatch(t -> t == other), "the others are the same objects");
    }

    @Test
    void theOpenTicketsActionsSayWhyOneIsRefused() {
        Ticket ticket = newWaterTicket();
        vm.selected().ticketProperty().set(ticket);
        List<SelectedTicket.ActionChoice> choices = vm.selected().choices();
        assertTrue(choices.stream().anyMatch(c -> c.action().code().equals("accept") && c.refusal() == null));
        assertNotNull(vm.selected().clockProperty().get());
    }

    @Test
    void oneApplicantsRequestsAreFoundAcrossTicketsAndAnOpenOneIsOffered() {
        Ticket first = newWaterTicket();
        assertEquals(
                first,
                vm.applicant()
                        .openFor(first.applicant().idNumber(), "drinking_water")
                        .orElseThrow(),
                "the open request of this person and item");
        assertTrue(vm.applicant()
                .openFor(first.applicant().idNumber(), "school_aid")
                .isEmpty());
        vm.selected().ticketProperty().set(first);
        assertEquals(List.of(), vm.applicant().others(), "the sample county's applicants ask once each");

        // the same person asks again (a second water request, raised by a neighbour)
        vm.openTicket(askingAgain(first));

        vm.selected().ticketProperty().set(first);
        assertEquals(1, vm.applicant().others().size(), "the new request is listed with the first");
        Ticket second = vm.applicant().others().get(0);
        assertNotEquals(first.id(), second.id());
        vm.selected().ticketProperty().set(second);
        assertEquals(List.of(first), vm.applicant().others());
        vm.selected().ticketProperty().set(null);
        assertEquals(List.of(), vm.applicant().others());
    }

    @Test
    void aSyncThatWroteAfterTheReadAheadIsNotHiddenByIt() throws Exception {
        // the sign-in list read the leader's county ahead; then the first sync pulled more tickets
        workspace.readAheadFor(workspace.store.users().list(), "leader", WorkbenchViewModel.FIRST_SCREEN);
        long before = workspace.store.tickets().count();
        Ticket pulled = workspace
                .store
                .tickets()
                .insertOpened(
                        workspace.opening().open(askingAgain(newWaterTicket()), DemoUsers.WATER_CLERK),
                        new TicketLineCodec(workspace.catalog));
        WorkbenchViewModel leader = new WorkbenchViewModel(workspace, DemoUsers.LEADER);
        leader.synced(Synchronizer.Changed.everything());
        leader.reload();

        assertEquals(before + 1, leader.list().all().size(), "the county as stored now, not as read ahead");
        assertTrue(leader.list().all().stream().anyMatch(t -> t.id().equals(pulled.id())));
    }

    @Test
    void aSaveAfterAFirstScreenFromTheReadAheadIsNotUndoneByTheNextReload() {
        // the sign-in list read the clerk's scope ahead; the first screen held all of it
        workspace.readAheadFor(workspace.store.users().list(), "water.clerk", WorkbenchViewModel.FIRST_SCREEN);
        WorkbenchViewModel clerk = new WorkbenchViewModel(workspace, DemoUsers.WATER_CLERK);
        clerk.reload();
        Ticket ticket = clerk.list().all().stream()
                .filter(t -> t.currentStep().equals("acceptance"))
                .findFirst()
                .orElseThrow();
        clerk.selected().ticketProperty().set(ticket);
        clerk.act(accept(), Map.of("station", "屏山水务站"), "");
        clerk.reload(); // as the refresh every few minutes does

        Ticket shown = clerk.list().all().stream()
                .filter(t -> t.id().equals(ticket.id()))
                .findFirst()
                .orElseThrow();
        assertEquals("verification", shown.currentStep(), "the store as it is now, not as read before sign-in");
    }

    /** A second water request of {@code first}'s applicant, at the same place, raised by a neighbour. */
    private static TicketOpening.Request askingAgain(Ticket first) {
        return new TicketOpening.Request(
                "drinking_water",
                first.county(),
                first.township(),
                first.village(),
                first.applicant().name(),
                first.applicant().idNumber(),
                first.applicant().phone(),
                IntakeChannel.RAISED_BY_PROXY,
                "邻居 王五",
                Map.of("problem", "cut_off", "description", "停水三天"));
    }

    private Ticket newWaterTicket() {
        return vm.list().all().stream()
                .filter(t -> t.currentStep().equals("acceptance"))
                .findFirst()
                .orElseThrow();
    }

    private ActionDef accept() {
        return workspace.catalog.workflowOf("drinking_water").actions().stream()
                .filter(a -> a.code().equals("accept"))
                .findFirst()
                .orElseThrow();
    }
}
