package org.reliefdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.store.LocalBackups;
import org.reliefdesk.store.LocalStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Backups of a PC's local data: make one, list them, restore one. */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = {
            "Back up the local database and attachments, list backups, or restore one.",
            "The workbench also makes one at every start and every 24 hours (the newest 14 are kept)."
        },
        subcommands = {BackupCommand.Create.class, BackupCommand.ListBackups.class, BackupCommand.Restore.class})
public final class BackupCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    CommonOptions options = new CommonOptions();

    @Option(
            names = "--folder",
            paramLabel = "DIR",
            scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Backup folder (default: <data dir>/backups).")
    Path folder;

    Clock clock = Clock.system(ChinaTime.ZONE);

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    Path folderPath() {
        return folder != null ? folder : LocalBackups.defaultFolder(options.dataDirectory());
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Make a backup now.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--keep", paramLabel = "N", description = "How many backups to keep (default 14).")
        int keep = LocalBackups.DEFAULT_KEEP;

        @Override
        public Integer call() throws IOException {
            BackupCommand b = (BackupCommand) spec.parent().userObject();
            Texts texts = b.options.texts();
            if (LocalBackups.inUse(b.options.dataDirectory())) {
                spec.commandLine().getErr().println(texts.msg("backup.inUse", b.options.dataDirectory()));
                return 2;
            }
            try (LocalStore store = LocalStore.open(b.options.dataDirectory())) {
                Path made = LocalBackups.backup(store, b.folderPath(), keep, b.clock);
                spec.commandLine()
                        .getOut()
                        .println(texts.msg(
                                "backup.created", made, store.tickets().count()));
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the backups, newest first.")
    static final class ListBackups implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            BackupCommand b = (BackupCommand) spec.parent().userObject();
            Texts texts = b.options.texts();
            List<Path> all = LocalBackups.list(b.folderPath());
            if (all.isEmpty()) {
                spec.commandLine().getOut().println(texts.msg("backup.none", b.folderPath()));
            }
            for (Path p : all) {
                spec.commandLine().getOut().println(texts.msg("backup.row", p, Files.size(p) / 1024));
            }
            return 0;
        }
    }

    @Command(
            name = "restore",
            mixinStandardHelpOptions = true,
            description = {
                "Restore a backup into the data directory (close the workbench first).",
                "The database it replaces is kept beside it as db.before-restore-<time>."
            })
    static final class Restore implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--file", required = true, paramLabel = "FILE", description = "The backup (.zip).")
        Path file;

        @Override
        public Integer call() throws IOException {
            BackupCommand b = (BackupCommand) spec.parent().userObject();
            Texts texts = b.options.texts();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path dir = b.options.dataDirectory();
            if (!Files.isRegularFile(file)) {
                err.println(texts.msg("import.fileUnreadable", file));
                return 2;
            }
            if (LocalBackups.inUse(dir)) {
                err.println(texts.msg("backup.inUse", dir));
                return 2;
            }
            Optional<Path> kept = LocalBackups.restore(file, dir, b.clock);
            try (LocalStore store = LocalStore.open(dir)) {
                long attachments;
                try (var files = Files.list(dir.resolve("attachments"))) {
                    attachments = files.count();
                }
                out.println(texts.msg(
                        "backup.restored",
                        file,
                        store.tickets().count(),
                        store.tickets().eventCount(),
                        attachments));
                kept.ifPresent(k -> out.println(texts.msg("backup.keptAside", k)));
                long pending = store.outbox().pendingCount();
                if (pending > 0) {
                    // Pushing them again is safe: the central store answers those it already applied
                    // from its audit log and applies only the others.
                    out.println(texts.msg("backup.pending", pending));
                }
            }
            return 0;
        }
    }
}
