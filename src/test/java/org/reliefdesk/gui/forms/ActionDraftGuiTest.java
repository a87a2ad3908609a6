package org.reliefdesk.gui.forms;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.logic.catalog.ActionDef;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.catalog.Label;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.Ticket;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The follow-up form with a draft left by a crash: it opens as it was left and says so; what is
 * typed is handed on to be kept; saving leaves no draft, and neither does closing it unchanged.
 */
class ActionDraftGuiTest extends FxRobot {

    private static final Catalog CATALOG = CatalogLoader.loadBuiltIn();
    private static final LocalDate TODAY = LocalDate.of(2021, 11, 23);
    private static final Texts TEXTS = new Texts(Texts.CHINESE);

    @TempDir
    Path dir;

    /** Records what the form asks of its drafts. */
    private static final class Recorded implements Drafting {
        final Restored left;
        final List<Map<String, Object>> kept = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final List<String> sent = new ArrayList<>();
        int dropped;

        Recorded(Restored left) {
            this.left = left;
        }

        @Override
        public Optional<Restored> restored() {
            return Optional.ofNullable(left);
        }

        @Override
        public void keep(Map<String, Object> values, String note) {
            kept.add(values);
            notes.add(note);
        }

        @Override
        public void sent(Map<String, Object> values, String note) {
            sent.add(note);
        }

        @Override
        public void drop() {
            dropped++;
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    private Dialog<ActionDialog.Filled> show(Drafting drafting) throws Exception {
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
        AppConfig config = new AppConfig(dir, TEXTS, Clock.fixed(SampleGenerator.noon(TODAY), ChinaTime.ZONE), 0);
        Stage stage = FxToolkit.registerPrimaryStage();
        @SuppressWarnings("unchecked")
        Dialog<ActionDialog.Filled>[] dialog = new Dialog[1];
        interact(() -> {
            stage.setScene(new Scene(new StackPane(), 400, 300));
            stage.show();
            dialog[0] = ActionDialog.build(
                    stage, ticket, action, CATALOG, TEXTS, Map.of(), TODAY, config, Map.of(), drafting);
            dialog[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return dialog[0];
    }

    @Test
    void aDraftLeftByACrashOpensAsItWasAndSavingDropsIt() throws Exception {
        Recorded drafting = new Recorded(new Drafting.Restored(
                Map.of("visitDate", "2021-11-22", "method", "phone", "satisfaction", "satisfied", "remarks", "对结果满意"),
                "申请人在外务工，电话回访",
                Instant.parse("2021-11-23T02:31:00Z"),
                false));
        Dialog<ActionDialog.Filled> dialog = show(drafting);
        var said = lookup("#draftRestored").queryLabeled();
        assertTrue(onFx(said::isVisible));
        assertEquals("已恢复 2021-11-23 10:31 未保存的草稿，请核对后保存。", said.getText());
        assertEquals(
                LocalDate.of(2021, 11, 22),
                lookup("#field-visitDate").queryAs(DatePicker.class).getValue());
        @SuppressWarnings("unchecked")
        ComboBox<Label> method = lookup("#field-method").queryAs(ComboBox.class);
        assertEquals("phone", method.getValue().code());
        assertEquals(
                "申请人在外务工，电话回访", lookup("#actionNote").queryAs(TextArea.class).getText());

        TextArea remarks = lookup("#field-remarks").queryAs(TextArea.class);
        interact(remarks::requestFocus);
        assertEquals("对结果满意", remarks.getText());
        assertEquals(
                "",
                remarks.getSelectedText(),
                "what the person typed is not offered for replacing, as a suggestion is");
        interact(() -> lookup("#actionNote").queryAs(TextArea.class).appendText("；已核实"));
        assertEquals("申请人在外务工，电话回访；已核实", drafting.notes.get(drafting.notes.size() - 1));
        assertEquals("phone", drafting.kept.get(drafting.kept.size() - 1).get("method"), "the whole form is kept");
        assertEquals(0, drafting.dropped);

        Button save = lookup("#saveButton").queryButton();
        assertFalse(onFx(save::isDisabled), "the restored form is complete");
        interact(save::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(onFx(dialog::isShowing));
        assertEquals("申请人在外务工，电话回访；已核实", dialog.getResult().note());
        assertEquals(List.of("申请人在外务工，电话回访；已核实"), drafting.sent, "sent to be saved: kept until the store takes it");
        assertEquals(0, drafting.dropped, "not dropped before the store has taken it");
    }

    @Test
    void aFormWithoutADraftSaysNothingAndClosedUnchangedLeavesNone() throws Exception {
        Recorded drafting = new Recorded(null);
        Dialog<ActionDialog.Filled> dialog = show(drafting);
        assertFalse(onFx(() -> lookup("#draftRestored").queryLabeled().isVisible()));
        interact(dialog::close);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(drafting.kept.isEmpty(), "nothing typed, nothing kept");
        assertEquals(1, drafting.dropped);
    }

    private static boolean onFx(Callable<Boolean> condition) throws Exception {
        return WaitForAsyncUtils.asyncFx(condition).get();
    }
}
