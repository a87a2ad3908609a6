package org.reliefdesk.gui.shell;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.queue.TicketScope;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.logic.workflow.WorkflowEngine;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketStatus;
import org.reliefdesk.store.LocalStore;
import org.reliefdesk.store.TicketActions;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** After three rounds of job recommendations a fourth is refused in the GUI, with the rule's words. */
class JobRoundsGuiTest extends GuiTestBase {

    @Test
    void aFourthRoundIsRefusedWithTheRulesMessage() throws Exception {
        startApp(LocalDate.of(2021, 11, 23), 600);
        Clock clock = Clock.fixed(SampleGenerator.noon(LocalDate.of(2021, 11, 23)), ChinaTime.ZONE);

        // Another workstation of the same office works a new job-search ticket through three rounds.
        Ticket ticket;
        try (LocalStore store = LocalStore.open(dataDir)) {
            TicketActions actions = new TicketActions(store, new WorkflowEngine(CatalogLoader.loadBuiltIn(), clock));
            ticket = store.tickets().list(new TicketScope("530128", Set.of("job_search"), null)).stream()
                    .filter(t -> t.status() == TicketStatus.NEW && t.dispatchedAt() != null)
                    .findFirst()
                    .orElseThrow();
            ticket = actions.act(ticket.id(), ticket.version(), DemoUsers.JOB_CLERK, "accept", Map.of(), null);
            for (int round = 0; round < 3; round++) {
                ticket = actions.act(
                        ticket.id(),
                        ticket.version(),
                        DemoUsers.JOB_CLERK,
                        "recommend_jobs",
                        Map.of("jobs", List.of(Map.of("employer", "禄劝县建筑工程公司", "position", "普工", "place", "禄劝县城"))),
                        null);
                ticket = actions.act(
                        ticket.id(),
                        ticket.version(),
                        DemoUsers.JOB_CLERK,
                        "round_follow_up",
                        Map.of(
                                "visitDate",
                                "2021-11-23",
                                "method",
                                "phone",
                                "satisfaction",
                                "satisfied",
                                "employed",
                                false,
                                "wantsAnotherRound",
                                true),
                        null);
            }
        }
        Ticket worked = ticket;
        assertEquals("recommendation", worked.currentStep());

        signIn(DemoUsers.JOB_CLERK.displayName());
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#ticketTable").tryQuery().isPresent()
                        && !table().getItems().isEmpty()));
        clickOn("#searchField").write(worked.ticketNo());
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> onFx(() -> table().getItems().size() == 1));
        assertEquals(worked.id(), table().getItems().get(0).id());
        clickOn((Node) lookup(n -> n instanceof TableRow<?> r
                        && r.getItem() != null
                        && ((Ticket) r.getItem()).id().equals(worked.id()))
                .query());
        // The action bar follows the ticket's history, read off the FX thread.
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#action-recommend_jobs").tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();

        Button recommend = lookup("#action-recommend_jobs").queryAs(Button.class);
        assertTrue(recommend.isDisabled());
        String why = lookup("#actionRefusals").queryAs(Label.class).getText();
        assertTrue(why.contains("找工作最多推荐 3 轮（三推荐、三回访），已推荐 3 轮"), why);
        assertTrue(!lookup("#action-close").queryAs(Button.class).isDisabled(), "the clerk can still conclude it");
    }
}
