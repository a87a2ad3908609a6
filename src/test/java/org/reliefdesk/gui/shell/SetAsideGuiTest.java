package org.reliefdesk.gui.shell;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.reliefdesk.central.CentralServer;
import org.reliefdesk.central.CentralStore;
import org.reliefdesk.gui.admin.AdminViewModel;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.store.SetAside;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A county's central store holds one ticket no PC can store (an applicant name of 300
 * characters, taken by an older version): the administrator's PC completes its pull, and the
 * administrator's page lists that ticket with its reason in words.
 */
class SetAsideGuiTest extends GuiTestBase {

    private static final String PASSWORD = "password-1";

    @Test
    void theAdministratorSeesATicketThePullSetAsideWithItsReason() throws Exception {
        Clock clock = Clock.system(ChinaTime.ZONE);
        RealCentral real = realCentral(DemoUsers.ADMIN, PASSWORD, 120);
        CentralStore central = real.store();
        List<String> lines = real.lines();
        // past every door, as an older central store could have taken it
        ObjectMapper json = new ObjectMapper();
        ObjectNode bad = (ObjectNode) json.readTree(lines.get(0));
        ((ObjectNode) bad.get("applicant")).put("name", "名".repeat(300));
        bad.put("id", "7c0ffee0-0000-4000-8000-000000000001");
        String number = bad.get("ticketNo").asText().substring(0, 14) + "9990";
        bad.put("ticketNo", number);
        for (var e : bad.get("events")) {
            ((ObjectNode) e).put("id", UUID.randomUUID().toString());
        }
        try (Connection c = central.database().dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO central_ticket (id, ticket_no, item_code,"
                    + " county_code, township_code, last_seq, change_no, changed_at, body) VALUES (?, ?, ?, ?, ?, ?,"
                    + " (SELECT last_change + 1 FROM change_counter WHERE id = 1), CURRENT_TIMESTAMP, ?)")) {
                ps.setObject(1, UUID.fromString(bad.get("id").asText()));
                ps.setString(2, number);
                ps.setString(3, bad.get("item").asText());
                ps.setString(4, bad.get("countyCode").asText());
                ps.setString(5, bad.get("townshipCode").asText());
                ps.setInt(6, bad.get("events").size());
                ps.setBytes(7, json.writeValueAsBytes(bad)); // lines are kept as UTF-8
                ps.executeUpdate();
            }
            c.createStatement().executeUpdate("UPDATE change_counter SET last_change = last_change + 1 WHERE id = 1");
            c.commit();
        }
        CentralServer server = CentralServer.start(central, "127.0.0.1", 0);
        AppConfig config = new AppConfig(
                        dataDir.resolve("pc"), new Texts(Texts.CHINESE), clock, 300, AppConfig.SYSTEM_PICKER)
                .withCentral(AppConfig.Central.remote(server.url()));
        try {
            FxToolkit.registerPrimaryStage();
            app = (WorkbenchApp) FxToolkit.setupApplication(() -> new WorkbenchApp(config));
            WaitForAsyncUtils.waitFor(
                    60,
                    TimeUnit.SECONDS,
                    () -> onFx(() -> lookup("#usernameField").tryQuery().isPresent()));
            interact(() -> {
                lookup("#usernameField").queryAs(TextField.class).setText(DemoUsers.ADMIN.username());
                lookup("#passwordField").queryAs(PasswordField.class).setText(PASSWORD);
            });
            clickOn("#signInButton");
            // the pull went on past the bad ticket: the county's other tickets are all here
            WaitForAsyncUtils.waitFor(
                    60,
                    TimeUnit.SECONDS,
                    () -> app.workspace() != null
                            && app.workspace().store.setAside().count() == 1
                            && app.workspace().store.tickets().count() == real.added());
            WaitForAsyncUtils.waitFor(
                    30,
                    TimeUnit.SECONDS,
                    () -> onFx(() -> lookup("#mainTabs").tryQuery().isPresent()));
            // read on the FX thread: the workbench may still be filling its scene after the sync
            TabPane tabs = fx(() -> lookup("#mainTabs").queryAs(TabPane.class));
            interact(() -> tabs.getSelectionModel()
                    .select(tabs.getTabs().stream()
                            .filter(t -> "adminTab".equals(t.getId()))
                            .findFirst()
                            .orElseThrow()));
            @SuppressWarnings("unchecked")
            TableView<AdminViewModel.AsideRow> aside =
                    fx(() -> lookup("#setAsideTable").queryAs(TableView.class));
            WaitForAsyncUtils.waitFor(
                    20, TimeUnit.SECONDS, () -> onFx(() -> aside.getItems().size() == 1));
            AdminViewModel.AsideRow row = aside.getItems().get(0);
            assertEquals(number, row.ticketNo());
            SetAside.Entry e = app.workspace().store.setAside().list().get(0);
            assertEquals("rule.bounds.length", e.why().rule());
            Texts zh = new Texts(Texts.CHINESE);
            assertTrue(row.why().contains("最多 100 个字符"), row.why());
            assertEquals(zh.describe(e.why()), row.why());
            interact(() -> ((ScrollPane) lookup("#adminPage").query()).setVvalue(1));
        } finally {
            FxToolkit.cleanupApplication(app);
            app = null;
            server.close();
            central.close();
        }
    }
}
