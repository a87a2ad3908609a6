package org.reliefdesk.gui.shell;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javafx.scene.Node;
import javafx.scene.control.Labeled;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.logic.sample.DemoCounty;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.logic.workflow.TicketOpening;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.IntakeChannel;
import org.reliefdesk.model.Place;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.store.LocalStore;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A ticket that arrives while the clerk works pops up a notice (Tuesday noon: office hours). */
class NotificationGuiTest extends GuiTestBase {

    private static final LocalDate TUESDAY = LocalDate.of(2021, 11, 23);

    @Test
    void aNewWaterRequestIsAnnouncedAndTheNoticeOpensMyTasks() throws Exception {
        startApp(TUESDAY, 200);
        signIn(DemoUsers.WATER_CLERK.displayName());
        assertTrue(lookup(".notification-bar").tryQuery().isEmpty(), "nothing announced at sign-in");

        Ticket arrived;
        try (LocalStore store = LocalStore.open(dataDir)) {
            Place township = DemoCounty.firstTownship();
            arrived = store.tickets()
                    .insertOpened(
                            new TicketOpening(
                                            CatalogLoader.loadBuiltIn(),
                                            Clock.fixed(SampleGenerator.noon(TUESDAY), ChinaTime.ZONE))
                                    .open(
                                            new TicketOpening.Request(
                                                    "drinking_water",
                                                    DemoCounty.COUNTY,
                                                    township,
                                                    new Place(township.code() + "201", "大村村委会"),
                                                    "李四",
                                                    "11010519491231002X",
                                                    "13812345678",
                                                    IntakeChannel.RAISED_BY_PROXY,
                                                    "邻居 王五",
                                                    Map.of("problem", "cut_off", "description", "停水三天")),
                                            DemoUsers.TOWNSHIP_STAFF),
                            new TicketLineCodec(CatalogLoader.loadBuiltIn()));
        }
        interact(() -> lookup("#refreshButton").queryButton().fire());

        Predicate<Node> notice = n -> n instanceof Labeled l
                && l.getText() != null
                && l.getText().contains("新到 1 件待办")
                && l.getText().contains(arrived.ticketNo());
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> lookup(notice).tryQuery().isPresent());
        clickOn((Node) lookup(notice).query());
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> app != null
                        && lookup("#queueList")
                                        .queryListView()
                                        .getSelectionModel()
                                        .getSelectedItem()
                                == Queue.MY_TASKS);
        assertTrue(table().getItems().stream().anyMatch(t -> t.ticketNo().equals(arrived.ticketNo())));

        // a second refresh with nothing new says nothing more
        interact(() -> lookup("#refreshButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> !lookup("#refreshButton").queryButton().isDisabled());
        // at most the first notice (it hides itself after 10 s, which a loaded machine may reach by now)
        assertTrue(lookup(notice).queryAll().size() <= 1, "no second notice");
    }
}
