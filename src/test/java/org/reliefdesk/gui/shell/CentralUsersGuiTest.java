package org.reliefdesk.gui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.logic.users.ListedUser;
import org.reliefdesk.model.Department;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.User;
import org.reliefdesk.sync.CentralClient;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the embedded default the administrator's page works on the central store: an imported
 * holiday year is shared there; a new clerk is added there with a first password (a short one is
 * refused, nothing stored), another is disabled after a confirmation, and the new clerk signs in
 * with their own password.
 */
class CentralUsersGuiTest extends GuiTestBase {

    @TempDir
    Path files;

    @Test
    void theAdministratorAddsAndDisablesUsersOnTheCentralStoreAndTheNewClerkSignsIn() throws Exception {
        central = AppConfig.Central.embedded();
        Path year = files.resolve("2031.json");
        Files.writeString(year, """
                {"formatVersion":1,"year":2031,"notice":{"title":"国务院办公厅关于2031年部分节假日安排的通知","issued":"2030-11-01"},
                 "offDays":[{"from":"2031-10-01","to":"2031-10-07"}],"makeUpWorkingDays":["2031-09-28"]}""");
        startApp(LocalDate.of(2021, 11, 23), 200, owner -> List.of(year));
        signIn(DemoUsers.ADMIN.displayName());
        TabPane tabs = lookup("#mainTabs").queryAs(TabPane.class);
        interact(() -> tabs.getSelectionModel()
                .select(tabs.getTabs().stream()
                        .filter(t -> "adminTab".equals(t.getId()))
                        .findFirst()
                        .orElseThrow()));
        @SuppressWarnings("unchecked")
        TableView<ListedUser> users = lookup("#userTable").queryAs(TableView.class);
        // the sign-in choices and the colleagues the sample's histories name (their accounts, not offered at sign-in)
        int demo = DemoUsers.all().size()
                + DemoUsers.colleagues(app.workspace().catalog.departments().stream()
                                .map(Department::code)
                                .toList())
                        .size();
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> onFx(() -> users.getItems().size() == demo));
        assertTrue(lookup("#usersWhere").queryAs(Label.class).getText().startsWith("这些用户保存在中央库"));
        Label message = lookup("#adminMessage").queryAs(Label.class);

        // A holiday year imported here goes to the central store too, for every PC's next sync.
        interact(() -> ((ScrollPane) lookup("#adminPage").query()).setVvalue(1));
        clickOn("#importYearButton");
        Label imported = lookup("#calendarMessage").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> onFx(() -> imported.getText().startsWith("已导入 2031 年")));
        assertTrue(imported.getText().contains("已同时存入中央库"), imported.getText());
        CentralClient client = new CentralClient(app.workspace().centralUrl(), Duration.ofSeconds(20));
        String token = client.signIn("water.clerk", DemoUsers.DEMO_PASSWORD.toCharArray(), "test")
                .token();
        assertEquals(
                List.of(2031),
                client.calendar(token).stream().map(y -> y.year()).toList());
        interact(() -> ((ScrollPane) lookup("#adminPage").query()).setVvalue(0));

        addClerk("water.three", "钱水利", "short");
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> onFx(() -> message.getText().startsWith("密码")));
        assertEquals("密码：至少 10 位", message.getText());
        assertEquals(demo, users.getItems().size(), "nothing added");
        interact(() -> lookup("#newPassword").queryAs(PasswordField.class).setText("water-three-1"));
        clickOn("#addUserButton");
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> onFx(() -> users.getItems().size() == demo + 1));
        assertTrue(message.getText().startsWith("已在中央库添加用户 钱水利（water.three）"), message.getText());
        assertEquals(
                "",
                lookup("#newPassword").queryAs(PasswordField.class).getText(),
                "the password is not left in the field");

        addClerk("water.four", "孙水利", "water-four-1");
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> onFx(() -> users.getItems().size() == demo + 2));
        interact(() -> users.getSelectionModel()
                .select(users.getItems().stream()
                        .filter(l -> l.user().username().equals("water.four"))
                        .findFirst()
                        .orElseThrow()));
        clickOn("#disableUserButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> yes().isPresent());
        clickOn(yes().orElseThrow());
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> users.getItems().stream()
                        .anyMatch(l -> l.user().username().equals("water.four") && l.disabled())));
        assertEquals("已停用用户 孙水利（water.four）。", message.getText());
        // the same button, for a disabled user, enables them again (no question: nothing is lost)
        interact(() -> users.getSelectionModel()
                .select(users.getItems().stream()
                        .filter(l -> l.user().username().equals("water.four"))
                        .findFirst()
                        .orElseThrow()));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() ->
                        lookup("#disableUserButton").queryButton().getText().equals("重新启用所选用户")));
        clickOn("#disableUserButton");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> users.getItems().stream()
                        .anyMatch(l -> l.user().username().equals("water.four") && !l.disabled())));
        assertEquals("已重新启用用户 孙水利（water.four），可以再次登录。", message.getText());

        // The new clerk is on the sign-in list; picked, they give their own password.
        clickOn("#switchUserButton");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#signInUserList").tryQuery().isPresent()));
        @SuppressWarnings("unchecked")
        ListView<User> list = lookup("#signInUserList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() ->
                        list.getItems().stream().anyMatch(u -> u.username().equals("water.three"))));
        interact(() -> list.getSelectionModel()
                .select(list.getItems().stream()
                        .filter(u -> u.username().equals("water.three"))
                        .findFirst()
                        .orElseThrow()));
        clickOn("#signInButton");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#passwordField").tryQuery().isPresent()));
        assertEquals(
                "water.three", lookup("#usernameField").queryAs(TextField.class).getText());
        interact(() -> lookup("#passwordField").queryAs(PasswordField.class).setText("wrong-password"));
        clickOn("#signInButton");
        Label error = lookup("#signInError").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> onFx(() -> error.getText().contains("不正确")));
        interact(() -> lookup("#passwordField").queryAs(PasswordField.class).setText("water-three-1"));
        clickOn("#signInButton");
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#statusBar").tryQuery().isPresent()
                        && lookup("#syncStatus")
                                .tryQuery()
                                .map(n -> ((Label) n).getText().startsWith("上次同步"))
                                .orElse(false)));
        assertTrue(((HBox) lookup("#statusBar").query())
                .getChildren().stream()
                        .anyMatch(c -> c instanceof Label l && l.getText().contains("钱水利")));
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> onFx(() -> !table().getItems().isEmpty()));
        assertTrue(
                table().getItems().stream().allMatch(t -> t.itemCode().equals("drinking_water")),
                "a water clerk's tickets");
    }

    private void addClerk(String username, String name, String password) {
        interact(() -> {
            lookup("#newUsername").queryAs(TextField.class).setText(username);
            lookup("#newDisplayName").queryAs(TextField.class).setText(name);
            @SuppressWarnings("unchecked")
            ComboBox<Role> role = lookup("#newRole").queryAs(ComboBox.class);
            role.setValue(Role.CLERK);
            @SuppressWarnings("unchecked")
            ComboBox<Object> department = lookup("#newDepartment").queryAs(ComboBox.class);
            department.getSelectionModel().select(3); // 水利
            lookup("#newPassword").queryAs(PasswordField.class).setText(password);
        });
        clickOn("#addUserButton");
    }

    private Optional<Node> yes() {
        return lookup("#confirmYes").match(NodeQueryUtils.isVisible()).tryQuery();
    }
}
