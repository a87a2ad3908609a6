package org.reliefdesk.gui.shell;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.model.ServiceItem;
import org.reliefdesk.model.Ticket;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A civil-affairs clerk opens a ticket for a resident; a wrong ID number is caught before anything is saved. */
class NewTicketGuiTest extends GuiTestBase {

    @Test
    void aWrongCheckDigitShowsBesideTheFieldAndSavesNothing() throws Exception {
        signInAsClerk(DemoUsers.CIVIL_CLERK.displayName());
        Label count = lookup("#ticketCount").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> onFx(() -> !count.getText().startsWith("显示 0")));
        String before = count.getText();

        clickOn("#newTicketButton");
        ComboBox<ServiceItem> item = newTicketForm();
        assertEquals(3, item.getItems().size(), "a civil-affairs clerk opens civil-affairs items only");
        interact(() -> item.getSelectionModel().select(2)); // 低保
        clickOn("#newRaisedBy").write("Zhang Hua");
        clickOn("#newName").write("Wang Wu");
        clickOn("#newPhone").write("13812345678");
        clickOn("#newIdNumber").write("110105194912310021"); // the check digit should be X
        WaitForAsyncUtils.waitForFxEvents();
        chooseTheFirstTownshipAndVillage();
        WaitForAsyncUtils.waitForFxEvents();

