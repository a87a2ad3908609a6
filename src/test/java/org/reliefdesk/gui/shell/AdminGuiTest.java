package org.reliefdesk.gui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.logic.calendar.HolidayYear;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.logic.users.ListedUser;
import org.reliefdesk.model.Role;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The administrator adds a user (a clerk without a department is refused) and imports a holiday year. */
class AdminGuiTest extends GuiTestBase {

    @TempDir
    Path files;

    @Test
    void adminAddsAUserAndImportsAYear() throws Exception {
        Path year = files.resolve("2027.json");
        Files.writeString(year, """
                {"formatVersion":1,"year":2027,"notice":{"title":"国务院办公厅关于2027年部分节假日安排的通知","issued":"2026-11-01"},
                 "offDays":[{"from":"2027-10-01","to":"2027-10-07"}],"makeUpWorkingDays":["2027-09-26"]}""");
        startApp(LocalDate.of(2021, 11, 23), 200, owner -> List.of(year));
        signIn(DemoUsers.ADMIN.displayName());
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#mainTabs").tryQuery().isPresent()));
        TabPane tabs = lookup("#mainTabs").queryAs(TabPane.class);
        interact(() -> tabs.getSelectionModel()
                .select(tabs.getTabs().stream()
                        .filter(t -> "adminTab".equals(t.getId()))
                        .findFirst()
                        .orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        TableView<ListedUser> users = lookup("#userTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> onFx(() -> !users.getItems().isEmpty())); // loaded off the FX thread
        int before = users.getItems().size();
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of("#userTable", "#yearTable")) {
            TableView<?> table = lookup(id).queryAs(TableView.class);
            double columns = fx(() ->
                    table.getColumns().stream().mapToDouble(c -> c.getWidth()).sum());
            assertTrue(
                    columns >= fx(table::getWidth) - 24,
                    id + ": the columns share the table's width, " + columns + " px");
        }
        clickOn("#newUsername").write("water.clerk2");
        clickOn("#newDisplayName").write("Li");
        @SuppressWarnings("unchecked")
        ComboBox<Role> role = lookup("#newRole").queryAs(ComboBox.class);
        interact(() -> role.setValue(Role.CLERK));
        clickOn("#addUserButton");
        Label message = lookup("#adminMessage").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> onFx(() -> message.getText().contains("部门")));
        assertEquals("部门：县级部门经办人须选择所属部门", message.getText());
        assertEquals(before, users.getItems().size(), "nothing added");
        @SuppressWarnings("unchecked")
        ComboBox<Object> department = lookup("#newDepartment").queryAs(ComboBox.class);
        interact(() -> department.getSelectionModel().select(3)); // 水利
        clickOn("#addUserButton");
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> onFx(() -> users.getItems().size() == before + 1));
        assertTrue(users.getItems().stream()
                .anyMatch(l -> l.user().username().equals("water.clerk2")
                        && "WATER".equals(l.user().departmentCode())));
        assertEquals(
                "", lookup("#newUsername").queryAs(TextField.class).getText(), "an empty form for the next person");
        clickOn("#newUsername").write("water.clerk2"); // the same name again
        clickOn("#newDisplayName").write("Li");
        clickOn("#addUserButton");
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> onFx(() -> message.getText().startsWith("登录名")));
        assertEquals("登录名：与已有记录重复：water.clerk2", message.getText());
        assertEquals(before + 1, users.getItems().size());

        @SuppressWarnings("unchecked")
        TableView<HolidayYear> years = lookup("#yearTable").queryAs(TableView.class);
        assertEquals(6, years.getItems().size());
        // Further down the page: scrolled to, as a person would.
        interact(() -> ((ScrollPane) lookup("#adminPage").query()).setVvalue(1));
        clickOn("#importYearButton");
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> onFx(() -> years.getItems().size() == 7));
        assertTrue(Files.exists(dataDir.resolve("calendar").resolve("2027.json")));
        Label imported = lookup("#calendarMessage").queryAs(Label.class);
        assertTrue(imported.getText().startsWith("已导入 2027 年"), imported.getText());
        TextField ignored = lookup("#newUsername").queryAs(TextField.class);
        assertTrue(ignored.isVisible());
        // With no central store the users are this PC's: no password to set, nobody to disable.
        assertTrue(lookup("#usersWhere").queryAs(Label.class).getText().contains("只保存在本机"));
        assertTrue(lookup("#newPassword").tryQuery().isEmpty(), "no password field");
        assertTrue(!lookup("#disableUserButton").query().isVisible(), "no disable button");
    }

    /** On an office PC's screen in English, the administration page's names and buttons read whole. */
    @Test
    void onAnOfficePcsScreenInEnglishTheAdministrationPageReadsWhole() throws Exception {
        language = Locale.ENGLISH;
        central = AppConfig.Central.embedded(); // as the demo runs: users live there, a first password is asked
        startApp(LocalDate.of(2021, 11, 23), 200, owner -> List.of());
        signIn(DemoUsers.ADMIN.displayName());
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#mainTabs").tryQuery().isPresent()));
        onAnOfficeScreen();
        openPage("adminTab");
        Node page = lookup("#adminPage").query();
        assertReadsWhole(page);
    }
}
