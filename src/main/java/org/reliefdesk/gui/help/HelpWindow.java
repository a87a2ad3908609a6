package org.reliefdesk.gui.help;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.reliefdesk.logic.i18n.Texts;

/** The help window (F1): the user guide on one tab, 关于 on the other; Esc closes it. One at a time. */
public final class HelpWindow {

    private final Stage stage = new Stage();
    private final TabPane tabs = new TabPane();

    public HelpWindow(Window owner, HelpViewModel vm, Texts texts) {
        stage.initOwner(owner);
        stage.setTitle(texts.msg("help.title"));
        VBox guide = new VBox(6);
        guide.setId("helpGuide");
        guide.setPadding(new Insets(12));
        for (HelpViewModel.Block b : vm.guide()) {
            Label l =
                    new Label(b.kind() == HelpViewModel.Block.Kind.ITEM ? texts.msg("help.item", b.text()) : b.text());
            l.setWrapText(true);
            l.setMinHeight(Label.USE_PREF_SIZE);
            switch (b.kind()) {
                case TITLE -> l.setStyle("-fx-font-size: 1.5em; -fx-font-weight: bold;");
                case HEADING -> l.setStyle("-fx-font-size: 1.15em; -fx-font-weight: bold; -fx-padding: 8 0 0 0;");
                case ITEM -> l.setStyle("-fx-padding: 0 0 0 12;");
                case TEXT -> {}
            }
            guide.getChildren().add(l);
        }
        ScrollPane guideScroll = new ScrollPane(guide);
        guideScroll.setFitToWidth(true);
        Tab guideTab = new Tab(texts.msg("help.guide"), guideScroll);
        guideTab.setId("helpGuideTab");

        GridPane about = new GridPane();
        about.setId("helpAbout");
        about.setHgap(12);
        about.setVgap(8);
        about.setPadding(new Insets(16));
        Label backup = value("aboutBackup", "");
        backup.textProperty().bind(vm.lastBackupProperty());
        about.addRow(0, new Label(texts.msg("help.version")), value("aboutVersion", vm.version()));
        about.addRow(1, new Label(texts.msg("help.dataDir")), value("aboutDataDir", vm.dataDir()));
        about.addRow(2, new Label(texts.msg("help.central")), value("aboutCentral", vm.central()));
        about.addRow(3, new Label(texts.msg("help.backup")), backup);
        Tab aboutTab = new Tab(texts.msg("help.about"), about);
        aboutTab.setId("helpAboutTab");

        tabs.setId("helpTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(guideTab, aboutTab);
        Scene scene = new Scene(tabs, 640, 560);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        vm.readLastBackup();
    }

    private static Label value(String id, String text) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        return l;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }
}