        Label idError = (Label)
                lookup((Node n) -> "error-applicant.idNumber".equals(n.getId())).query();
        assertTrue(idError.getText().startsWith("校验码 1 不正确"), idError.getText());
        Button save = lookup("#saveButton").queryAs(Button.class);
        assertTrue(save.isDisabled());
        TextField id = lookup("#newIdNumber").queryAs(TextField.class);
        interact(() -> id.setText("11010519491231002X"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", idError.getText());
        assertTrue(save.isDisabled(), "the application form is still empty");

        clickOn("#cancelButton");
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#confirmYes");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, count.getText(), "nothing saved");
    }

    @Test
    void everyProblemIsListedAndCtrlSSavesTheFilledTicketAsTheButtonSays() throws Exception {
        signInAsClerk(DemoUsers.WATER_CLERK.displayName());
        int before = app.workbench().list().all().size();
        clickOn("#newTicketButton");
        ComboBox<ServiceItem> item = newTicketForm();
        interact(() -> item.getSelectionModel().select(0)); // 农村饮水安全, the water clerk's one item
        interact(() -> lookup("#newIdNumber").queryAs(TextField.class).setText("530128196503120041"));
        WaitForAsyncUtils.waitForFxEvents();
        // every problem at once, by the labels the form shows
        String said = lookup("#formProblem").queryAs(Label.class).getText();
        assertTrue(said.split("\n").length >= 3, said);
        assertTrue(said.startsWith("乡镇名称："), said);
        assertTrue(said.contains("身份证号：校验码"), said);
        assertFalse(said.contains("代码"), "no code words: " + said);
        completeTheWaterForm();

        clickOn("#newPhone");
        press(KeyCode.CONTROL).press(KeyCode.S).release(KeyCode.S).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#newItem").tryQuery().isEmpty()));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> app.workbench().list().all().size() == before + 1));
        assertTrue(app.workbench().list().all().stream()
                .anyMatch(t -> t.applicant().idNumber().equals("530128196503120040")));
    }

    /**
     * By keyboard: Ctrl+N opens the form in its first field (not on Cancel, where a Space closed it),
     * and Enter on a drop-down of a complete form only chooses, as in every action form.
     */
    @Test
    void ctrlNOpensTheFormInItsFirstFieldAndEnterOnADropDownNeverSaves() throws Exception {
        signInAsClerk(DemoUsers.WATER_CLERK.displayName());
        int before = fx(() -> app.workbench().list().all().size());
        press(KeyCode.CONTROL).press(KeyCode.N).release(KeyCode.N).release(KeyCode.CONTROL);
        ComboBox<ServiceItem> item = newTicketForm();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(item::isFocused));

        type(KeyCode.DOWN); // the water clerk's one item, chosen by keyboard
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> item.getValue() != null));
        completeTheWaterForm();

        for (String box : List.of("#newItem", "#newVillage", "#field-problem")) {
            interact(() -> lookup(box).query().requestFocus());
            type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(lookup("#newItem").tryQuery().isPresent(), "Enter on " + box + " saved the form");
        }
        assertEquals(before, (int) fx(() -> app.workbench().list().all().size()), "nothing saved");

        press(KeyCode.CONTROL).press(KeyCode.S).release(KeyCode.S).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#newItem").tryQuery().isEmpty()));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> fx(() -> app.workbench().list().all().size()) == before + 1);
    }

    /**
     * On an office PC's screen in English, a form with its problems shown reads whole: the problems
     * stand under their fields, so the fields keep their width and the intake channels and a table
     * row's Remove button are not cut.
     */
    @Test
    void onAnOfficePcsScreenInEnglishTheNewTicketFormReadsWholeWithItsProblems() throws Exception {
        language = Locale.ENGLISH;
        signInAsClerk(DemoUsers.CIVIL_CLERK.displayName());
        onAnOfficeScreen();
        clickOn("#newTicketButton");
        ComboBox<ServiceItem> item = newTicketForm();
        double fieldWidth = fx(item::getWidth);
        // the item whose application form has table rows (family members, income)
        interact(() -> item.getItems().stream()
                .filter(i -> i.code().equals("temporary_assistance"))
                .findFirst()
                .ifPresent(i -> item.getSelectionModel().select(i)));
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> !fx(() -> lookup("#formProblem").queryAs(Label.class).getText())
                        .isEmpty());
        Node form = lookup("#newItem").query().getScene().getRoot();
        assertEquals(fieldWidth, fx(item::getWidth), 0.5, "the drop-down kept its width beside the problems");
        assertReadsWhole(form, "13px");
        // the form at larger text too; not the dialog's buttons, which JavaFX's button bar sizes
        // once, at the text size the dialog opened with
        assertReadsWhole(lookup("#newTicketForm").query());
        clickOn("#cancelButton");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#confirmYes").tryQuery().isPresent()));
        clickOn("#confirmYes");
    }

    @Test
    void anOpenRequestOfTheSamePersonAndItemIsOfferedInsteadOfASecond() throws Exception {
        signInAsClerk(DemoUsers.CIVIL_CLERK.displayName());
        WorkbenchViewModel vm = app.workbench();
        // an open request of an item this clerk opens (the scope also holds other items' steps)
        var items = vm.catalog().itemsOf(DemoUsers.CIVIL_CLERK.departmentCode()).stream()
                .map(ServiceItem::code)
                .toList();
        Ticket open = vm.list().all().stream()
                .filter(t -> t.status().isOpen() && items.contains(t.itemCode()))
                .findFirst()
                .orElseThrow();

        clickOn("#newTicketButton");
        ComboBox<ServiceItem> item = newTicketForm();
        Node warning = lookup("#sameOpenWarning").query();
        assertFalse(warning.isVisible() && warning.getParent().isVisible());
        interact(() -> item.getItems().stream()
                .filter(i -> i.code().equals(open.itemCode()))
                .findFirst()
                .ifPresent(i -> item.getSelectionModel().select(i)));
        // typed in lower case: the check character x is the same as X
        clickOn("#newIdNumber").write(open.applicant().idNumber().toLowerCase());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(
                warning.getParent().isVisible(),
                "the open request is named; typed "
                        + lookup("#newIdNumber").queryAs(TextField.class).getText() + " item " + item.getValue()
                        + " for " + open);
        assertTrue(((Label) warning).getText().contains(open.ticketNo()), ((Label) warning).getText());

        clickOn("#showExisting");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#newItem").tryQuery().isEmpty()));
        assertEquals(open.id(), vm.selected().ticketProperty().get().id(), "that ticket is open instead");
        assertEquals(
                open.id(),
                lookup("#ticketTable").queryTableView().getSelectionModel().getSelectedItem() instanceof Ticket t
                        ? t.id()
                        : null);
    }

    /** The demo county on 2021-11-23 with {@code user} signed in and their "New ticket" button there. */
    private void signInAsClerk(String user) throws Exception {
        startApp(LocalDate.of(2021, 11, 23), 300);
        signIn(user);
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#newTicketButton").tryQuery().isPresent()));
    }

    /** The new ticket's form once it is open: its first field, the service item. */
    @SuppressWarnings("unchecked")
    private ComboBox<ServiceItem> newTicketForm() throws Exception {
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#newItem").tryQuery().isPresent()));
        return lookup("#newItem").queryAs(ComboBox.class);
    }

    /** The rest of the water item's ticket, the item chosen: a township and village, the applicant, the form. */
    private void completeTheWaterForm() throws Exception {
        chooseTheFirstTownshipAndVillage();
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#field-problem").tryQuery().isPresent()));
        @SuppressWarnings("unchecked")
        ComboBox<Object> problem = lookup("#field-problem").queryAs(ComboBox.class);
        interact(() -> {
            lookup("#newRaisedBy").queryAs(TextField.class).setText("干部排查 张华");
            lookup("#newName").queryAs(TextField.class).setText("罗正兴");
            lookup("#newIdNumber").queryAs(TextField.class).setText("530128196503120040");
            lookup("#newPhone").queryAs(TextField.class).setText("13812345678");
            problem.getSelectionModel().select(0);
            ((TextInputControl) lookup("#field-description").query()).setText("自来水断水三天");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(lookup("#saveButton").queryAs(Button.class).isDisabled(), "the form is complete");
    }

    /** The first township and, once its villages are read (off the FX thread), its first village. */
    private void chooseTheFirstTownshipAndVillage() throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<Object> township = lookup("#newTownship").queryAs(ComboBox.class);
        interact(() -> township.getSelectionModel().select(0));
        @SuppressWarnings("unchecked")
        ComboBox<Object> village = lookup("#newVillage").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> onFx(() -> !village.getItems().isEmpty()));
        interact(() -> village.getSelectionModel().select(0));
    }
}
