package org.reliefdesk.cli;

import java.nio.file.Path;

import org.reliefdesk.logic.config.DataDirectory;
import org.reliefdesk.logic.i18n.Texts;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --data-dir} and {@code --lang}, the same on every command that works on a data directory
 * (a picocli mixin). Inherited by subcommands, so {@code backup restore --data-dir D} and
 * {@code backup --data-dir D restore} mean the same.
 */
final class CommonOptions {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            scope = ScopeType.INHERIT,
            description = "Data directory (default: the per-user application data folder).")
    String dataDir;

    @Option(
            names = "--lang",
            paramLabel = "LANG",
            scope = ScopeType.INHERIT,
            description = "Language of messages: zh (default) or en.")
    String lang = "zh";

    Path dataDirectory() {
        return DataDirectory.resolve(dataDir);
    }

    Texts texts() {
        return Texts.forLanguage(lang);
    }
}
