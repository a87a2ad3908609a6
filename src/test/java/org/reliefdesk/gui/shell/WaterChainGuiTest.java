package org.reliefdesk.gui.shell;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clerk accepts a water request and dispatches it to the township; township staff record the
 * on-site verification with a photo; the clerk records the fix and the feedback.
 */
class WaterChainGuiTest extends GuiTestBase {

    private static final LocalDate TODAY = LocalDate.of(2021, 11, 23);

    @TempDir
    Path photos;

    @Test
    void acceptVerifyWithAPhotoSolveAndFeedBack() throws Exception {
        Path photo = photos.resolve("现场照片.png");
        BufferedImage picture = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(10, 10, 0x3366cc);
        ImageIO.write(picture, "png", photo.toFile());
        // and a document named like a photo, which a 现场照片 field leaves out
        Path notAPhoto = Files.writeString(photos.resolve("会议记录.jpg"), "不是照片");
        List<Path> opened = new CopyOnWriteArrayList<>();
        startApp(TODAY, 300, owner -> List.of(photo, notAPhoto), opened::add);

        // A resident of 屏山街道 reports a water problem (opened here through the same rules as the GUI).
        Ticket ticket = openWaterTicket(TODAY, DemoUsers.WATER_CLERK);
        String number = ticket.ticketNo();

        signIn(DemoUsers.WATER_CLERK.displayName());
        open(number);
        act("accept");
        type("#field-station", "Pingshan");
        save();
        waitForStep("verification");

        switchTo(DemoUsers.TOWNSHIP_STAFF.displayName());
        assertTrue(table().getItems().stream().anyMatch(t -> t.ticketNo().equals(number)), "in my tasks");
        open(number);
        act("verify");
        HBox onSite = lookup("#field-onSiteAt").queryAs(HBox.class);
        interact(() -> {
            ((DatePicker) onSite.getChildren().get(0)).setValue(TODAY);
            ((TextField) onSite.getChildren().get(1)).setText("10:30");
        });
        type("#field-verifier", "Zhang");
        type("#field-place", "Dacun");
        clickOn((Node)
                lookup("#field-confirmed").queryAs(HBox.class).getChildren().get(0));
        type("#field-description", "confirmed on site");
        @SuppressWarnings("unchecked")
        ComboBox<Object> problem = lookup("#field-problem").queryAs(ComboBox.class);
        interact(() -> problem.getSelectionModel().select(0));
        type("#field-cause", "pipe broken");
        clickOn("#choose-photos");
        // the chosen photo shows as a thumbnail in the form; a click opens the original
        assertEquals(1, lookup(".thumbnail").queryAll().size(), "only the picture was taken");
        assertTrue(
                lookup("#filesNote-photos").queryAs(Label.class).getText().contains("会议记录.jpg"),
                "the file left out is named");
        Button inForm = lookup(".thumbnail").queryAs(Button.class);
        assertEquals(photo.toAbsolutePath(), inForm.getUserData());
        clickOn(inForm);
        assertEquals(List.of(photo.toAbsolutePath()), opened);
        save();
        waitForStep("solving");
        TicketEvent verified = lastAfter("verify");
        assertEquals("verify", verified.action());
        assertEquals("township.pingshan", verified.actor());
        @SuppressWarnings("unchecked")
        List<String> stored = (List<String>) verified.formData().get("photos");
        assertEquals(1, stored.size());
        assertTrue(stored.get(0).matches("[0-9a-f]{64}\\.png"), stored.toString());
        Path kept = dataDir.resolve("attachments").resolve(stored.get(0));
        assertTrue(Files.exists(kept));
        // the detail pane shows the stored photo, loaded as a picture, and opens it with the system viewer
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#attachmentPane .thumbnail .image-view")
                        .tryQuery()
                        .isPresent()));
        Button inDetail = lookup("#attachmentPane .thumbnail").queryAs(Button.class);
        assertEquals(kept, inDetail.getUserData());
        ImageView view = lookup("#attachmentPane .thumbnail .image-view").queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.getImage().getProgress() == 1.0);
        assertTrue(!view.getImage().isError(), "the stored photo decodes");
        interact(inDetail::fire);
        assertEquals(List.of(photo.toAbsolutePath(), kept), opened);

        switchTo(DemoUsers.WATER_CLERK.displayName());
        open(number);
        act("solve");
        interact(() -> lookup("#field-solvedOn").queryAs(DatePicker.class).setValue(TODAY));
        type("#field-measures", "pipe replaced");
        save();
        waitForStep("feedback");
        act("feedback");
        type("#field-text", "water is back");
        save();
        waitForStep("follow_up");
        AtomicReference<List<String>> actions = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> {
                    actions.set(history().stream().map(TicketEvent::action).toList());
                    return actions.get().size() == 6;
                }));
        assertEquals(List.of("submit", "dispatch", "accept", "verify", "solve", "feedback"), actions.get());
        assertEquals("solved", table().getSelectionModel().getSelectedItem().outcome());
    }

    private void switchTo(String name) throws Exception {
        clickOn("#switchUserButton");
        signIn(name);
    }

    private void open(String number) throws Exception {
        TextField search = lookup("#searchField").queryAs(TextField.class);
        interact(() -> search.setText(""));
        clickOn(search).write(number);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> onFx(() -> table().getItems().size() == 1));
        Ticket t = table().getItems().get(0);
        clickOn((Node) lookup(n -> n instanceof TableRow<?> r && t.equals(r.getItem()))
                .query());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void act(String action) throws Exception {
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#action-" + action).tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
        Button button = lookup("#action-" + action).queryAs(Button.class);
        Platform.runLater(
                button::fire); // fired (not clicked: the pane may still be laying out), async: the form is modal
        // Wait for the form itself: it attaches inside its scroll pane a pulse after the dialog shows.
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(
                        () -> lookup((Node n) -> n.getId() != null && n.getId().startsWith("field-"))
                                .tryQuery()
                                .isPresent()));
    }

    private void type(String id, String text) {
        clickOn(lookup(id).queryAs(TextInputControl.class)).write(text);
    }

    private void save() {
        Button save = lookup("#saveButton").queryAs(Button.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(
                !save.isDisabled(),
                () -> lookup("#formProblem").queryAs(Label.class).getText());
        clickOn(save);
    }

    private void waitForStep(String step) throws Exception {
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> {
                    Ticket selected = table().getSelectionModel().getSelectedItem(); // read once: a reload may clear it
                    return selected != null && step.equals(selected.currentStep());
                }));
    }

    /**
     * The newest event once the history pane shows {@code action} last: the pane reads a saved
     * ticket's history again off the FX thread, so right after a save it may still be empty or old.
     */
    private TicketEvent lastAfter(String action) throws Exception {
        AtomicReference<TicketEvent> last = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> {
                    List<TicketEvent> h = history(); // read once: the pane may be refilled meanwhile
                    last.set(h.isEmpty() ? null : h.get(h.size() - 1));
                    return last.get() != null && action.equals(last.get().action());
                }));
        return last.get();
    }

    @SuppressWarnings("unchecked")
    private List<TicketEvent> history() {
        return List.copyOf(((TableView<TicketEvent>) lookup("#eventTable").query()).getItems());
    }
}
