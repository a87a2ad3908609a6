package org.reliefdesk.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JRTextField;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.SimplePrintPart;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import org.reliefdesk.logic.calendar.Deadline;
import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.report.NoticeLetterhead;
import org.reliefdesk.logic.report.NoticeRegister;
import org.reliefdesk.logic.report.OverdueReport;
import org.reliefdesk.logic.report.OverdueRow;
import org.reliefdesk.logic.report.ReportScope;
import org.reliefdesk.logic.report.SummaryRow;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.InvalidFieldException;

/**
 * The printed reports, filled from the precompiled templates of {@code reports/}: supervision
 * notices (督办通知), one per unit that must act, numbered from the register, and the leaders'
 * one-page 通报.
 */
public final class OverduePdf {

    static final DateTimeFormatter MINUTE = OverdueWorkbook.MINUTE;
    private static final int CASES = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final Map<String, JasperReport> TEMPLATES = new HashMap<>();

    private OverduePdf() {}

    /** Which printed report. */
    public enum Kind {
        NOTICES,
        SUMMARY
    }
    /** The date of issue as each language writes it on a letter: 2021年11月23日, 23 November 2021. */
    private static DateTimeFormatter day(Texts texts) {
        return "zh".equals(texts.locale().getLanguage())
                ? DateTimeFormatter.ofPattern("yyyy年M月d日")
                : DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    }

