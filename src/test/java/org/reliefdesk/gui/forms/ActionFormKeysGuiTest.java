package org.reliefdesk.gui.forms;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.logic.catalog.ActionDef;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.logic.workflow.FormPrefill;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.Ticket;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The follow-up form by keyboard: it opens in its first field, Enter on a drop-down only chooses
 * (the visit is not concluded before the notes are typed), every problem is listed with its
 * field's label, and a question before something final answers No to Enter.
 */
class ActionFormKeysGuiTest extends FxRobot {

    private static final Catalog CATALOG = CatalogLoader.loadBuiltIn();
    private static final LocalDate TODAY = LocalDate.of(2021, 11, 23);
    private static final Texts TEXTS = new Texts(Texts.CHINESE);

    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    private Dialog<ActionDialog.Filled> followUp(Stage stage) {
        Ticket ticket = new SampleGenerator(CATALOG)
                .generate(3, TODAY, 40).stream()
                        .map(h -> h.ticket())
                        .filter(t -> CATALOG.workflowOf(t.itemCode())
                                .action("follow_up")
                                .isPresent())
                        .findFirst()
                        .orElseThrow();
        ActionDef action =
                CATALOG.workflowOf(ticket.itemCode()).action("follow_up").orElseThrow();
        assertEquals("follow_up", action.form());
        AppConfig config = new AppConfig(dir, TEXTS, Clock.fixed(SampleGenerator.noon(TODAY), ChinaTime.ZONE), 0);
        return ActionDialog.build(stage, ticket, action, CATALOG, TEXTS, Map.of(), TODAY, config, Map.of());
    }

    /** The follow-up form, shown over the primary stage. */
    private Dialog<ActionDialog.Filled>[] showFollowUp() throws Exception {
        return showOverStage(this::followUp);
    }

    /** A form made over the primary stage and shown (in a one-element array: it is filled on the FX thread). */
    private Dialog<ActionDialog.Filled>[] showOverStage(Function<Stage, Dialog<ActionDialog.Filled>> make)
            throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        @SuppressWarnings("unchecked")
        Dialog<ActionDialog.Filled>[] dialog = new Dialog[1];
        interact(() -> {
            stage.setScene(new Scene(new StackPane(), 400, 300));
            stage.show();
            dialog[0] = make.apply(stage);
            dialog[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return dialog;
    }

    @Test
    void enterOnADropDownOrADateChoosesAndDoesNotSave() throws Exception {
        Dialog<ActionDialog.Filled>[] dialog = showFollowUp();
        Node date = lookup("#field-visitDate").query();
        assertTrue(
                onFx(() -> date.getScene().getFocusOwner() != null
                        && isInside(date.getScene().getFocusOwner(), date)),
                "the form opens in its first field");

        // typed characters go to the window in front: the dialog
        targetWindow(date.getScene().getWindow());
        write("2021-11-22");
        type(KeyCode.TAB);
        @SuppressWarnings("unchecked")
        ComboBox<Object> method = lookup("#field-method").queryAs(ComboBox.class);
        assertTrue(onFx(method::isFocused), "Tab goes on to 回访方式");
        press(KeyCode.ALT).press(KeyCode.DOWN).release(KeyCode.DOWN).release(KeyCode.ALT);
        type(KeyCode.DOWN);
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(() -> method.getValue() != null), "Enter chose a method");
        type(KeyCode.TAB);
        @SuppressWarnings("unchecked")
        ComboBox<Object> satisfaction = lookup("#field-satisfaction").queryAs(ComboBox.class);
        assertTrue(onFx(satisfaction::isFocused));
        press(KeyCode.ALT).press(KeyCode.DOWN).release(KeyCode.DOWN).release(KeyCode.ALT);
        type(KeyCode.DOWN);
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(() -> satisfaction.getValue() != null), "Enter chose the satisfaction");
        // the form is complete now, and still Enter on the drop-down again must not save it
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(() -> dialog[0].isShowing()), "Enter on a drop-down saved the follow-up");
        assertNull(dialog[0].getResult());
        assertFalse(
                onFx(() -> lookup("#saveButton").queryButton().isDisabled()),
                "the form is valid: "
                        + onFxText(() ->
                                lookup("#formProblem").queryAs(Label.class).getText()));

