package org.reliefdesk.gui;

import java.util.List;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.sample.DemoCounty;
import org.reliefdesk.model.User;

/**
 * Sign-in on the embedded default: pick one of the demo users (one per role). Password
 * sign-in against the central store replaces this when a central store is configured.
 */
final class SignInView {

    private final VBox root = new VBox(12);

    SignInView(Texts texts, Catalog catalog, List<User> users, Consumer<User> onSignIn) {
        Label title = new Label(texts.msg("signIn.title"));
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        Label hint = new Label(texts.msg("signIn.hint"));
        ListView<User> list = new ListView<>();
        list.setId("signInUserList");
        list.getItems().setAll(users);
        list.setPrefSize(460, 28 * Math.max(users.size(), 3) + 4);
        list.setMaxWidth(460);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(User u, boolean empty) {
                super.updateItem(u, empty);
                setText(empty || u == null ? null : describe(u, texts, catalog));
            }
        });
        Button signIn = new Button(texts.msg("signIn.button"));
        signIn.setId("signInButton");
        signIn.setDefaultButton(true);
        signIn.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        signIn.setOnAction(e -> onSignIn.accept(list.getSelectionModel().getSelectedItem()));
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2
                    && list.getSelectionModel().getSelectedItem() != null) {
                onSignIn.accept(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                onSignIn.accept(list.getSelectionModel().getSelectedItem());
            }
        });
        root.getChildren().addAll(title, hint, list, signIn);
        root.setAlignment(Pos.CENTER);
        root.setPadding(new Insets(24));
    }

    static String describe(User u, Texts texts, Catalog catalog) {
        String where = u.departmentCode() != null ? catalog.departmentName(u.departmentCode(), texts.locale())
                : u.townshipCode() != null ? DemoCounty.placeName(u.townshipCode()) : DemoCounty.placeName(u.countyCode());
        return texts.msg("signIn.userLine", u.displayName(), texts.msg("role." + u.role().name()), where);
    }

    Parent root() {
        return root;
    }
}
