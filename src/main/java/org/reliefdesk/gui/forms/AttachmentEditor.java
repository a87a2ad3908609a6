package org.reliefdesk.gui.forms;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.reliefdesk.gui.common.Thumbnails;
import org.reliefdesk.logic.FailureWords;
import org.reliefdesk.logic.catalog.FieldDef;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.store.AttachmentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files for an attachment field: chosen with the picker, shown as thumbnails (a click opens
 * the file), each with a button to take it out again. They are copied into the data directory
 * only when the form is saved.
 */
final class AttachmentEditor implements FieldEditor {

    private static final Logger LOG = LoggerFactory.getLogger(AttachmentEditor.class);
    final List<Path> files = new ArrayList<>();
    final FlowPane shown = new FlowPane(6, 6);
    final Label none = new Label();
    final VBox box;

    private final Texts texts;
    private final FileAccess access;
    private final Runnable changed;

    AttachmentEditor(FieldDef field, Texts texts, FileAccess access, Runnable changed) {
        this.texts = texts;
        this.access = access;
        this.changed = changed;
        Button choose = new Button(texts.msg("form.chooseFiles"));
        choose.setId("choose-" + field.code());
        none.setId("filesNote-" + field.code());
        choose.setOnAction(e -> {
            List<Path> chosen = access.picker().pick(choose.getScene().getWindow());
            // a picture field (现场照片) takes pictures only: the others are named and left out
            List<String> refused = new ArrayList<>();
            chosen.stream()
                    .map(Path::toAbsolutePath)
                    .filter(p -> !files.contains(p))
                    .forEach(p -> {
                        if (field.accept() == FieldDef.Accept.IMAGE && !AttachmentStore.isImage(p)) {
                            refused.add(p.getFileName().toString());
                        } else {
                            files.add(p);
                        }
                    });
            if (!chosen.isEmpty()) {
                refresh();
                changed.run();
            }
            if (!refused.isEmpty()) {
                none.setVisible(true);
                none.setText(texts.msg("form.notImage", String.join(texts.msg("text.listSeparator"), refused)));
            }
        });
        shown.setPrefWrapLength(4 * (Thumbnails.WIDTH + 12));
        shown.getStyleClass().add("attachment-list");
        box = new VBox(6, new HBox(8, choose, none), shown);
        refresh();
    }

    private void refresh() {
        none.setText(texts.msg("form.noFiles"));
        none.setVisible(files.isEmpty());
        shown.getChildren().clear();
        for (Path file : files) {
            Button thumb = Thumbnails.of(
                    file,
                    file.getFileName().toString(),
                    texts.msg("attachment.open", file.getFileName().toString()),
                    this::open);
            Button remove = new Button(texts.msg("attachment.remove"));
            remove.getStyleClass().add("thumbnail-remove");
            remove.setOnAction(e -> {
                files.remove(file);
                refresh();
                changed.run();
            });
            VBox cell = new VBox(2, thumb, remove);
            cell.setAlignment(Pos.CENTER);
            shown.getChildren().add(cell);
        }
    }

    private void open(Path file) {
        try {
            access.opener().open(file);
        } catch (IOException | RuntimeException e) {
            none.setVisible(true);
            none.setText(texts.msg(
                    "attachment.openFailed",
                    file.getFileName().toString(),
                    FailureWords.of(texts, LOG, "Opening " + file + " failed", e)));
        }
    }

    @Override
    public Node node() {
        return box;
    }

    @Override
    public Object value() {
        return files.stream().map(p -> (Object) p.toString()).toList();
    }
}