        // nor Enter on the date: a date field commits its date and no more in a form
        interact(() -> date.requestFocus());
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(() -> dialog[0].isShowing()), "Enter on the date saved the follow-up");

        // Ctrl+S saves
        press(KeyCode.CONTROL).press(KeyCode.S).release(KeyCode.S).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onFx(() -> dialog[0].isShowing()));
        assertEquals("2021-11-22", dialog[0].getResult().values().get("visitDate"));
    }

    /**
     * A date typed over a date, wrong, stays in the field after Tab (the picker emptied a field
     * whose date became none) and is named beside it.
     */
    @Test
    void aDateTypedWrongOverADateStaysAndIsNamed() throws Exception {
        Dialog<ActionDialog.Filled>[] dialog = showFollowUp();
        try {
            DatePicker date = lookup("#field-visitDate").queryAs(DatePicker.class);
            targetWindow(date.getScene().getWindow());
            write("2021-11-22");
            type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("2021-11-22", onFxText(() -> String.valueOf(date.getValue())));
            press(KeyCode.SHIFT).press(KeyCode.TAB).release(KeyCode.TAB).release(KeyCode.SHIFT);
            interact(() -> date.getEditor().selectAll());
            write("2021-13-45");
            type(KeyCode.TAB);
            WaitForAsyncUtils.waitFor(
                    10,
                    TimeUnit.SECONDS,
                    () -> "2021-13-45".equals(onFxText(() -> date.getEditor().getText())));
            assertEquals(
                    "必须是日期，如 2024-10-01",
                    onFxText(() ->
                            lookup("#error-visitDate").queryAs(Label.class).getText()));
            assertTrue(onFx(() -> lookup("#saveButton").queryButton().isDisabled()));
        } finally {
            // closed with a result, pass or fail: no "discard what was typed?" left over the next test
            interact(() -> {
                dialog[0].setResult(new ActionDialog.Filled(Map.of(), ""));
                dialog[0].close();
            });
        }
    }

    @Test
    void everyProblemIsListedWithItsFieldsLabel() throws Exception {
        Dialog<ActionDialog.Filled>[] dialog = showFollowUp();
        // typing a note makes the form "touched"; three required fields are still empty
        clickOn("#actionNote").write("电话未接通");
        WaitForAsyncUtils.waitForFxEvents();
        String problems =
                onFxText(() -> lookup("#formProblem").queryAs(Label.class).getText());
        assertEquals(3, problems.lines().count(), problems);
        assertTrue(problems.contains("回访日期"), problems);
        assertTrue(problems.contains("回访方式"), problems);
        assertTrue(problems.contains("满意度"), problems);
        assertFalse(problems.contains("visitDate") || problems.contains("satisfaction"), problems);
        // and each under its own field at once, though only the note was typed
        for (String field : new String[] {"visitDate", "method", "satisfaction"}) {
            assertFalse(
                    onFxText(() -> lookup("#error-" + field)
                                    .queryAs(Label.class)
                                    .getText())
                            .isEmpty(),
                    field);
        }
        // closed with a result: no "discard what was typed?" question left open behind the test
        interact(() -> {
            dialog[0].setResult(new ActionDialog.Filled(Map.of(), ""));
            dialog[0].close();
        });
    }

    /** The township's verification opens with the person, the applicant's village and now; untouched, it closes without asking. */
    @Test
    void theVerificationOpensPrefilledAndUntouched() throws Exception {
        Ticket ticket = new SampleGenerator(CATALOG)
                .generate(3, TODAY, 60).stream()
                        .map(h -> h.ticket())
                        .filter(t -> t.itemCode().equals("drinking_water"))
                        .findFirst()
                        .orElseThrow();
        ActionDef verify =
                CATALOG.workflowOf(ticket.itemCode()).action("verify").orElseThrow();
        Clock clock = Clock.fixed(SampleGenerator.noon(TODAY), ChinaTime.ZONE);
        AppConfig config = new AppConfig(dir, TEXTS, clock, 0);
        Dialog<ActionDialog.Filled>[] dialog = showOverStage(stage -> ActionDialog.build(
                stage,
                ticket,
                verify,
                CATALOG,
                TEXTS,
                Map.of(),
                TODAY,
                config,
                FormPrefill.of(CATALOG.form(verify.form()).orElseThrow(), ticket, DemoUsers.TOWNSHIP_STAFF, clock)));
        assertEquals(
                DemoUsers.TOWNSHIP_STAFF.displayName(),
                onFxText(
                        () -> lookup("#field-verifier").queryAs(TextField.class).getText()));
        assertEquals(
                ticket.village().name(),
                onFxText(() -> lookup("#field-place").queryAs(TextField.class).getText()));
        HBox onSite = lookup("#field-onSiteAt").queryAs(HBox.class);
        assertEquals(
                TODAY.toString(),
                onFxText(() -> String.valueOf(((DatePicker) onSite.getChildren().get(0)).getValue())));
        assertEquals("12:00", onFxText(() -> ((TextField) onSite.getChildren().get(1)).getText()));
        targetWindow(onSite.getScene().getWindow());
        type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onFx(() -> dialog[0].isShowing()), "nothing typed: closed without a question");
    }

    @Test
    void aQuestionBeforeSomethingFinalAnswersNoToEnter() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        Alert[] alert = new Alert[1];
        interact(() -> {
            stage.setScene(new Scene(new StackPane(), 400, 300));
            stage.show();
            alert[0] = ActionDialogs.question(stage, TEXTS, TEXTS.msg("action.confirmDiscard"));
            alert[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Button no = lookup("#confirmNo").queryButton();
        assertTrue(no.isDefaultButton());
        assertFalse(lookup("#confirmYes").queryButton().isDefaultButton());
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(ButtonBar.ButtonData.NO, alert[0].getResult().getButtonData());
    }

    private static boolean isInside(Node node, Node container) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == container) {
                return true;
            }
        }
        return false;
    }

    private static boolean onFx(Callable<Boolean> condition) throws Exception {
        return WaitForAsyncUtils.asyncFx(condition).get();
    }

    private static String onFxText(Callable<String> text) throws Exception {
        return WaitForAsyncUtils.asyncFx(text).get();
    }
}
