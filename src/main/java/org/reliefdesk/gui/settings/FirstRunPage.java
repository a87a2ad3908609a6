package org.reliefdesk.gui.settings;

import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.reliefdesk.logic.config.Settings;
import org.reliefdesk.logic.i18n.Texts;

/** The first start on a PC: where the data goes and which central store, then on as usual. */
public final class FirstRunPage {

    private FirstRunPage() {}

    /** The page; {@code start} gets the settings once they are complete (the form names what is not). */
    public static Parent of(Texts texts, Consumer<Settings> start) {
        SettingsForm form =
                new SettingsForm(texts, Settings.defaults(texts.locale().getLanguage()));
        Label title = new Label(texts.msg("firstRun.title"));
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        Label intro = new Label(texts.msg("firstRun.intro"));
        intro.setWrapText(true);
        Button go = new Button(texts.msg("firstRun.start"));
        go.setId("firstRunStart");
        go.setDefaultButton(true);
        go.setOnAction(e -> form.read().ifPresent(start));
        VBox box = new VBox(14, title, intro, form.root(), go);
        box.setId("firstRunPage");
        box.setPadding(new Insets(40));
        box.setMaxWidth(900);
        return new StackPane(box);
    }
}
