package org.reliefdesk.gui.tickets;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.stage.Window;

import org.reliefdesk.gui.common.Formats;
import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.logic.FailureWords;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.report.ReportMaker;
import org.reliefdesk.report.TableWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A queue as a workbook: the rows shown with the cells given, in the order shown (numbers as
 * numbers, times as Excel dates); written off the FX thread (a county-wide table has 100,000
 * rows), said in the status line.
 */
final class TicketExport {

    private static final Logger LOG = LoggerFactory.getLogger(TicketExport.class);

    private final AppConfig config;
    private final UiTasks tasks;
    private final Consumer<String> said;
    private final Consumer<String> failed;

    TicketExport(AppConfig config, UiTasks tasks, Consumer<String> said, Consumer<String> failed) {
        this.config = config;
        this.tasks = tasks;
        this.said = said;
        this.failed = failed;
    }

    /**
     * The name suggested for the workbook: the queue's name and the day, such as
     * {@code 环节超期-2021-11-23.xlsx}; a character Windows does not allow in a file name becomes a hyphen.
     */
    static String fileName(String queueName, LocalDate today) {
        return queueName.strip().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "-") + "-" + today + ".xlsx";
    }

    void export(
            Window owner,
            String queueName,
            LocalDate today,
            List<String> headers,
            List<Function<Ticket, Object>> cells,
            List<Ticket> shown) {
        Texts texts = config.texts();
        Optional<Path> file = config.fileSaver().save(owner, fileName(queueName, today), "xlsx");
        if (file.isEmpty()) {
            return;
        }
        String title = texts.msg("report.export.title", queueName);
        String subtitle = texts.msg(
                "report.export.subtitle", Formats.dateTime(config.clock().instant()), shown.size());
        tasks.run(
                UiTasks.Lane.JOB,
                p -> {
                    List<List<Object>> rows = new ArrayList<>(shown.size());
                    for (Ticket t : shown) {
                        List<Object> row = new ArrayList<>(cells.size());
                        cells.forEach(c -> row.add(Formats.exportValue(c.apply(t))));
                        rows.add(row);
                    }
                    ReportMaker.atomically(
                            file.get(),
                            out -> TableWorkbook.write(texts.msg("tab.tickets"), title, subtitle, headers, rows, out));
                    return shown.size();
                },
                n -> said.accept(texts.msg("workbench.exported", n, file.get())),
                e -> failed.accept(texts.msg(
                        "workbench.exportFailed",
                        file.get(),
                        FailureWords.of(texts, LOG, "Exporting to " + file.get() + " failed", e, file.get()))));
    }
}
