package org.reliefdesk.gui.signin;

import java.util.List;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

import org.reliefdesk.gui.common.Focus;
import org.reliefdesk.gui.common.People;
import org.reliefdesk.gui.common.Rows;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.PlaceDirectory;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.User;

/**
 * Sign-in. On the embedded demo (and with no sync): pick one of the demo users, one per role
 * (the demo central store's password is the same for all, given by the app); a person the
 * administrator added on the demo store gives their own password. With the county's central
 * store: sign-in name and password, checked by the central store.
 */
public final class SignInView {

    private final VBox root = new VBox(12);

    /** Checks a name and password with the central store; says why not through {@code onError}. */
    public interface RemoteSignIn {
        void signIn(String username, char[] password, Consumer<String> onError);
    }

    /** Name and password, for a workbench that syncs with the county's central store. */
    public SignInView(Texts texts, String centralUrl, RemoteSignIn remote) {
        this(texts, centralUrl, remote, null, null);
    }

    /**
     * @param username filled in already (a person picked from the list who has a password of their own), or null
     * @param back     back to the list, or null when there is none
     */
    public SignInView(Texts texts, String centralUrl, RemoteSignIn remote, String username, Runnable back) {
        Label title = new Label(texts.msg("signIn.remoteTitle"));
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        Label hint = new Label(texts.msg("signIn.remoteHint", centralUrl));
        TextField name = new TextField();
        name.setId("usernameField");
        name.setPromptText(texts.msg("signIn.username"));
        name.setPrefColumnCount(22);
        if (username != null) {
            name.setText(username);
        }
        PasswordField password = new PasswordField();
        password.setId("passwordField");
        password.setPromptText(texts.msg("signIn.password"));
        password.setPrefColumnCount(22);
        Label error = new Label();
        error.setId("signInError");
        error.setStyle("-fx-text-fill: #b00020;");
        error.setWrapText(true);
        error.setMaxWidth(460);
        error.setTextAlignment(TextAlignment.CENTER);
        Button signIn = new Button(texts.msg("signIn.button"));
        signIn.setId("signInButton");
        signIn.setDefaultButton(true);
        signIn.disableProperty()
                .bind(name.textProperty().isEmpty().or(password.textProperty().isEmpty()));
        signIn.setOnAction(e -> {
            error.setText(texts.msg("signIn.checking"));
            signIn.disableProperty().unbind();
            signIn.setDisable(true);
            remote.signIn(name.getText().strip(), password.getText().toCharArray(), why -> {
                error.setText(why);
                signIn.disableProperty()
                        .bind(name.textProperty()
                                .isEmpty()
                                .or(password.textProperty().isEmpty()));
            });
        });
        // Labels beside the fields: a prompt inside a field is gone once the cursor is in it.
        GridPane fields = new GridPane();
        fields.setHgap(10);
        fields.setVgap(10);
        // Labels of their own: a field's name in a rule's message is lower case in English ("sign-in name")
        fields.addRow(0, new Label(texts.msg("signIn.username")), name);
        fields.addRow(1, new Label(texts.msg("signIn.password")), password);
        fields.setAlignment(Pos.CENTER);
        root.getChildren().addAll(title, hint, fields, signIn, error);
        if (back != null) {
            Button toList = new Button(texts.msg("signIn.backToList"));
            toList.setId("backToListButton");
            toList.setCancelButton(true);
            toList.setOnAction(e -> back.run());
            root.getChildren().add(toList);
        }
        if (username != null) {
            Focus.later(password);
        }
        root.setAlignment(Pos.CENTER);
        root.setPadding(new Insets(24));
    }

    /** @param hintKey what the line under the title says (the embedded demo says where the data comes from) */
    public SignInView(
            Texts texts,
            Catalog catalog,
            PlaceDirectory places,
            List<User> users,
            Consumer<User> onSignIn,
            String hintKey,
            String lastUsername) {
        Label title = new Label(texts.msg("signIn.title"));
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        Label hint = new Label(texts.msg(hintKey));
        ListView<User> list = new ListView<>();
        Rows.chosenOnEntry(list);
        list.setId("signInUserList");
        list.getItems().setAll(users);
        // Wide enough for the longest English line ("… (human resources & social security)").
        list.setPrefSize(560, 28 * Math.max(users.size(), 3) + 4);
        list.setMaxWidth(560);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(User u, boolean empty) {
                super.updateItem(u, empty);
                setText(empty || u == null ? null : People.describe(u, texts, catalog, places));
            }
        });
        Button signIn = new Button(texts.msg("signIn.button"));
        signIn.setId("signInButton");
        signIn.setDefaultButton(true);
        signIn.disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        signIn.setOnAction(e -> onSignIn.accept(list.getSelectionModel().getSelectedItem()));
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY
                    && e.getClickCount() == 2
                    && list.getSelectionModel().getSelectedItem() != null) {
                onSignIn.accept(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                onSignIn.accept(list.getSelectionModel().getSelectedItem());
            }
        });
        // The person who signed in last here is chosen already: Enter signs them in again.
        users.stream()
                .filter(u -> u.username().equals(lastUsername))
                .findFirst()
                .ifPresentOrElse(
                        list.getSelectionModel()::select,
                        () -> list.getSelectionModel().clearSelection());
        list.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                list.requestFocus();
            }
        });
        root.getChildren().addAll(title, hint, list, signIn);
        root.setAlignment(Pos.CENTER);
        root.setPadding(new Insets(24));
    }

    public Parent root() {
        return root;
    }
}
