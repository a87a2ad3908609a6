package org.reliefdesk.gui.signin;

import java.io.IOException;
import java.nio.file.Path;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.gui.settings.SettingsViewModel;
import org.reliefdesk.logic.FailureWords;
import org.reliefdesk.logic.config.Settings;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The county's central store address, changed on the sign-in screen: Settings is reached only
 * after signing in, and a PC set up with a wrong address (or a county whose store moved) cannot
 * sign in. The address typed is checked by the settings' own rule (a web address, not the demo
 * or "off": those are chosen in Settings), saved to the settings file with everything else it
 * holds, and only then used. A PC's cursor is a number of one store: pointed at another, its
 * next pull starts from the beginning by itself (docs/sync-protocol.md, "Which store").
 */
public final class CentralAddress {

    private static final Logger LOG = LoggerFactory.getLogger(CentralAddress.class);

    private final Workspace workspace;
    private final Path file;
    private final StringProperty typed = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public CentralAddress(Workspace workspace) {
        this(workspace, Settings.file());
    }

    CentralAddress(Workspace workspace, Path file) {
        this.workspace = workspace;
        this.file = file;
        typed.set(workspace.centralUrl());
    }

    /** A new edit: the address in use, no problem said. */
    public void begin() {
        typed.set(workspace.centralUrl());
        problem.set("");
    }

    /** Checks what was typed, saves it off the FX thread, then uses it and runs {@code saved}; else says why. */
    public void save(Runnable saved) {
        Texts texts = workspace.config.texts();
        String url = typed.get() == null ? "" : typed.get().strip();
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            problem.set(texts.describe(new InvalidFieldException("settings.central", "rule.settings.url")));
            return;
        }
        problem.set("");
        workspace.tasks.run(
                UiTasks.Lane.STORE,
                p -> {
                    // the file is read and written off the FX thread
                    current().withCentral(url).checked().save(file);
                    return url;
                },
                done -> {
                    LOG.info("Central store address changed on the sign-in screen to {}", done);
                    workspace.useCentral(done);
                    saved.run();
                },
                e -> problem.set(
                        e instanceof InvalidFieldException invalid
                                ? texts.describe(invalid)
                                : texts.msg(
                                        "settings.saveFailed",
                                        FailureWords.of(texts, LOG, "Saving " + file + " failed", e))));
    }

    /** The settings saved (their other values stay as they were), or what this start runs with. */
    private Settings current() {
        try {
            return Settings.load(file).orElseGet(() -> SettingsViewModel.fromConfig(workspace.config));
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "Settings in {} not read ({}): the address is saved with what this start runs with",
                    file,
                    e.toString());
            return SettingsViewModel.fromConfig(workspace.config);
        }
    }

    /** The address as typed. */
    public StringProperty typedProperty() {
        return typed;
    }

    /** Why the address was not taken, in the user's language; empty when it was (or nothing was tried). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The address in use now. */
    public String inUse() {
        return workspace.centralUrl();
    }
}
