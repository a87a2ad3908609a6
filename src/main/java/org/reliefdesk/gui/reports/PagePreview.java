package org.reliefdesk.gui.reports;

import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Pagination;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.logic.FailureWords;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.report.PdfPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Made pages to leaf through: one page at a time, drawn off the FX thread when it is shown. */
final class PagePreview {

    /** How large a page is drawn (1 = 72 dpi). */
    static final float ZOOM = 1.3f;

    private static final Logger LOG = LoggerFactory.getLogger(PagePreview.class);

    private PagePreview() {}

    /**
     * The pages of {@code p} (a new Pagination for each print: re-pointing one shown on page 2 or
     * later left a blank page); {@code empty} is shown while there is none.
     */
    static Pagination of(PdfPages p, String id, UiTasks tasks, Texts texts, Supplier<Node> empty) {
        Pagination pages = new Pagination(p == null ? 1 : Math.max(1, p.size()), 0);
        pages.setId(id);
        if (p == null || p.size() == 0) {
            // nothing to leaf through yet: no pager reading "1/1" under the hint (workbench.css), and
            // no stop on Tab, where the focus showed nowhere
            pages.getStyleClass().add("no-pages");
            pages.setFocusTraversable(false);
        }
        pages.setPageFactory(index -> page(p, index, tasks, texts, empty));
        return pages;
    }

    private static Node page(PdfPages p, int index, UiTasks tasks, Texts texts, Supplier<Node> empty) {
        if (p == null || p.size() == 0) {
            return new StackPane(empty.get());
        }
        StackPane paper = new StackPane(new ProgressIndicator());
        paper.setStyle("-fx-background-color: #8a8f94; -fx-padding: 12;");
        tasks.run(
                UiTasks.Lane.JOB,
                progress -> PagePictures.toFx(p.draw(index, ZOOM)),
                picture -> {
                    ImageView view = new ImageView(picture);
                    view.setId("reportPage");
                    view.setPreserveRatio(true);
                    paper.getChildren().setAll(view);
                },
                error -> paper.getChildren()
                        .setAll(new Label(texts.msg(
                                "reports.failed",
                                FailureWords.of(texts, LOG, "Drawing page " + index + " failed", error)))));
        ScrollPane scroll = new ScrollPane(paper);
        scroll.setFitToWidth(true);
        return scroll;
    }
}
