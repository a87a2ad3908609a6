package org.reliefdesk.gui.settings;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;

import org.reliefdesk.logic.config.Settings;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.InvalidFieldException;

/**
 * The settings as a form, for the first start and the settings page: data directory, central
 * store (the embedded demo, none, or the county's address), sync interval, language, backup
 * folder, log detail. {@link #read()} checks them and puts a problem beside its field.
 */
public final class SettingsForm {

    private final GridPane grid = new GridPane();
    private final Texts texts;
    private final TextField dataDir = new TextField();
    private final RadioButton demo;
    private final RadioButton none;
    private final RadioButton county;
    private final TextField url = new TextField();
    private final Spinner<Integer> minutes = WholeNumbers.spinner(1, 1440, 5);
    private final Spinner<Integer> lockMinutes = WholeNumbers.spinner(0, 480, Settings.DEFAULT_LOCK_MINUTES);
    private final ComboBox<Integer> uiScale = new ComboBox<>();
    private final ChoiceBox<String> language = new ChoiceBox<>();
    private final TextField backupDir = new TextField();
    private final ChoiceBox<String> logLevel = new ChoiceBox<>();
    private final Label error = new Label();

    public SettingsForm(Texts texts, Settings current) {
        this.texts = texts;
        ToggleGroup mode = new ToggleGroup();
        demo = new RadioButton(texts.msg("settings.central.demo"));
        none = new RadioButton(texts.msg("settings.central.off"));
        county = new RadioButton(texts.msg("settings.central.url"));
        for (RadioButton r : new RadioButton[] {demo, none, county}) {
            r.setToggleGroup(mode);
        }
        demo.setId("centralDemo");
        none.setId("centralOff");
        county.setId("centralUrl");
        url.setId("centralUrlField");
        url.setPromptText("http://10.1.2.3:8787");
        url.disableProperty().bind(county.selectedProperty().not());
        dataDir.setId("dataDirField");
        backupDir.setId("backupDirField");
        minutes.setId("syncMinutesField");
        lockMinutes.setId("lockMinutesField");
        uiScale.setId("uiScaleField");
        uiScale.getItems().setAll(Settings.UI_SCALES);
        uiScale.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer percent) {
                return percent == null
                        ? ""
                        : percent == 0
                                ? texts.msg("settings.uiScale.system")
                                : texts.msg("settings.uiScale.percent", percent);
            }

            @Override
            public Integer fromString(String text) {
                return null; // chosen from the list, never typed
            }
        });
        language.setId("languageField");
        language.getItems().addAll("zh", "en");
        language.setConverter(named("settings.language."));
        logLevel.setId("logLevelField");
        logLevel.getItems().addAll("ERROR", "WARN", "INFO", "DEBUG");
        logLevel.setConverter(named("settings.logLevel."));
        error.setId("settingsError");
        error.setStyle("-fx-text-fill: #b00020;");
        error.setWrapText(true);

        dataDir.setText(current.dataDir().toString());
        backupDir.setText(current.backupDir().toString());
        minutes.getValueFactory().setValue(current.syncMinutes());
        lockMinutes.getValueFactory().setValue(current.lockMinutes());
        uiScale.setValue(current.uiScale());
        language.setValue(current.language());
        logLevel.setValue(current.logLevel());
        switch (current.central()) {
            case Settings.EMBEDDED -> demo.setSelected(true);
            case Settings.OFF -> none.setSelected(true);
            default -> {
                county.setSelected(true);
                url.setText(current.central());
            }
        }

        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(8));
        int row = 0;
        grid.addRow(row++, label("settings.dataDir"), withChooser(dataDir));
        // one above the other: side by side they cut "Demo data (the demo central store…" at 1024 px
        // in English, and the address field comes right under "the county's central store"
        grid.addRow(row++, label("settings.central"), new VBox(6, demo, none, county));
        grid.addRow(row++, new Label(), url);
        grid.addRow(row++, label("settings.syncMinutes"), minutes);
        grid.addRow(row++, label("settings.language"), language);
        grid.addRow(row++, label("settings.backupDir"), withChooser(backupDir));
        grid.addRow(row++, label("settings.logLevel"), logLevel);
        grid.addRow(row++, label("settings.lockMinutes"), withHint(lockMinutes, "settings.lockMinutesHint"));
        grid.addRow(row++, label("settings.uiScale"), withHint(uiScale, "settings.uiScaleHint"));
        grid.add(error, 1, row);
        GridPane.setHgrow(url, Priority.ALWAYS);
    }

    /** Shows a stored code ("zh", "INFO") by its name in the user's language. */
    private StringConverter<String> named(String keyPrefix) {
        return new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : texts.msg(keyPrefix + code);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        };
    }

    private Label label(String field) {
        Label l = new Label(texts.fieldName(field));
        l.setMinWidth(Region.USE_PREF_SIZE); // never "Lock after idle (minut..."
        return l;
    }

    /** A field with a hint after it, on the field's middle line. */
    private HBox withHint(Node field, String hintKey) {
        HBox box = new HBox(8, field, new Label(texts.msg(hintKey)));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private HBox withChooser(TextField field) {
        Button choose = new Button(texts.msg("settings.choose"));
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            File start = Path.of(field.getText().isBlank() ? System.getProperty("user.home") : field.getText())
                    .toFile();
            if (start.isDirectory()) {
                chooser.setInitialDirectory(start);
            }
            File picked = chooser.showDialog(grid.getScene().getWindow());
            if (picked != null) {
                field.setText(picked.getAbsolutePath());
            }
        });
        field.setPrefColumnCount(36);
        HBox box = new HBox(8, field, choose);
        HBox.setHgrow(field, Priority.ALWAYS);
        return box;
    }

    /** The settings as filled in, checked; a problem is shown beside the form and nothing is returned. */
    public Optional<Settings> read() {
        String central = demo.isSelected()
                ? Settings.EMBEDDED
                : none.isSelected() ? Settings.OFF : url.getText().strip();
        try {
            Settings s = new Settings(
                            typedPath("settings.dataDir", dataDir.getText()),
                            central,
                            minutes.getValue() == null ? 0 : minutes.getValue(),
                            language.getValue(),
                            typedPath("settings.backupDir", backupDir.getText()),
                            logLevel.getValue(),
                            lockMinutes.getValue() == null ? -1 : lockMinutes.getValue(),
                            uiScale.getValue() == null ? 0 : uiScale.getValue())
                    .checked();
            error.setText("");
            return Optional.of(s);
        } catch (InvalidFieldException e) {
            error.setText(texts.describe(e));
            return Optional.empty();
        }
    }

    /** A typed folder as a path; a character the system refuses in one is named with its field (Windows: <>:"|?*). */
    static Path typedPath(String field, String typed) {
        try {
            return Path.of(typed.strip()).toAbsolutePath();
        } catch (InvalidPathException e) {
            // Linux names no index for the one character it refuses (NUL); Windows does for its own
            int at = e.getIndex() >= 0 ? e.getIndex() : e.getInput().indexOf('\0');
            char c = at >= 0 && at < e.getInput().length() ? e.getInput().charAt(at) : '?';
            // an invisible character is named by its code, so the person can find it
            String shown = Character.isISOControl(c) || Character.isWhitespace(c)
                    ? String.format("U+%04X", (int) c)
                    : String.valueOf(c);
            throw new InvalidFieldException(field, "rule.pathChar", shown);
        }
    }

    public GridPane root() {
        return grid;
    }
}
