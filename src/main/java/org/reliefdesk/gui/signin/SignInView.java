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
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

import org.reliefdesk.gui.common.Focus;
import org.reliefdesk.gui.common.People;
import org.reliefdesk.gui.common.Rows;
import org.reliefdesk.gui.session.Workspace;
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
        this(texts, centralUrl, remote, null, null, null);
    }

    /**
     * @param username filled in already (a person picked from the list who has a password of their own), or null
     * @param back     back to the list, or null when there is none
     * @param address  the county's store address, to change here (a PC set up with a wrong one cannot
     *                 sign in to reach Settings); null when it is the embedded demo's
     */
    public SignInView(
            Texts texts,
            String centralUrl,
            RemoteSignIn remote,
            String username,
            Runnable back,
            CentralAddress address) {
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
        if (address != null) {
            // the new address in the line under the title; a refusal by the old one is no longer true
            Runnable changed = () -> {
                hint.setText(texts.msg("signIn.centralChanged", address.inUse()));
                error.setText("");
            };
            root.getChildren().add(addressRow(texts, address, changed, username == null ? name : password));
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

    /** The county's central store's sign-in, its address changeable here; {@code username} filled in, or null. */
    public static SignInView county(Workspace workspace, RemoteSignIn remote, String username) {
        return new SignInView(
                workspace.config.texts(),
                workspace.centralUrl(),
                remote,
                username,
                null,
                new CentralAddress(workspace));
    }

    /** A button that opens the address, typed and saved in place; Enter saves, Esc closes it unchanged. */
    private static VBox addressRow(Texts texts, CentralAddress address, Runnable changed, TextField after) {
        Button open = new Button(texts.msg("signIn.changeCentral"));
        open.setId("changeCentralButton");
        TextField url = new TextField();
        url.setId("centralAddressField");
        url.setPrefColumnCount(28);
        url.textProperty().bindBidirectional(address.typedProperty());
        Button save = new Button(texts.msg("signIn.saveCentral"));
        save.setId("saveCentralButton");
        Button cancel = new Button(texts.msg("dialog.cancel"));
        cancel.setId("cancelCentralButton");
        Label problem = new Label();
        problem.setId("centralAddressProblem");
        problem.setStyle("-fx-text-fill: #b00020;");
        problem.setWrapText(true);
        problem.setMaxWidth(460);
        problem.textProperty().bind(address.problemProperty());
        Label label = new Label(texts.msg("signIn.centralAddress"));
        label.setLabelFor(url);
        HBox line = new HBox(8, label, url, save, cancel);
        line.setAlignment(Pos.CENTER);
        VBox editing = new VBox(6, line, problem);
        editing.setAlignment(Pos.CENTER);
        VBox box = new VBox(6, open);
        box.setAlignment(Pos.CENTER);
        Runnable close = () -> {
            box.getChildren().setAll(open);
            Focus.later(open);
        };
        open.setOnAction(e -> {
            address.begin();
            box.getChildren().setAll(editing);
            Focus.later(url);
        });
        Runnable saveIt = () -> address.save(() -> {
            changed.run();
            box.getChildren().setAll(open);
            Focus.later(after);
        });
        save.setOnAction(e -> saveIt.run());
        // Enter in the field saves the address; it is not the sign-in button's (the default one)
        url.setOnAction(e -> {
            e.consume();
            saveIt.run();
        });
        cancel.setOnAction(e -> close.run());
        editing.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                close.run();
            }
        });
        return box;
    }

    public Parent root() {
        return root;
    }
}
