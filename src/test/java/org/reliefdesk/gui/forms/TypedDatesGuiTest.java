package org.reliefdesk.gui.forms;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.catalog.FormDef;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.workflow.FormValidator;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every date field of every form, typed by keyboard in the form the placeholder shows and in the
 * Chinese habits: the value is the date, and nothing reaches the crash handler.
 */
class TypedDatesGuiTest extends FxRobot {

    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
        Thread.setDefaultUncaughtExceptionHandler(null);
    }

    @Test
    void typedDatesAreTakenInEveryDateFieldOfEveryForm() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        interact(() -> Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e)));
        Catalog catalog = CatalogLoader.loadBuiltIn();
        Texts texts = new Texts(Texts.CHINESE);
        int fields = 0;
        for (String formCode : List.of("follow_up", "water_solve", "house_review", "training_round", "water_verify")) {
            FormDef form = catalog.form(formCode).orElseThrow();
            for (String typed : List.of("2024-10-01", "2024/10/1", "2024年10月1日")) {
                FormEditor[] editor = new FormEditor[1];
                interact(() -> {
                    editor[0] = new FormEditor(
                            form,
                            catalog,
                            texts,
                            new FormEditor.Checker(
                                    form, new FormValidator(catalog), Map.of(), LocalDate.of(2024, 12, 1)));
                    stage.setScene(new Scene((Parent) editor[0].root(), 700, 500));
                    stage.show();
                });
                for (DatePicker picker : lookup(".date-picker").queryAllAs(DatePicker.class)) {
                    clickOn(picker.getEditor()).write(typed).press(KeyCode.TAB).release(KeyCode.TAB);
                    WaitForAsyncUtils.waitForFxEvents();
                    assertEquals(LocalDate.of(2024, 10, 1), picker.getValue(), formCode + " " + typed);
                    assertEquals("2024-10-01", picker.getEditor().getText());
                    fields++;
                }
            }
        }
        assertTrue(fields >= 15, "date fields typed: " + fields);
        assertEquals(List.of(), uncaught);
    }

    @Test
    void textThatIsNoDateIsKeptForTheFormToNameNotACrash() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        Catalog catalog = CatalogLoader.loadBuiltIn();
        FormDef form = catalog.form("water_solve").orElseThrow();
        FormEditor[] editor = new FormEditor[1];
        interact(() -> {
            editor[0] = new FormEditor(
                    form,
                    catalog,
                    new Texts(Texts.CHINESE),
                    new FormEditor.Checker(form, new FormValidator(catalog), Map.of(), LocalDate.of(2024, 12, 1)));
            stage.setScene(new Scene((Parent) editor[0].root(), 700, 500));
            stage.show();
        });
        DatePicker picker = lookup(".date-picker").queryAs(DatePicker.class);
        clickOn(picker.getEditor()).write("2024-13-45").press(KeyCode.TAB).release(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(picker.getValue());
        assertEquals(List.of(), uncaught);
    }
}
