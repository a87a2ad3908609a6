package org.reliefdesk.gui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.logic.config.Settings;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first start on a PC asks where the data goes and which central store to use, saves it,
 * and goes on to the sign-in; the settings page changes it for the next start, refusing a bad
 * address beside the form.
 */
class FirstRunGuiTest extends GuiTestBase {

    private Path settingsFile;

    @AfterEach
    void forgetSettings() {
        System.clearProperty("reliefdesk.settings");
    }

    @Test
    void theFirstStartAsksSavesAndGoesOnAndTheSettingsPageChangesTheNextStart() throws Exception {
        settingsFile = dataDir.resolve("config").resolve("settings.properties");
        System.setProperty("reliefdesk.settings", settingsFile.toString());
        AppConfig config = AppConfig.fromArgs(List.of(), Optional.empty());
        assertTrue(config.firstRun(), "no settings and no options: a first start");
        Path data = dataDir.resolve("county-data");
        FxToolkit.registerPrimaryStage();
        app = (WorkbenchApp) FxToolkit.setupApplication(() -> new WorkbenchApp(config));
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#firstRunPage").tryQuery().isPresent()));
        interact(() -> {
            lookup("#dataDirField").queryAs(TextField.class).setText(data.toString());
            lookup("#backupDirField")
                    .queryAs(TextField.class)
                    .setText(data.resolve("backups").toString());
            lookup("#centralOff").queryAs(RadioButton.class).setSelected(true);
        });
        clickOn("#firstRunStart");
        WaitForAsyncUtils.waitFor(
                90,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#signInUserList").tryQuery().isPresent()));
        Settings saved = Settings.load(settingsFile).orElseThrow();
        assertEquals(data, saved.dataDir());
        assertEquals(Settings.OFF, saved.central());
        assertTrue(Files.exists(data.resolve("db").resolve("reliefdesk.mv.db")), "the data went where it was asked");

        signIn("李水清");
        TabPane tabs = lookup("#mainTabs").queryAs(TabPane.class);
        Tab settingsTab = tabs.getTabs().stream()
                .filter(t -> "settingsTab".equals(t.getId()))
                .findFirst()
                .orElseThrow();
        interact(() -> tabs.getSelectionModel().select(settingsTab));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#saveSettings").tryQuery().isPresent()));
        interact(() -> {
            lookup("#centralUrl").queryAs(RadioButton.class).setSelected(true);
            lookup("#centralUrlField").queryAs(TextField.class).setText("10.1.2.3:8787");
        });
        clickOn("#saveSettings");
        assertTrue(
                lookup("#settingsError").queryAs(Label.class).getText().contains("中央库地址"),
                lookup("#settingsError").queryAs(Label.class).getText());
        assertEquals(Settings.OFF, Settings.load(settingsFile).orElseThrow().central(), "nothing saved");
        interact(() -> {
            lookup("#centralUrlField").queryAs(TextField.class).setText("http://10.1.2.3:8787");
            @SuppressWarnings("unchecked")
            Spinner<Integer> minutes = lookup("#syncMinutesField").queryAs(Spinner.class);
            minutes.getValueFactory().setValue(15);
        });
        clickOn("#saveSettings");
        assertTrue(lookup("#settingsMessage").queryAs(Label.class).getText().startsWith("已保存"));
        Settings changed = Settings.load(settingsFile).orElseThrow();
        assertEquals("http://10.1.2.3:8787", changed.central());
        assertEquals(15, changed.syncMinutes());
        // The next start reads them: no first-start page, the county's central store, every 15 minutes.
        AppConfig next = AppConfig.fromArgs(List.of(), Settings.load(settingsFile));
        assertTrue(!next.firstRun());
        assertEquals(AppConfig.Central.Mode.REMOTE, next.central().mode());
        assertEquals(15, next.central().every().toMinutes());
        assertEquals(data, next.dataDir());
    }

    /** A first start in English (--lang en) proposes English for the next starts, not Chinese. */
    @Test
    void aFirstStartInEnglishProposesEnglish() throws Exception {
        settingsFile = dataDir.resolve("config").resolve("settings.properties");
        System.setProperty("reliefdesk.settings", settingsFile.toString());
        AppConfig config = AppConfig.fromArgs(List.of("--lang", "en"), Optional.empty());
        assertTrue(config.firstRun());
        FxToolkit.registerPrimaryStage();
        app = (WorkbenchApp) FxToolkit.setupApplication(() -> new WorkbenchApp(config));
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#firstRunStart").tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                List.of("en"),
                fx(() -> lookup("#languageField").queryAll().stream()
                        .map(n -> ((ChoiceBox<?>) n).getValue())
                        .toList()));
    }

    /**
     * The settings page on an office PC's 1024-pixel screen, in English, at two sizes of text: every
     * label and choice reads whole (it cut "Lock after idle (minut..." and "Demo data (the demo central store built into
     * this ...").
     */
    @Test
    void onAnOfficePcsScreenInEnglishTheSettingsReadWhole() throws Exception {
        language = Locale.ENGLISH;
        startApp(LocalDate.of(2021, 11, 23), 50);
        signIn("李水清");
        onAnOfficeScreen();
        openPage("settingsTab");
        TabPane tabs = lookup("#mainTabs").queryAs(TabPane.class);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#saveSettings").tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
        Node page = fx(() -> tabs.getSelectionModel().getSelectedItem().getContent());
        assertReadsWhole(page);
    }

    /**
     * Typed input is input: letters typed into a number of minutes and the field left by Tab used to
     * end in "Something unexpected went wrong" (the spinner's own parsing threw); a number out of
     * range was silently changed to the nearest allowed. Now the field takes digits only, and Save
     * names the field and its range, saving nothing.
     */
    @Test
    void minutesTypedOutOfRangeAreRefusedByNameAndLettersAreNotTaken() throws Exception {
        settingsFile = dataDir.resolve("config").resolve("settings.properties");
        System.setProperty("reliefdesk.settings", settingsFile.toString());
        startApp(LocalDate.of(2021, 11, 23), 50);
        signIn("李水清");
        openPage("settingsTab");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#saveSettings").tryQuery().isPresent()));
        @SuppressWarnings("unchecked")
        Spinner<Integer> minutes = lookup("#syncMinutesField").queryAs(Spinner.class);
        interact(() -> minutes.getEditor().requestFocus());
        press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        write("abc");
        type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#crashDialog").tryQuery().isEmpty(), "letters in a number of minutes crashed the page");
        assertEquals("5", fx(() -> minutes.getEditor().getText()), "letters are not taken; the number stays");

        interact(() -> minutes.getEditor().requestFocus());
        press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        write("5000");
        type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("5000", fx(() -> minutes.getEditor().getText()), "what was typed stays until it is corrected");
        clickOn("#saveSettings");
        String said = fx(() -> lookup("#settingsError").queryAs(Label.class).getText());
        assertTrue(said.startsWith("同步间隔（分钟）：") && said.matches(".*1 到 1,?440.*"), said);
        assertTrue(Settings.load(settingsFile).isEmpty(), "nothing saved");

        interact(() -> minutes.getEditor().requestFocus());
        press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        write("30");
        clickOn("#saveSettings");
        assertEquals("", fx(() -> lookup("#settingsError").queryAs(Label.class).getText()));
        assertEquals(30, Settings.load(settingsFile).orElseThrow().syncMinutes());
    }
}
