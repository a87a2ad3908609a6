package org.reliefdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

import net.sf.jasperreports.engine.JRException;
import org.reliefdesk.logic.FailureWords;
import org.reliefdesk.logic.calendar.CalendarLoader;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.clock.TicketClocks;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.report.NoticeLetterhead;
import org.reliefdesk.logic.report.OverdueReport;
import org.reliefdesk.logic.report.ReportScope;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.report.OverduePdf;
import org.reliefdesk.report.PrintRun;
import org.reliefdesk.report.ReportMaker;
import org.reliefdesk.store.LocalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Reports for scheduled runs: {@code report overdue --as-of DATE --format xlsx|pdf --out FILE}. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        subcommands = {ReportCommand.Overdue.class, ReportCommand.Letterhead.class},
        description = "Supervision reports from the local store.")
public final class ReportCommand implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ReportCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The overdue-items report. Exit 0 when written, 1 on bad input (nothing written), 2 when it cannot be written. */
    @Command(
            name = "overdue",
            mixinStandardHelpOptions = true,
            description = {
                "Write the supervision report of overdue items (step overdue or supervised) as of a date.",
                "xlsx: summary and detail sheets; pdf: supervision notices to each unit that must act (--pdf notices,",
                "default) or the leaders' summary (--pdf summary); all: the three of them into the folder --out.",
                "Exit code: 0 written, 1 bad input (nothing written), 2 the file cannot be written."
            })
    public static final class Overdue implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(
                names = "--as-of",
                required = true,
                paramLabel = "DATE",
                description = "Report date, yyyy-MM-dd (today or earlier).")
        String asOf;

        @Option(names = "--format", required = true, paramLabel = "xlsx|pdf|all", description = "Output format.")
        String format;

        @Option(
                names = "--out",
                required = true,
                paramLabel = "FILE",
                description = "Output file (a folder with --format all).")
        Path file;

        @Option(names = "--department", paramLabel = "CODE", description = "Only one department (e.g. WATER).")
        String department;

        @Option(names = "--township", paramLabel = "CODE", description = "Only one township (e.g. 530128001).")
        String township;

        @Option(names = "--pdf", paramLabel = "notices|summary", description = "Which PDF (default: notices).")
        String pdf = "notices";

        @Option(
                names = "--issuer",
                paramLabel = "NAME",
                description = "Issuing office for this run (default: the letterhead's, see 'report letterhead').")
        String issuer;

        @Option(
                names = "--compare-days",
                paramLabel = "N",
                description = "The summary compares with the same scope N days earlier (default 7).")
        int compareDays = ReportMaker.DEFAULT_PREVIOUS_DAYS;

        @picocli.CommandLine.Mixin
        CommonOptions options = new CommonOptions();

        /** Tests pin the clock; the shell uses the system clock. */
        Clock clock = Clock.system(ChinaTime.ZONE);

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Texts texts = options.texts();
            try {
                LocalDate date = parseDate();
                if (!format.equals("xlsx") && !format.equals("pdf") && !format.equals("all")) {
                    throw new InvalidFieldException("format", "rule.report.format", format, "xlsx", "pdf", "all");
                }
                if (!pdf.equals("notices") && !pdf.equals("summary")) {
                    throw new InvalidFieldException("pdf", "rule.report.pdfKind", pdf, "notices", "summary");
                }
                Catalog catalog = CatalogLoader.loadBuiltIn();
                Path dir = options.dataDirectory();
                try (LocalStore store = LocalStore.open(dir)) {
                    ReportMaker maker =
                            new ReportMaker(store, catalog, new TicketClocks(catalog, CalendarLoader.load(dir)), clock);
                    ReportScope scope = maker.scope(department, township);
                    OverdueReport report = maker.build(scope, date, texts, (done, total) -> {});
                    if (format.equals("all")) {
                        return all(maker.printRun(report, texts, compareDays, issuer), texts, out, err);
                    }
                    if (format.equals("xlsx")) {
                        ReportMaker.writeXlsx(report, texts, file);
                    } else {
                        ReportMaker.writePdf(
                                OverduePdf.fill(
                                        pdf.equals("summary") ? OverduePdf.Kind.SUMMARY : OverduePdf.Kind.NOTICES,
                                        maker.printRun(report, texts, compareDays, issuer),
                                        texts),
                                file);
                    }
                    out.println(texts.msg(
                            "report.cli.written",
                            file.toAbsolutePath(),
                            report.rows().size(),
                            report.supervisedRows(),
                            report.scopeTitle()));
                    return 0;
                }
            } catch (InvalidFieldException e) {
                err.println(texts.msg("report.cli.refused", texts.describe(e)));
                return 1;
            } catch (IOException | JRException e) {
                err.println(texts.msg(
                        "report.cli.failed",
                        file,
                        FailureWords.of(texts, LOG, "Writing " + file + " failed", e, file)));
                return 2;
            }
        }

        /** The workbook, the notices (none when nothing is overdue, said so) and the leaders' summary, into one folder. */
        private int all(PrintRun run, Texts texts, PrintWriter out, PrintWriter err) throws IOException, JRException {
            OverdueReport report = run.report();
            Files.createDirectories(file);
            Path xlsx = file.resolve(ReportMaker.fileName(report, null, texts));
            ReportMaker.writeXlsx(report, texts, xlsx);
            out.println(xlsx.toAbsolutePath());
            for (OverduePdf.Kind kind : OverduePdf.Kind.values()) {
                Path pdfFile = file.resolve(ReportMaker.fileName(report, kind, texts));
                try {
                    ReportMaker.writePdf(OverduePdf.fill(kind, run, texts), pdfFile);
                    out.println(pdfFile.toAbsolutePath());
                } catch (InvalidFieldException e) {
                    if (!"rule.report.nothingOverdue".equals(e.rule())) {
                        throw e;
                    }
                    err.println(texts.ruleText(e));
                }
            }
            out.println(texts.msg(
                    "report.cli.written",
                    file.toAbsolutePath(),
                    report.rows().size(),
                    report.supervisedRows(),
                    report.scopeTitle()));
            return 0;
        }

        private LocalDate parseDate() {
            try {
                return LocalDate.parse(asOf);
            } catch (DateTimeParseException e) {
                throw new InvalidFieldException("asOf", "rule.form.date", asOf);
            }
        }
    }

    /** Shows, and with options changes, how notices are headed and signed. Exit 0 done, 1 bad input (nothing changed). */
    @Command(
            name = "letterhead",
            mixinStandardHelpOptions = true,
            description = {
                "Show or change the letterhead of supervision notices: the issuing office, its abbreviation",
                "in notice numbers (救助督〔2021〕12号), the working days to reply, the contact and telephone, and the copy",
                "recipient. A blank value (\"\") returns a field to its default."
            })
    public static final class Letterhead implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--issuer", paramLabel = "NAME", description = "Issuing office (发文机关).")
        String issuer;

        @Option(names = "--agency", paramLabel = "ABBR", description = "Abbreviation in notice numbers (发文机关代字).")
        String agency;

        @Option(names = "--reply-days", paramLabel = "N", description = "Working days to reply (1-30).")
        Integer replyDays;

        @Option(names = "--contact", paramLabel = "NAME", description = "Contact person.")
        String contact;

        @Option(names = "--phone", paramLabel = "PHONE", description = "Contact telephone.")
        String phone;

        @Option(names = "--copy-to", paramLabel = "TEXT", description = "Copy recipient (抄送).")
        String copyTo;

        @picocli.CommandLine.Mixin
        CommonOptions options = new CommonOptions();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Texts texts = options.texts();
            try (LocalStore store = LocalStore.open(options.dataDirectory())) {
                NoticeLetterhead now = store.notices().letterhead();
                if (issuer != null
                        || agency != null
                        || replyDays != null
                        || contact != null
                        || phone != null
                        || copyTo != null) {
                    now = store.notices()
                            .saveLetterhead(new NoticeLetterhead(
                                    issuer != null ? issuer : now.issuer(), agency != null ? agency : now.agency(),
                                    replyDays != null ? replyDays : now.replyDays(),
                                            contact != null ? contact : now.contact(),
                                    phone != null ? phone : now.phone(), copyTo != null ? copyTo : now.copyTo()));
                }
                String none = texts.msg("letterhead.default");
                out.println(texts.fieldName("letterhead.issuer") + ": " + (now.issuer() != null ? now.issuer() : none));
                out.println(texts.fieldName("letterhead.agency") + ": " + (now.agency() != null ? now.agency() : none));
                out.println(texts.fieldName("letterhead.replyDays") + ": " + now.replyDays());
                out.println(
                        texts.fieldName("letterhead.contact") + ": " + (now.contact() != null ? now.contact() : none));
                out.println(texts.fieldName("letterhead.phone") + ": " + (now.phone() != null ? now.phone() : none));
                out.println(texts.fieldName("letterhead.copyTo") + ": " + (now.copyTo() != null ? now.copyTo() : none));
                return 0;
            } catch (InvalidFieldException e) {
                spec.commandLine().getErr().println(texts.msg("report.cli.refused", texts.describe(e)));
                return 1;
            }
        }
    }
}
