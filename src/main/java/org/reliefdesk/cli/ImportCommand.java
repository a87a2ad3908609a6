package org.reliefdesk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.reliefdesk.logic.ErrorIds;
import org.reliefdesk.logic.FailureWords;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.interchange.LineRejectedException;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.store.ImportReport;
import org.reliefdesk.store.LocalStore;
import org.reliefdesk.store.TicketImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Imports an interchange file into the local store and prints what it did. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import tickets from an interchange file (JSON Lines) into the local store.",
            "Valid lines are imported, tickets already present are skipped, malformed lines are "
                    + "reported with line number and field and left out; the rest still goes in.",
            "Exit code: 0 when no line was rejected, 1 when some were, 2 when the file cannot be read."
        })
public final class ImportCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ImportCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "The JSON Lines file.")
    Path file;

    @picocli.CommandLine.Mixin
    CommonOptions options = new CommonOptions();

    /** Tests pin "today" (the latest plausible birth date); the shell uses the system clock. */
    Clock clock = Clock.system(ChinaTime.ZONE);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Texts texts = options.texts();
        if (!Files.isReadable(file)) {
            err.println(texts.msg("import.fileUnreadable", file));
            return 2;
        }
        Catalog catalog = CatalogLoader.loadBuiltIn();
        Path dir = options.dataDirectory();
        try (LocalStore store = LocalStore.open(dir, LocalStore.AtClose.QUICK);
                BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            TicketImporter importer = new TicketImporter(store, new TicketLineCodec(catalog), LocalDate.now(clock));
            ImportReport report = importer.importLines(in, lines -> {});
            for (LineRejectedException r : report.rejected()) {
                err.println(texts.msg(
                        "import.lineRejected",
                        r.lineNumber(),
                        texts.fieldName(r.problem().field()),
                        r.problem().field(),
                        texts.ruleText(r.problem())));
            }
            out.println(texts.msg(
                    "import.summary",
                    report.imported(),
                    report.skipped(),
                    report.rejected().size()));
            return report.rejected().isEmpty() ? 0 : 1;
        } catch (CharacterCodingException e) {
            LOG.warn(ErrorIds.TOLD, "{} is not UTF-8", file, e);
            err.println(texts.msg("import.notUtf8", file));
            return 2;
        } catch (IOException e) {
            err.println(texts.msg("import.failed", FailureWords.of(texts, LOG, "Import of " + file + " failed", e)));
            return 2;
        }
    }
}
