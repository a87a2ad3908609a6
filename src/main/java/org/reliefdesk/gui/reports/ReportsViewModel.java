package org.reliefdesk.gui.reports;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.stage.Window;

import net.sf.jasperreports.engine.JasperPrint;
import org.reliefdesk.gui.common.UiTasks;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import org.reliefdesk.logic.FailureWords;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.report.OverdueReport;
import org.reliefdesk.logic.report.ReportScope;
import org.reliefdesk.logic.users.Capabilities;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Place;
import org.reliefdesk.model.User;
import org.reliefdesk.report.OverduePdf;
import org.reliefdesk.report.PdfPages;
import org.reliefdesk.report.ReportMaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reports page's state: which scope and date, which printed report, the report made last
 * (data and pages), progress, and what to tell the user. Making and saving run off the FX thread.
 */
public final class ReportsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ReportsViewModel.class);

    private final WorkbenchViewModel vm;
    private final Texts texts;
    private final UiTasks tasks;
    private final ObservableList<ScopeChoice> scopes = FXCollections.observableArrayList();
    private final ObjectProperty<ScopeChoice> scope = new SimpleObjectProperty<>();
    private final AsOfDate asOf;
    private final ObjectProperty<OverduePdf.Kind> kind = new SimpleObjectProperty<>(OverduePdf.Kind.NOTICES);
    private final ObjectProperty<OverdueReport> report = new SimpleObjectProperty<>();
    private final ObjectProperty<PdfPages> pages = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private UiTasks.Running running;
    private final NoticeDesk notices;

    public ReportsViewModel(WorkbenchViewModel vm) {
        this.vm = vm;
        this.texts = vm.config().texts();
        this.tasks = vm.tasks();
        this.notices = new NoticeDesk(vm, this::townships, message);
        this.asOf = new AsOfDate(texts, vm.today());
    }

    /** A scope the user may choose, with its label. */
    record ScopeChoice(String label, String departmentCode, String townshipCode) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** The scopes this user may report on: a leader or administrator any; a clerk their department; township staff their township. */
    List<ScopeChoice> scopes(List<Place> townships) {
        User u = vm.user();
        List<ScopeChoice> out = new ArrayList<>();
        Capabilities can = Capabilities.of(u);
        if (can.byDepartment()) {
            out.add(new ScopeChoice(
                    vm.catalog().departmentName(u.departmentCode(), texts.locale()), u.departmentCode(), null));
            return out;
        }
        if (can.byTownship()) {
            townships.stream()
                    .filter(t -> t.code().equals(u.townshipCode()))
                    .findFirst()
                    .ifPresent(t -> out.add(new ScopeChoice(t.name(), null, t.code())));
            return out;
        }
        out.add(new ScopeChoice(texts.msg("reports.wholeCounty"), null, null));
        vm.catalog()
                .departments()
                .forEach(d -> out.add(new ScopeChoice(
                        texts.msg("reports.department", vm.catalog().departmentName(d.code(), texts.locale())),
                        d.code(),
                        null)));
        townships.forEach(t -> out.add(new ScopeChoice(texts.msg("reports.township", t.name()), null, t.code())));
        return out;
    }

    /** The townships of the county: the place directory's and those of stored tickets. */
    List<Place> townships() {
        Map<String, Place> all = new LinkedHashMap<>();
        vm.workspace().places().townships(vm.user().countyCode()).forEach(t -> all.put(t.code(), t));
        vm.store().tickets().townshipsOf(vm.user().countyCode()).forEach(t -> all.putIfAbsent(t.code(), t));
        return List.copyOf(all.values());
    }

    /** Reads the scopes this user may choose (off the FX thread) and chooses the first. */
    void loadScopes() {
        tasks.run(
                UiTasks.Lane.STORE,
                p -> townships(),
                townships -> {
                    scopes.setAll(scopes(townships));
                    if (!scopes.isEmpty()) {
                        scope.set(scopes.get(0));
                    }
                },
                e -> message.set(
                        texts.msg("reports.failed", FailureWords.of(texts, LOG, "Reading the townships failed", e))));
    }

    ObservableList<ScopeChoice> scopes() {
        return scopes;
    }

    /** Makes the report and its pages off the FX thread, with progress; {@link #cancel()} stops it. */
    void make() {
        ScopeChoice chosen = scope.get();
        LocalDate date = asOf.date().get();
        OverduePdf.Kind which = kind.get();
        if (chosen == null || date == null || !asOf.error().get().isEmpty() || busy.get()) {
            return;
        }
        busy.set(true);
        progress.set(-1);
        message.set(texts.msg("reports.making"));
        running = tasks.run(
                UiTasks.Lane.JOB,
                p -> {
                    ReportMaker maker = maker();
                    ReportScope s = maker.scope(chosen.departmentCode(), chosen.townshipCode());
                    OverdueReport r = maker.build(s, date, texts, (done, total) -> {
                        if (p.cancelled()) {
                            throw new CancellationException();
                        }
                        p.update(done / (total * 1.25), null);
                    });
                    if (p.cancelled()) {
                        throw new CancellationException();
                    }
                    p.update(0.85, null);
                    JasperPrint filled = OverduePdf.fill(
                            which, maker.printRun(r, texts, ReportMaker.DEFAULT_PREVIOUS_DAYS, null), texts);
                    p.update(0.95, null);
                    return new Made(r, PdfPages.of(filled));
                },
                made -> {
                    done();
                    report.set(made.report());
                    pages.set(made.pages());
                    message.set(texts.msg(
                            "reports.made",
                            made.report().rows().size(),
                            made.report().supervisedRows(),
                            made.pages().size()));
                },
                error -> {
                    done();
                    if (error instanceof InvalidFieldException refused) {
                        message.set(texts.describe(refused));
                    } else {
                        message.set(texts.msg(
                                "reports.failed", FailureWords.of(texts, LOG, "Making the report failed", error)));
                    }
                },
                (fraction, what) -> progress.set(fraction));
    }

    private record Made(OverdueReport report, PdfPages pages) {}

    private ReportMaker maker() {
        return new ReportMaker(
                vm.store(), vm.catalog(), vm.clocks(), vm.config().clock());
    }

    private void done() {
        progress.set(0);
        busy.set(false);
        running = null;
    }

    /** Stops making the report: its result is dropped, and the work stops at its next row. */
    void cancel() {
        if (running != null) {
            running.cancel();
            done();
            message.set(texts.msg("reports.cancelled"));
        }
    }

    /** Asks where, then saves the made report as Excel or PDF (off the FX thread). */
    void save(Window owner, boolean excel) {
        OverdueReport r = report.get();
        PdfPages p = pages.get();
        if (r == null) {
            return;
        }
        String extension = excel ? "xlsx" : "pdf";
        Optional<Path> chosen = vm.config().fileSaver().save(owner, suggestedName(extension), extension);
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get();
        busy.set(true);
        tasks.run(
                UiTasks.Lane.JOB,
                progress -> {
                    if (excel) {
                        ReportMaker.writeXlsx(r, texts, file);
                    } else {
                        p.save(file);
                    }
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

    /** Asks for the paper, the printer and the pages, then prints the made report as saved (off the FX thread). */
    void print(Window owner) {
        PdfPages p = pages.get();
        if (p != null) {
            PrintPages.print(p, owner, texts, tasks, message::set);
        }
    }

    /** Leaders and administrators issue notices: they set the letterhead and read the register. */
    boolean issuesNotices() {
        return Capabilities.of(vm.user()).issuesNotices();
    }

    /** The letterhead and the register of notices issued from this PC. */
    NoticeDesk notices() {
        return notices;
    }

    /** A file name such as 超期事项督办报表-禄劝-2021-11-23.xlsx. */
    String suggestedName(String extension) {
        OverdueReport r = report.get();
        if (r == null) {
            return "." + extension;
        }
        return ReportMaker.fileName(r, extension.equals("xlsx") ? null : kind.get(), texts);
    }

    ObjectProperty<ScopeChoice> scopeProperty() {
        return scope;
    }

    ObjectProperty<LocalDate> asOfProperty() {
        return asOf.date();
    }

    /** The date field's text as shown: a date, or what was typed that is no date. */
    StringProperty asOfTextProperty() {
        return asOf.text();
    }

    ObjectProperty<OverduePdf.Kind> kindProperty() {
        return kind;
    }

    ObjectProperty<OverdueReport> reportProperty() {
        return report;
    }

    /** The made report's pages as they are saved and printed. */
    ObjectProperty<PdfPages> pagesProperty() {
        return pages;
    }

    BooleanProperty busyProperty() {
        return busy;
    }

    DoubleProperty progressProperty() {
        return progress;
    }

    StringProperty messageProperty() {
        return message;
    }

    StringProperty dateErrorProperty() {
        return asOf.error();
    }

    Texts texts() {
        return texts;
    }

    AppConfig config() {
        return vm.config();
    }

    /** The view model of the workbench this page belongs to. */
    WorkbenchViewModel workbench() {
        return vm;
    }
}
