package org.reliefdesk.gui.reports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.stage.Window;

import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import org.reliefdesk.logic.FailureWords;
import org.reliefdesk.logic.clock.TicketClock;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.report.PdfPages;
import org.reliefdesk.report.TicketSheetPdf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 工单办理单 of one or more tickets: made off the FX thread from their stored histories and
 * the clocks shown, then looked through, printed or saved as PDF.
 */
public final class TicketSheetViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(TicketSheetViewModel.class);

    private final WorkbenchViewModel vm;
    private final Texts texts;
    private final List<Ticket> tickets;
    private final ObjectProperty<PdfPages> pages = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");

    public TicketSheetViewModel(WorkbenchViewModel vm, List<Ticket> tickets) {
        this.vm = vm;
        this.texts = vm.config().texts();
        this.tickets = List.copyOf(tickets);
    }

    /** Makes the sheets: the clocks and the names of the people as shown now, the histories as stored. */
    public void make() {
        List<TicketClock> clocks = tickets.stream().map(vm::clock).toList();
        Function<String, String> names = vm.actorNames();
        String printedBy = vm.user().displayName();
        busy.set(true);
        message.set(texts.msg("sheet.making"));
        vm.tasks()
                .run(
                        UiTasks.Lane.JOB,
                        progress -> {
                            List<TicketSheetPdf.Sheet> sheets = new ArrayList<>();
                            for (int i = 0; i < tickets.size(); i++) {
                                Ticket t = tickets.get(i);
                                sheets.add(new TicketSheetPdf.Sheet(
                                        new TicketHistory(
                                                t, vm.store().tickets().events(t.id())),
                                        clocks.get(i)));
                            }
                            return PdfPages.of(TicketSheetPdf.fill(
                                    sheets,
                                    vm.catalog(),
                                    texts,
                                    names,
                                    printedBy,
                                    vm.config().clock().instant()));
                        },
                        made -> {
                            busy.set(false);
                            pages.set(made);
                            message.set(texts.msg("sheet.made", tickets.size(), made.size()));
                        },
                        error -> {
                            busy.set(false);
                            failed("Making the handling sheets failed", error);
                        });
    }

    /** Asks where, then writes the PDF whole or not at all (off the FX thread). */
    void save(Window owner) {
        PdfPages p = pages.get();
        if (p == null) {
            return;
        }
        Optional<Path> chosen = vm.config().fileSaver().save(owner, suggestedName(), "pdf");
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get();
        busy.set(true);
        vm.tasks()
                .run(
                        UiTasks.Lane.JOB,
                        progress -> {
                            p.save(file);
                            return file;
                        },
                        saved -> {
                            busy.set(false);
                            message.set(texts.msg("reports.saved", saved));
                        },
                        error -> {
                            busy.set(false);
                            message.set(texts.msg(
                                    "reports.saveFailed",
                                    file,
                                    FailureWords.of(texts, LOG, "Saving " + file + " failed", error, file)));
                        });
    }

    private void failed(String what, Throwable error) {
        if (error instanceof InvalidFieldException refused) {
            message.set(texts.describe(refused));
        } else {
            message.set(texts.msg("reports.failed", FailureWords.of(texts, LOG, what, error)));
        }
    }

    /** Asks for the paper, the printer and the pages, then prints the sheets as saved (off the FX thread). */
    void print(Window owner) {
        PdfPages p = pages.get();
        if (p != null) {
            PrintPages.print(p, owner, texts, vm.tasks(), message::set);
        }
    }

    /** Where the sheets' pages are drawn, off the FX thread. */
    UiTasks tasks() {
        return vm.tasks();
    }

    /** 工单办理单-530128202107270001.pdf, or 工单办理单-…等3件.pdf. */
    String suggestedName() {
        return TicketSheetPdf.fileName(tickets.stream().map(Ticket::ticketNo).toList(), texts);
    }

    /** The window's title: the ticket's number, or the first and how many. */
    String title() {
        return tickets.size() == 1
                ? texts.msg("sheet.window", tickets.get(0).ticketNo())
                : texts.msg("sheet.windowMany", tickets.get(0).ticketNo(), tickets.size());
    }

    /** The made sheets as they are saved and printed. */
    ObjectProperty<PdfPages> pagesProperty() {
        return pages;
    }

    BooleanProperty busyProperty() {
        return busy;
    }

    StringProperty messageProperty() {
        return message;
    }

    Texts texts() {
        return texts;
    }
}
