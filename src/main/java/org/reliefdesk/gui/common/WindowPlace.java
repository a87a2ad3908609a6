package org.reliefdesk.gui.common;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where one user left the window: its place and size, and whether it filled the screen, kept in
 * {@code <data dir>/prefs/<user>.window.properties}. Each person sharing a PC finds the window as
 * they left it; a place no screen shows any more (a projector unplugged) is not restored.
 */
public record WindowPlace(double x, double y, double width, double height, boolean maximized) {

    /** Smaller than this a window was not left on purpose (a screen change shrank it). */
    static final double MIN_WIDTH = 640;

    static final double MIN_HEIGHT = 480;

    private static final Logger LOG = LoggerFactory.getLogger(WindowPlace.class);

    /** How much of the window's title bar a screen must show for the place to be used. */
    private static final double VISIBLE = 100;

    /** The place saved in {@code file}, if there is a readable one. */
    static Optional<WindowPlace> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            return Optional.of(new WindowPlace(
                    Double.parseDouble(p.getProperty("x")),
                    Double.parseDouble(p.getProperty("y")),
                    Double.parseDouble(p.getProperty("width")),
                    Double.parseDouble(p.getProperty("height")),
                    Boolean.parseBoolean(p.getProperty("maximized"))));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Window place {} unreadable; the window stays where it is", file, e);
            return Optional.empty();
        }
    }

    void write(Path file) {
        Properties p = new Properties();
        p.setProperty("x", String.valueOf(Math.round(x)));
        p.setProperty("y", String.valueOf(Math.round(y)));
        p.setProperty("width", String.valueOf(Math.round(width)));
        p.setProperty("height", String.valueOf(Math.round(height)));
        p.setProperty("maximized", String.valueOf(maximized));
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(out, "ReliefDesk window place and size");
            }
        } catch (IOException e) {
            LOG.warn("Cannot save the window place to {}", file, e);
        }
    }

    /**
     * Whether this place can be used on {@code screens} (their visual bounds): large enough, no
     * larger than the screen it is on, and its top edge on a screen over at least 100 px.
     */
    boolean fits(List<Rectangle2D> screens) {
        if (width < MIN_WIDTH || height < MIN_HEIGHT) {
            return false;
        }
        Rectangle2D titleBar = new Rectangle2D(x, y, width, 30);
        return screens.stream()
                .anyMatch(s ->
                        overlap(s, titleBar) >= VISIBLE && width <= s.getWidth() + 16 && height <= s.getHeight() + 16);
    }

    private static double overlap(Rectangle2D screen, Rectangle2D bar) {
        double w = Math.min(screen.getMaxX(), bar.getMaxX()) - Math.max(screen.getMinX(), bar.getMinX());
        double h = Math.min(screen.getMaxY(), bar.getMaxY()) - Math.max(screen.getMinY(), bar.getMinY());
        return h > 0 ? Math.max(0, w) : 0;
    }

    /**
     * While {@code page} is shown in a window, puts the window where {@code username} left it and
     * remembers where they leave it; stops when the page leaves the window (切换用户), so the next
     * person's moves are theirs.
     */
    public static void follow(Node page, Path dataDir, String username) {
        Path file = dataDir.resolve("prefs").resolve(username + ".window.properties");
        Follower follower = new Follower(file);
        // the scene outlives this page (the next person's page takes it): nothing is left on it
        ChangeListener<Window> windowSet = (w, a, window) -> follower.start(window);
        page.sceneProperty().addListener((o, was, now) -> {
            follower.stop();
            if (was != null) {
                was.windowProperty().removeListener(windowSet);
            }
            if (now != null) {
                now.windowProperty().addListener(windowSet);
                follower.start(now.getWindow());
            }
        });
    }

    /** Puts a window in place once, then writes where it goes, 400 ms after it stops moving. */
    private static final class Follower {
        private final Path file;
        private final PauseTransition later = new PauseTransition(Duration.millis(400));
        private final InvalidationListener moved = o -> later.playFromStart();
        /** The window is closing: a write still waiting is dropped (its folder may be going away). */
        private final InvalidationListener closing = o -> {
            if (this.stage != null && !this.stage.isShowing()) {
                later.stop();
            }
        };

        private Stage stage;
        private WindowPlace normal; // the last place when not maximized: kept while it fills the screen

        Follower(Path file) {
            this.file = file;
            later.setOnFinished(e -> save());
        }

        void start(Window window) {
            if (!(window instanceof Stage s) || s == stage) {
                return;
            }
            stop();
            stage = s;
            List<Rectangle2D> screens =
                    Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
            read(file).filter(p -> p.fits(screens)).ifPresent(p -> {
                s.setMaximized(false);
                s.setX(p.x());
                s.setY(p.y());
                s.setWidth(p.width());
                s.setHeight(p.height());
                s.setMaximized(p.maximized());
                normal = p;
            });
            for (Observable o : List.of(
                    s.xProperty(), s.yProperty(), s.widthProperty(), s.heightProperty(), s.maximizedProperty())) {
                o.addListener(moved);
            }
            s.showingProperty().addListener(closing);
        }

        void stop() {
            if (stage == null) {
                return;
            }
            if (later.getStatus() == Animation.Status.RUNNING) { // moved just before 切换用户: kept too
                later.stop();
                save();
            }
            for (Observable o : List.of(
                    stage.xProperty(),
                    stage.yProperty(),
                    stage.widthProperty(),
                    stage.heightProperty(),
                    stage.maximizedProperty())) {
                o.removeListener(moved);
            }
            stage.showingProperty().removeListener(closing);
            stage = null;
        }

        private void save() {
            // a closing window writes nothing: the program (or a test) may be removing the folder
            if (stage == null || !stage.isShowing()) {
                return;
            }
            if (!stage.isMaximized()) {
                normal = new WindowPlace(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
            }
            if (normal != null) {
                new WindowPlace(normal.x(), normal.y(), normal.width(), normal.height(), stage.isMaximized())
                        .write(file);
            }
        }
    }
}
