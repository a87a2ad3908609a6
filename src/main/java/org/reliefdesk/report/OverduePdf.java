package org.reliefdesk.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.report.OverdueReport;
import org.reliefdesk.logic.report.OverdueRow;
import org.reliefdesk.logic.report.SummaryRow;
import org.reliefdesk.model.InvalidFieldException;

/**
 * The printed reports, filled from the precompiled templates of {@code reports/}: supervision
 * notices (督办通知单), one per department that has overdue items, and the leaders' summary.
 */
public final class OverduePdf {

    /** Which printed report. */
    public enum Kind { NOTICES, SUMMARY }

    static final DateTimeFormatter MINUTE = OverdueWorkbook.MINUTE;
    /** The date of issue as each language writes it on a letter: 2021年11月23日, 23 November 2021. */
    private static DateTimeFormatter day(Texts texts) {
        return "zh".equals(texts.locale().getLanguage()) ? DateTimeFormatter.ofPattern("yyyy年M月d日")
                : DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH);
    }
    private static final int LONGEST = 25;
    private static final Map<String, JasperReport> TEMPLATES = new HashMap<>();

    private OverduePdf() {
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

    public static JasperPrint fill(Kind kind, OverdueReport report, Texts texts, String issuer) throws JRException {
        return kind == Kind.NOTICES ? notices(report, texts, issuer) : summary(report, texts);
    }

    /**
     * One notice to each unit that must act on overdue items — the county department of the
     * current step, or the township when township staff act in it (on-site verification,
     * democratic review) — departments in catalog order, then townships by code; one print of
     * many pages. Each states the report's scope.
     *
     * @throws InvalidFieldException {@code rule.report.nothingOverdue} when nothing is overdue: no
     *                               notice is written ("0 件…请逐件落实办理" would be no notice at all)
     */
    public static JasperPrint notices(OverdueReport report, Texts texts, String issuer) throws JRException {
        if (report.rows().isEmpty()) {
            throw new InvalidFieldException("report", "rule.report.nothingOverdue", report.scopeTitle(),
                    MINUTE.format(report.asOf().atZone(SheetWriter.ZONE)));
        }
        Map<String, Integer> departmentOrder = new HashMap<>();
        report.byDepartment().forEach(d -> departmentOrder.put(texts.msg("report.departmentUnit", d.group()),
                departmentOrder.size()));
        Map<OverdueRow.Responsible, String> recipient = new HashMap<>();
        for (OverdueRow r : report.rows()) {
            recipient.putIfAbsent(r.responsible(), r.responsible().township() ? r.townshipName() : r.responsibleUnit());
        }
        List<OverdueRow.Responsible> units = new ArrayList<>(recipient.keySet());
        units.sort(Comparator.comparing(OverdueRow.Responsible::township)
                .thenComparing(u -> departmentOrder.getOrDefault(recipient.get(u), Integer.MAX_VALUE))
                .thenComparing(OverdueRow.Responsible::code));
        String day = report.asOfDate().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        JasperPrint all = null;
        int n = 0;
        for (OverdueRow.Responsible unit : units) {
            List<OverdueRow> rows = report.rows().stream().filter(r -> r.responsible().equals(unit)).toList();
            n++;
            Map<String, Object> p = base(texts);
            p.put("ISSUER", issuer);
            p.put("RECIPIENT", recipient.get(unit));
            p.put("SCOPE", report.scopeTitle());
            p.put("NOTICE_NO", texts.msg("report.notice.number", day.substring(0, 4), day.substring(4) + "-" + n));
            p.put("AS_OF", MINUTE.format(report.asOf().atZone(SheetWriter.ZONE)));
            p.put("ISSUED_ON", day(texts).format(report.generatedAt().atZone(SheetWriter.ZONE)));
            p.put("COUNTY", report.countyName());
            p.put("TOTAL", rows.size());
            p.put("SUPERVISED", (int) rows.stream()
                    .filter(r -> r.state() == org.reliefdesk.logic.clock.LadderState.SUPERVISED).count());
            printable(p);
            JasperPrint one = JasperFillManager.fillReport(template("supervision-notice"), p, rows(rows));
            if (all == null) {
                all = one;
            } else {
                one.getPages().forEach(all::addPage);
            }
        }
        return all;
    }

    /** The leaders' summary: counts, the chart by department, the longest-open items. */
    public static JasperPrint summary(OverdueReport report, Texts texts) throws JRException {
        Map<String, Object> p = base(texts);
        p.put("TITLE", texts.msg("report.summary.title", report.scopeTitle()));
        p.put("AS_OF", MINUTE.format(report.asOf().atZone(SheetWriter.ZONE)));
        p.put("GENERATED", MINUTE.format(report.generatedAt().atZone(SheetWriter.ZONE)));
        SummaryRow t = report.totals();
        NumberFormat pct = NumberFormat.getPercentInstance(texts.locale());
        pct.setMaximumFractionDigits(1);
        p.put("FIGURES", texts.msg("report.summary.figures", t.open(), t.supervised(), t.stepOverdue(), t.dueSoon(),
                t.concluded(), Double.isNaN(t.onTimeRate()) ? "—" : pct.format(t.onTimeRate())));
        p.put("CHART", DepartmentChart.draw(report.byDepartment(), texts, 786, 226));
        List<OverdueRow> longest = report.rows().stream()
                .sorted(Comparator.comparingLong(OverdueRow::daysOpen).reversed().thenComparing(OverdueRow::ticketNo))
                .limit(LONGEST).toList();
        printable(p);
        return JasperFillManager.fillReport(template("leadership-summary"), p, rows(longest));
    }

    private static Map<String, Object> base(Texts texts) {
        Map<String, Object> p = new HashMap<>();
        p.put(JRParameter.REPORT_LOCALE, texts.locale());
        p.put(JRParameter.REPORT_RESOURCE_BUNDLE, texts.bundle());
        return p;
    }

    /** Every text parameter of a report checked against the embedded fonts. */
    private static void printable(Map<String, Object> parameters) {
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

    private static JRMapCollectionDataSource rows(List<OverdueRow> rows) {
        List<Map<String, ?>> maps = new ArrayList<>(rows.size());
        for (OverdueRow r : rows) {
            printable(r);
            Map<String, Object> m = new HashMap<>();
            m.put("ticketNo", r.ticketNo());
            m.put("itemName", r.itemName());
            m.put("departmentName", r.departmentName());
            m.put("townshipName", r.townshipName());
            m.put("applicantName", r.applicantName());
            m.put("stepName", r.stepName());
            m.put("responsibleUnit", r.responsibleUnit());
            m.put("submitted", MINUTE.format(r.submittedAt().atZone(SheetWriter.ZONE)));
            m.put("daysOpen", r.daysOpen());
            m.put("stepDue", r.stepDue() == null ? null : org.reliefdesk.logic.calendar.Deadline.written(r.stepDue()));
            m.put("daysOverdue", r.daysOverdue());
            m.put("stateName", r.stateName());
            maps.add(m);
        }
        return new JRMapCollectionDataSource(maps);
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