    static synchronized JasperReport template(String name) {
        return TEMPLATES.computeIfAbsent(name, n -> {
            try (InputStream in = OverduePdf.class.getResourceAsStream("/org/reliefdesk/reports/" + n + ".jasper")) {
                if (in == null) {
                    throw new IllegalStateException("report template " + n + ".jasper is not on the class path"
                            + " (it is compiled from reports/" + n + ".jrxml by the build)");
                }
                return (JasperReport) JRLoader.loadObject(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (JRException e) {
                throw new IllegalStateException("report template " + n + " cannot be loaded", e);
            }
        });
    }

    public static JasperPrint fill(Kind kind, PrintRun run, Texts texts) throws JRException {
        return kind == Kind.NOTICES ? notices(run, texts) : summary(run, texts);
    }

    /**
     * One notice to each unit that must act on overdue items — the county department of the
     * current step, or the township when township staff act in it (on-site verification,
     * democratic review) — departments in catalog order, then townships by code; one print of
     * many pages. Each notice is a cover letter after GB/T 9704 (A4 portrait) with its list of
     * tickets as the attachment (A4 landscape), numbered from the register: a reprint of the same
     * notice keeps its number. Every text is checked against the fonts before any number is taken.
     *
     * @throws InvalidFieldException {@code rule.report.nothingOverdue} when nothing is overdue: no
     *                               notice is written ("0 件…请逐件落实办理" would be no notice at all)
     */
    public static JasperPrint notices(PrintRun run, Texts texts) throws JRException {
        OverdueReport report = run.report();
        if (report.rows().isEmpty()) {
            throw new InvalidFieldException(
                    "report",
                    "rule.report.nothingOverdue",
                    report.scopeTitle(),
                    MINUTE.format(report.asOf().atZone(ChinaTime.ZONE)));
        }
        Map<String, Integer> departmentOrder = new HashMap<>();
        report.byDepartment()
                .forEach(d ->
                        departmentOrder.put(texts.msg("report.departmentUnit", d.group()), departmentOrder.size()));
        Map<OverdueRow.Responsible, String> recipient = new HashMap<>();
        for (OverdueRow r : report.rows()) {
            recipient.putIfAbsent(r.responsible(), r.responsible().township() ? r.townshipName() : r.responsibleUnit());
        }
        List<OverdueRow.Responsible> units = new ArrayList<>(recipient.keySet());
        units.sort(Comparator.comparing(OverdueRow.Responsible::township)
                .thenComparing(u -> departmentOrder.getOrDefault(recipient.get(u), Integer.MAX_VALUE))
                .thenComparing(OverdueRow.Responsible::code));
        NoticeLetterhead head = run.letterhead();
        printable(Map.of(
                "issuer",
                head.issuer(),
                "agency",
                head.agencyIn(texts),
                "copyTo",
                head.copyTo(),
                "contact",
                head.contact() == null ? "" : head.contact()));
        List<List<OverdueRow>> lists = new ArrayList<>();
        List<NoticeRegister.Draft> drafts = new ArrayList<>();
        for (OverdueRow.Responsible unit : units) {
            List<OverdueRow> rows = report.rows().stream()
                    .filter(r -> r.responsible().equals(unit))
                    .sorted(OverdueReport.URGENT_FIRST)
                    .toList();
            rows.forEach(OverduePdf::printable);
            PrintableText.check("recipient", null, recipient.get(unit));
            lists.add(rows);
            drafts.add(new NoticeRegister.Draft(
                    report.scope().key(),
                    (unit.township() ? "township:" : "department:") + unit.code(),
                    recipient.get(unit),
                    report.asOfDate(),
                    rows.stream().map(OverdueRow::ticketNo).toList()));
        }
        List<NoticeRegister.Issued> numbers = run.register().issue(drafts, head.agency(), report.generatedAt());
        JasperPrint all = null;
        int page = 1;
        for (int i = 0; i < units.size(); i++) {
            List<OverdueRow> rows = lists.get(i);
            NoticeRegister.Issued issued = numbers.get(i);
            String number = NoticeLetterhead.number(texts, issued.agency(), issued.year(), issued.serial());
            String to = recipient.get(units.get(i));
            JasperPrint letter = letter(report, texts, head, run.replyBy(), to, number, rows, issued, page);
            page += letter.getPages().size();
            Map<String, Object> p = base(texts);
            p.put("TITLE", texts.msg("report.notice.listTitle"));
            p.put("SUBTITLE", texts.msg("report.notice.listSub", to, asOfText(report, texts), number));
            p.put("FIRST_PAGE", page);
            JasperPrint list = JasperFillManager.fillReport(template("supervision-notice-list"), p, rows(rows, texts));
            page += list.getPages().size();
            all = append(all, letter, number);
            all = append(all, list, number + " " + texts.msg("report.notice.attachmentLabel"));
        }
        return all;
    }

    private static JasperPrint letter(
            OverdueReport report,
            Texts texts,
            NoticeLetterhead head,
            LocalDate replyBy,
            String to,
            String number,
            List<OverdueRow> rows,
            NoticeRegister.Issued issued,
            int firstPage)
            throws JRException {
        long supervised =
                rows.stream().filter(r -> r.state() == LadderState.SUPERVISED).count();
        long repeated = rows.stream().filter(OverdueRow::noticedBefore).count();
        String blank = texts.msg("report.notice.blank");
        String issuedOn = day(texts).format(issued.issuedAt().atZone(ChinaTime.ZONE));
        Map<String, Object> p = base(texts);
        p.put("ISSUER", head.issuer());
        p.put("NUMBER", number);
        p.put("TITLE", texts.msg(repeated > 0 ? "report.notice.docTitleRepeat" : "report.notice.docTitle"));
        p.put("RECIPIENT", salutation(to) + texts.msg("report.notice.to"));
        String indent = texts.msg("report.paragraph.indent");
        p.put(
                "BODY",
                indent
                        + texts.msg(
                                "report.notice.body",
                                asOfText(report, texts),
                                str(rows.size()),
                                str(supervised),
                                repeated > 0 ? texts.msg("report.notice.bodyRepeat", str(repeated)) : "",
                                oneLine(report.scopeTitle())));
        p.put("REQUEST", indent + texts.msg("report.notice.request", day(texts).format(replyBy), head.issuer()));
        p.put(
                "CONTACT",
                indent
                        + texts.msg(
                                "report.notice.contact",
                                head.contact() != null ? head.contact() : blank,
                                head.phone() != null ? head.phone() : blank));
        p.put("ATTACHMENT", texts.msg("report.notice.attachment", str(rows.size())));
        p.put("ISSUED_ON", issuedOn);
        p.put("SEAL", texts.msg("report.notice.seal"));
        p.put("COPY_TO", texts.msg("report.notice.copyTo", head.copyTo()));
        p.put("PRINTED_BY", head.issuer());
        p.put("PRINTED_BY_WRAPS", !fitsOneLine(head.issuer(), "supervision-notice", "printedBy"));
        p.put("PRINTED_ON", texts.msg("report.notice.printedOn", issuedOn));
        p.put("FIRST_PAGE", firstPage);
        printable(p);
        return JasperFillManager.fillReport(template("supervision-notice"), p, new JREmptyDataSource(0));
    }

    /**
     * Whether {@code text} fits the one-line text field {@code key} of {@code template}'s last page
     * footer, at its type size: the template holds the field's width and size, this only measures.
     */
    static boolean fitsOneLine(String text, String template, String key) {
        if (!(template(template).getLastPageFooter().getElementByKey(key) instanceof JRTextField field)) {
            throw new IllegalStateException("report template " + template + " has no text field " + key);
        }
        return PrintableText.width(text, field.getFontSize()) <= field.getWidth();
    }

    /** Pages of {@code next} after those of {@code all}, each part keeping its own page size and orientation. */
    static JasperPrint append(JasperPrint into, JasperPrint next, String partName) {
        JasperPrint all = into;
        if (all == null) {
            all = new JasperPrint();
            all.setName(next.getName());
            all.setPageWidth(next.getPageWidth());
            all.setPageHeight(next.getPageHeight());
            all.setOrientation(next.getOrientation());
            all.setLocaleCode(next.getLocaleCode());
            all.setTimeZoneId(next.getTimeZoneId());
        }
        all.addPart(all.getPages().size(), SimplePrintPart.fromJasperPrint(next, partName));
        next.getPages().forEach(all::addPage);
        for (net.sf.jasperreports.engine.JRStyle style : next.getStylesList()) {
            if (!all.getStylesMap().containsKey(style.getName())) {
                try {
                    all.addStyle(style);
                } catch (JRException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return all;
    }

    /** "2021年11月23日24时" for a past day counted to its end, "2026年12月1日 10:30" for today. */
    static String asOfText(OverdueReport report, Texts texts) {
        ZonedDateTime at = report.asOf().atZone(ChinaTime.ZONE);
        String date = day(texts).format(report.asOfDate());
        boolean endOfDay = at.toLocalDate().equals(report.asOfDate())
                && at.getHour() == 23
                && at.getMinute() == 59
                && at.getSecond() == 59;
        return endOfDay
                ? texts.msg("report.asOf.endOfDay", date)
                : texts.msg(
                        "report.asOf.moment",
                        date,
                        DateTimeFormatter.ofPattern("HH:mm").format(at));
    }

    /**
     * The 通报 on one page: the figures and their change against the previous period, departments
     * (ranked, beside a vector chart of their overdue tickets) and townships (ranked, two tables
     * side by side), the cases (再次督办 first, then the longest open), the requirements naming the
     * units with the highest overdue rates, and the issuing office.
     */
    public static JasperPrint summary(PrintRun run, Texts texts) throws JRException {
        OverdueReport report = run.report();
        OverdueReport previous = run.previous();
        Map<String, Object> p = base(texts);
        p.put("TITLE", texts.msg("report.summary.title", report.scopeTitle()));
        p.put(
                "SUBTITLE",
                texts.msg(
                        "report.summary.subtitle",
                        asOfText(report, texts),
                        previous == null ? "—" : asOfText(previous, texts)));
        SummaryRow t = report.totals();
        SummaryRow was = previous == null ? null : previous.totals();
        // counts as plain digits (1459, not 1,459), as official documents write them
        p.put(
                "OVERALL",
                texts.msg(
                        "report.summary.overall",
                        report.scopeTitle(),
                        str(t.open()),
                        change(t.open(), was == null ? null : was.open()),
                        str(t.overdue()),
                        change(t.overdue(), was == null ? null : was.overdue()),
                        str(t.supervised()),
                        change(t.supervised(), was == null ? null : was.supervised()),
                        str(t.concluded()),
                        percent(t.onTimeRate(), texts),
                        points(t.onTimeRate(), was == null ? Double.NaN : was.onTimeRate(), texts),
                        str(report.repeatedRows())));
        p.put("DEPARTMENTS_HEAD", texts.msg("report.summary.departments"));
        p.put("TOWNSHIPS_HEAD", texts.msg("report.summary.townships"));
        p.put("CASES_HEAD", texts.msg("report.summary.cases"));
        p.put("REQUIREMENTS_HEAD", texts.msg("report.summary.requirementsHead"));
        p.put("DEPARTMENT_UNIT", texts.msg("report.unit.department"));
        p.put("TOWNSHIP_UNIT", texts.msg("report.unit.township"));
        NoticeLetterhead head = run.letterhead();
        p.put("ISSUER", head.issuer());
        p.put("ISSUED_ON", day(texts).format(report.generatedAt().atZone(ChinaTime.ZONE)));
        p.put("REQUIREMENTS", requirements(report, run, texts));
        p.put("CHART", new DepartmentChart(report.byDepartment(), texts));
        p.put("UNITS_REPORT", template("summary-units"));
        p.put("CASES_REPORT", template("summary-cases"));
        p.put("DEPARTMENTS", units(report.byDepartment(), previous == null ? null : previous.byDepartment(), t, texts));
        List<SummaryRow> towns = report.byTownship();
        int half = (towns.size() + 1) / 2;
        List<SummaryRow> wasTowns = previous == null ? null : previous.byTownship();
        Map<SummaryRow, Integer> townRanks = OverdueWorkbook.ranks(towns);
        p.put("TOWNSHIPS_LEFT", units(towns.subList(0, half), wasTowns, null, texts, townRanks));
        p.put("TOWNSHIPS_RIGHT", units(towns.subList(half, towns.size()), wasTowns, null, texts, townRanks));
        List<OverdueRow> cases = report.rows().stream()
                .sorted(OverdueReport.URGENT_FIRST)
                .limit(CASES)
                .toList();
        p.put("CASES", rows(cases, texts));
        printable(p);
        return JasperFillManager.fillReport(template("leadership-summary"), p, new JREmptyDataSource(0));
    }

    /** The requirements: the units with the highest overdue rates by name, the reply day, the repeated cases. */
    private static String requirements(OverdueReport report, PrintRun run, Texts texts) {
        List<SummaryRow> late = report.byDepartment().stream()
                .filter(r -> r.overdue() > 0)
                .sorted(Comparator.comparingDouble(SummaryRow::overdueRate).reversed())
                .limit(3)
                .toList();
        String names = String.join(
                texts.msg("report.summary.nameSeparator"),
                late.stream()
                        .map(r -> texts.msg("report.summary.lateUnit", r.group(), percent(r.overdueRate(), texts)))
                        .toList());
        if (late.isEmpty()) {
            return texts.msg("report.summary.requirementsNone");
        }
        String repeated = report.repeatedRows() == 0
                ? ""
                : texts.msg(
                        "report.summary.requirementsRepeat",
                        str(report.repeatedRows()),
                        run.letterhead().issuer());
        return texts.msg("report.summary.requirements", names, day(texts).format(run.replyBy()), repeated);
    }

    private static String str(long n) {
        return String.valueOf(n);
    }

    private static JRMapCollectionDataSource units(
            List<SummaryRow> rows, List<SummaryRow> before, SummaryRow total, Texts texts) {
        return units(rows, before, total, texts, OverdueWorkbook.ranks(rows));
    }

    private static JRMapCollectionDataSource units(
            List<SummaryRow> rows,
            List<SummaryRow> before,
            SummaryRow total,
            Texts texts,
            Map<SummaryRow, Integer> ranks) {
        Map<String, SummaryRow> was = new HashMap<>();
        if (before != null) {
            before.forEach(r -> was.put(r.group(), r));
        }
        List<Map<String, ?>> maps = new ArrayList<>();
        for (SummaryRow r : rows) {
            Integer rank = ranks.get(r);
            maps.add(unit(
                    r,
                    rank == null ? null : String.valueOf(rank),
                    before == null
                            ? null
                            : change(
                                    r.overdue(),
                                    was.containsKey(r.group())
                                            ? was.get(r.group()).overdue()
                                            : 0),
                    texts));
        }
        if (total != null) {
            maps.add(unit(total, null, null, texts));
        }
        return new JRMapCollectionDataSource(maps);
    }

    private static Map<String, Object> unit(SummaryRow r, String rank, String change, Texts texts) {
        PrintableText.check("unit", null, r.group());
        Map<String, Object> m = new HashMap<>();
        m.put("unit", r.group());
        m.put("open", r.open());
        m.put("overdue", r.overdue());
        m.put("supervised", r.supervised());
        m.put("overdueRate", percent(r.overdueRate(), texts));
        m.put("onTimeRate", percent(r.onTimeRate(), texts));
        m.put("rank", rank);
        m.put("change", change);
        return m;
    }

    /** "+5", "-3", "0"; "—" with nothing to compare (the Song font has no U+2212 minus). */
    private static String change(int now, Integer before) {
        if (before == null) {
            return "—";
        }
        int d = now - before;
        return d > 0 ? "+" + d : d < 0 ? "-" + (-d) : "0";
    }

    private static String percent(double rate, Texts texts) {
        if (Double.isNaN(rate)) {
            return "—";
        }
        NumberFormat pct = NumberFormat.getPercentInstance(texts.locale());
        pct.setMaximumFractionDigits(1);
        pct.setMinimumFractionDigits(1);
        return pct.format(rate);
    }

    /** The change of a rate in percentage points: "+0.4 个百分点". */
    private static String points(double now, double before, Texts texts) {
        if (Double.isNaN(now) || Double.isNaN(before)) {
            return texts.msg("report.summary.noComparison");
        }
        double d = Math.round((now - before) * 1000) / 10.0;
        String n = d > 0 ? "+" + d : d < 0 ? "-" + (-d) : "0";
        return texts.msg("report.summary.points", n);
    }

    private static Map<String, Object> base(Texts texts) {
        Map<String, Object> p = new HashMap<>();
        p.put(JRParameter.REPORT_LOCALE, texts.locale());
        p.put(JRParameter.REPORT_RESOURCE_BUNDLE, texts.bundle());
        return p;
    }

    /** Every text parameter of a report checked against the embedded fonts. */
    private static void printable(Map<String, ?> parameters) {
        parameters.forEach((name, value) -> {
            if (value instanceof String text) {
                PrintableText.check(name, null, text);
            }
        });
    }

    /** Every text of a row checked against the embedded fonts: a missing character names its ticket. */
    private static void printable(OverdueRow r) {
        PrintableText.check("applicant.name", r.ticketNo(), r.applicantName());
        PrintableText.check("townshipName", r.ticketNo(), r.townshipName());
        PrintableText.check("villageName", r.ticketNo(), r.villageName());
        PrintableText.check("item", r.ticketNo(), r.itemName());
        PrintableText.check("departmentCode", r.ticketNo(), r.departmentName());
        PrintableText.check("step", r.ticketNo(), r.stepName());
        PrintableText.check("responsibleUnit", r.ticketNo(), r.responsibleUnit());
    }

    private static JRMapCollectionDataSource rows(List<OverdueRow> rows, Texts texts) {
        List<Map<String, ?>> maps = new ArrayList<>(rows.size());
        for (OverdueRow r : rows) {
            printable(r);
            Map<String, Object> m = new HashMap<>();
            m.put("ticketNo", r.ticketNo());
            m.put("itemName", r.itemName());
            m.put("departmentName", r.departmentName());
            m.put("townshipName", r.townshipName());
            m.put("villageName", r.villageName());
            m.put("applicantName", r.applicantName());
            m.put("stepName", r.stepName());
            m.put("responsibleUnit", r.responsibleUnit());
            m.put("submitted", DAY.format(r.submittedAt().atZone(ChinaTime.ZONE)));
            m.put("daysOpen", r.daysOpen());
            m.put("pausedDays", r.pausedDays());
            m.put("stepDue", r.stepDue() == null ? null : Deadline.written(r.stepDue()));
            m.put("daysPastStep", r.daysPastStep());
            m.put("daysSupervised", r.daysSupervised());
            m.put("repeat", r.noticedBefore() ? texts.msg("report.repeat.yes") : null);
            maps.add(m);
        }
        return new JRMapCollectionDataSource(maps);
    }

    /** A letter opens with a capital: "County water resources department:" (Chinese has no case). */
    static String salutation(String to) {
        if (to.isEmpty()) {
            return to;
        }
        int first = to.offsetByCodePoints(0, 1);
        return to.substring(0, first).toUpperCase(Locale.ROOT) + to.substring(first);
    }

    /**
     * A scope's name kept on one line in running text: "县 · 水利" joined by no-break spaces, where
     * java.text's line rules broke after "县 " and a letter's line opened with "· 水利".
     */
    static String oneLine(String scopeTitle) {
        return scopeTitle.replace(ReportScope.SEPARATOR, ReportScope.SEPARATOR.replace(' ', '\u00A0'));
    }

    public static void writePdf(JasperPrint print, OutputStream out) throws JRException {
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
        config.setMetadataTitle(print.getName());
        config.setMetadataCreator("ReliefDesk");
        exporter.setConfiguration(config);
        exporter.exportReport();
    }
}
