package org.reliefdesk.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import org.reliefdesk.logic.FileTroubleException;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.clock.TicketClocks;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.report.NoticeLetterhead;
import org.reliefdesk.logic.report.OverdueReport;
import org.reliefdesk.logic.report.OverdueReports;
import org.reliefdesk.logic.report.ReportScope;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Place;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.store.LocalStore;

/**
 * Makes supervision reports from the local store, for the GUI's reports page and the CLI: checks
 * the scope, reads the tickets (their step movements are enough), builds the report data, and
 * writes Excel or PDF files whole or not at all (to a temporary file, then moved into place).
 */
public final class ReportMaker {

    /** The 通报 compares with the same scope this many days earlier unless told otherwise. */
    public static final int DEFAULT_PREVIOUS_DAYS = 7;

    private final LocalStore store;
    private final Catalog catalog;
    private final OverdueReports reports;
    private final TicketClocks clocks;
    // a maker serves one run (the GUI and the CLI make one per report), so what it read cannot go stale
    private ReportScope readScope;
    private List<TicketHistory> read;

    public ReportMaker(LocalStore store, Catalog catalog, TicketClocks clocks, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.clocks = clocks;
        this.reports = new OverdueReports(catalog, clocks, clock);
    }

    /** The scope from the options given: the store's county, and a department or a township of it. */
    public ReportScope scope(String departmentCode, String townshipCode) {
        if (departmentCode != null && townshipCode != null) {
            throw new InvalidFieldException("township", "rule.report.departmentOrTownship");
        }
        if (departmentCode != null
                && catalog.departments().stream().noneMatch(d -> d.code().equals(departmentCode))) {
            throw new InvalidFieldException(
                    "department",
                    "rule.report.unknownDepartment",
                    departmentCode,
                    String.join(
                            ", ",
                            catalog.departments().stream().map(d -> d.code()).toList()));
        }
        List<Place> counties = store.tickets().counties();
        if (counties.isEmpty()) {
            throw new InvalidFieldException("county", "rule.report.noTickets");
        }
        String county = counties.get(0).code();
        if (townshipCode != null
                && store.tickets().townshipsOf(county).stream()
                        .noneMatch(t -> t.code().equals(townshipCode))) {
            throw new InvalidFieldException("township", "rule.report.unknownTownship", townshipCode);
        }
        return new ReportScope(county, departmentCode, townshipCode);
    }

    /**
     * Reads and counts; {@code progress} gets (done, total) while counting. Tickets a notice of an
     * earlier date named are marked 再次督办 from the register.
     */
    public OverdueReport build(ReportScope scope, LocalDate asOf, Texts texts, OverdueReports.Progress progress) {
        OverdueReport report = count(scope, asOf, texts, progress);
        return report.withNoticedBefore(store.notices()
                .noticedBefore(report.rows().stream().map(r -> r.ticketNo()).toList(), asOf));
    }

    /**
     * What printing needs beside the report: the same scope {@code previousDays} earlier (none when
     * that is before any ticket), the letterhead with its defaults, the reply day (the letterhead's
     * working days after today, by the official calendar) and the register.
     */
    public PrintRun printRun(OverdueReport report, Texts texts, int previousDays, String issuer) {
        if (previousDays < 1 || previousDays > 366) {
            throw new InvalidFieldException("compareDays", "rule.range", 1, 366);
        }
        OverdueReport previous = count(report.scope(), report.asOfDate().minusDays(previousDays), texts, (d, t) -> {});
        NoticeLetterhead stored = store.notices().letterhead();
        NoticeLetterhead head = (issuer == null
                        ? stored
                        : new NoticeLetterhead(
                                        issuer,
                                        stored.agency(),
                                        stored.replyDays(),
                                        stored.contact(),
                                        stored.phone(),
                                        stored.copyTo())
                                .checked())
                .resolved(report.countyName(), texts);
        LocalDate replyBy = clocks.calendar()
                .addWorkingDays(report.generatedAt(), head.replyDays())
                .due()
                .minusSeconds(1)
                .atZone(ChinaTime.ZONE)
                .toLocalDate();
        return new PrintRun(
                report,
                previous.totals().open() + previous.totals().concluded() == 0 ? null : previous,
                head,
                replyBy,
                store.notices());
    }

    private OverdueReport count(ReportScope scope, LocalDate asOf, Texts texts, OverdueReports.Progress progress) {
        reports.moment(asOf); // refuses a future date before reading anything
        return reports.build(scope, histories(scope), asOf, texts, progress);
    }

    /** The scope's tickets with their histories, read once: the 通报's previous period is counted from the same read. */
    private List<TicketHistory> histories(ReportScope scope) {
        if (scope.equals(readScope)) {
            return read;
        }
        var tickets = scope.tickets(catalog);
        var whole = store.tickets().scope(tickets);
        Map<UUID, List<TicketEvent>> events = whole.timelines();
        List<TicketHistory> histories = new ArrayList<>(whole.tickets().size());
        for (Ticket t : whole.tickets()) {
            histories.add(new TicketHistory(t, events.getOrDefault(t.id(), List.of())));
        }
        read = List.copyOf(histories);
        readScope = scope;
        return read;
    }

    /**
     * A file name for one output of a report, e.g. 超期事项督办报表-禄劝彝族苗族自治县-水利-2021-11-23.xlsx:
     * what it is, the scope and the date. {@code pdf} null for the workbook.
     */
    public static String fileName(OverdueReport report, OverduePdf.Kind pdf, Texts texts) {
        String what = pdf == null
                ? texts.msg("report.title")
                : pdf == OverduePdf.Kind.SUMMARY ? texts.msg("reports.kind.SUMMARY") : texts.msg("report.notice.title");
        return what + "-" + report.scopeTitle().replace(ReportScope.SEPARATOR, "-") + "-" + report.asOfDate()
                + (pdf == null ? ".xlsx" : ".pdf");
    }

    public static void writeXlsx(OverdueReport report, Texts texts, Path out) throws IOException {
        atomically(out, stream -> OverdueWorkbook.write(report, texts, stream));
    }

    public static void writePdf(JasperPrint print, Path out) throws IOException {
        atomically(out, stream -> {
            try {
                OverduePdf.writePdf(print, stream);
            } catch (JRException e) {
                throw new IOException("the PDF could not be written: " + e.getMessage(), e);
            }
        });
    }

    /** Something that writes a whole file to a stream. */
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes next to the target, then moves it into place: a failed write leaves no half file, and
     * a file's trouble is said of {@code out}, the file the person chose ({@link FileTroubleException}).
     */
    public static void atomically(Path out, Writer writer) throws IOException {
        try {
            writeAndMove(out, writer);
        } catch (IOException e) {
            throw FileTroubleException.of(out, e); // the system named our part file; the person chose out
        }
    }

    private static void writeAndMove(Path out, Writer writer) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".reliefdesk-", ".part");
        try {
            try (OutputStream stream = Files.newOutputStream(tmp)) {
                writer.write(stream);
            }
            try { // a temporary file is private to its owner; a report is an ordinary document
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException windows) {
                // Windows keeps the folder's permissions
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
