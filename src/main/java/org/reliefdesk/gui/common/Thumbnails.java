package org.reliefdesk.gui.common;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Small pictures of attached files: photos scaled down (loaded in the background, so a page of
 * them never stalls the screen), other files as a tile with their type. Clicking one opens it.
 */
public final class Thumbnails {

    public static final double WIDTH = 112;
    static final double HEIGHT = 84;
    private static final Set<String> PICTURES = Set.of("png", "jpg", "jpeg", "gif", "bmp");

    private Thumbnails() {}

    static boolean isPicture(Path file) {
        return PICTURES.contains(extension(file));
    }

    /** A clickable thumbnail of a chosen file captioned {@code caption}; {@code open} gets the file. */
    public static Button of(Path file, String caption, String tooltip, Consumer<Path> open) {
        Button button = of(file.toUri(), caption, tooltip, () -> open.accept(file));
        button.setUserData(file);
        return button;
    }

    /** A clickable thumbnail of the file at {@code uri} (a stored attachment); a click runs {@code open}. */
    public static Button of(URI uri, String caption, String tooltip, Runnable open) {
        Path file = Path.of(uri);
        Node picture;
        if (isPicture(file) && Files.isRegularFile(file)) {
            ImageView view = new ImageView(new Image(uri.toString(), WIDTH, HEIGHT, true, true, true));
            view.setFitWidth(WIDTH);
            view.setFitHeight(HEIGHT);
            view.setPreserveRatio(true);
            picture = view;
        } else {
            String ext = extension(file);
            Label tile = new Label(ext.isEmpty() ? "?" : ext.toUpperCase(Locale.ROOT));
            tile.getStyleClass().add("file-tile");
            picture = tile;
        }
        StackPane frame = new StackPane(picture);
        frame.setMinSize(WIDTH, HEIGHT);
        frame.setPrefSize(WIDTH, HEIGHT);
        frame.getStyleClass().add("thumbnail-frame");
        Label name = new Label(caption);
        name.setMaxWidth(WIDTH);
        name.getStyleClass().add("thumbnail-caption");
        VBox box = new VBox(2, frame, name);
        box.setAlignment(Pos.CENTER);
        Button button = new Button(null, box);
        button.getStyleClass().add("thumbnail");
        button.setTooltip(new Tooltip(tooltip));
        button.setUserData(file);
        button.setOnAction(e -> open.run());
        return button;
    }

    static String extension(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
