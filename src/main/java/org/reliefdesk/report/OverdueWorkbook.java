package org.reliefdesk.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.report.OverdueReport;
import org.reliefdesk.logic.report.OverdueRow;
import org.reliefdesk.logic.report.SummaryRow;
import org.reliefdesk.model.ChinaTime;

/**
 * The supervision report as an Excel workbook: a summary sheet (by department, by department and
 * item, by township, with totals) and a detail sheet with one row per overdue ticket. Streams
 * rows (SXSSF), so a county of 100,000 overdue rows needs little memory.
 */
public final class OverdueWorkbook {

    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int DETAIL_COLUMNS = 18;

    private OverdueWorkbook() {}

    public static void write(OverdueReport report, Texts texts, OutputStream out) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            ExcelStyles styles = new ExcelStyles(wb);
            String subtitle = texts.msg(
                    "report.subtitle",
                    MINUTE.format(report.asOf().atZone(ChinaTime.ZONE)),
                    MINUTE.format(report.generatedAt().atZone(ChinaTime.ZONE)),
                    report.scopeTitle());
            String title = report.countyName() + " " + texts.msg("report.title");
            summary(wb.createSheet(texts.msg("report.sheet.summary")), styles, report, texts, title, subtitle);
            detail(wb.createSheet(texts.msg("report.sheet.detail")), styles, report.rows(), texts, title, subtitle);
            wb.write(out);
        } finally {
            wb.dispose(); // the temporary files of the streamed rows
            wb.close();
        }
    }

    private static void summary(
            SXSSFSheet sheet, ExcelStyles styles, OverdueReport report, Texts texts, String title, String subtitle) {
        SheetWriter w = new SheetWriter(sheet, styles, 13);
        w.line(title, styles.title, 28);
        w.line(subtitle, styles.subtitle, 18);
        w.skip();
        int header = w.rowIndex();
        w.header(
                texts.msg("report.col.department"),
                texts.msg("report.col.item"),
                texts.msg("report.col.open"),
                texts.msg("report.col.supervised"),
                texts.msg("report.col.stepOverdue"),
                texts.msg("report.col.overdue"),
                texts.msg("report.col.dueSoon"),
                texts.msg("report.col.concluded"),
                texts.msg("report.col.concludedOnTime"),
                texts.msg("report.col.onTimeRate"),
                texts.msg("report.col.overdueRate"),
                texts.msg("report.col.rank"),
                texts.msg("report.col.lateEntries"));
        section(w, styles, texts.msg("report.section.byDepartment"), report.byDepartment());
        total(w, styles, report.totals());
        section(w, styles, texts.msg("report.section.byItem"), report.byDepartmentItem());
        section(w, styles, texts.msg("report.section.byTownship"), report.byTownship());
        total(w, styles, report.totals());
        w.finish(header, false, w.rowIndex() - 1);
    }

    /**
     * One section (by department, item or township) with each row's overdue rate and its rank in the
     * section: the higher the on-time rate, then the lower the overdue rate, the better; a group
     * with nothing concluded and nothing open is not ranked.
     */
    private static void section(SheetWriter w, ExcelStyles styles, String name, List<SummaryRow> rows) {
        w.values(styles.section, styles.section, styles.section, name);
        Map<SummaryRow, Integer> rank = ranks(rows);
        for (SummaryRow r : rows) {
            w.values(
                    styles.text,
                    styles.integer,
                    styles.percent,
                    r.group(),
                    r.subgroup(),
                    r.open(),
                    r.supervised(),
                    r.stepOverdue(),
                    r.overdue(),
                    r.dueSoon(),
                    r.concluded(),
                    r.concludedOnTime(),
                    new SheetWriter.Share(r.onTimeRate()),
                    new SheetWriter.Share(r.overdueRate()),
                    rank.get(r),
                    r.lateEntries());
        }
    }

    static Map<SummaryRow, Integer> ranks(List<SummaryRow> rows) {
        Comparator<SummaryRow> better = Comparator.comparingDouble(
                        (SummaryRow r) -> Double.isNaN(r.onTimeRate()) ? -1 : r.onTimeRate())
                .reversed()
                .thenComparingDouble(r -> Double.isNaN(r.overdueRate()) ? 2 : r.overdueRate());
        List<SummaryRow> ranked = rows.stream()
                .filter(r -> r.concluded() > 0 || r.open() > 0)
                .sorted(better)
                .toList();
        Map<SummaryRow, Integer> rank = new IdentityHashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            // equal figures share a rank (1, 2, 2, 4)
            rank.put(
                    ranked.get(i),
                    i > 0 && better.compare(ranked.get(i - 1), ranked.get(i)) == 0
                            ? rank.get(ranked.get(i - 1))
                            : i + 1);
        }
        return rank;
    }

    private static void total(SheetWriter w, ExcelStyles styles, SummaryRow t) {
        w.values(
                styles.totalText,
                styles.totalInteger,
                styles.totalPercent,
                t.group(),
                null,
                t.open(),
                t.supervised(),
                t.stepOverdue(),
                t.overdue(),
                t.dueSoon(),
                t.concluded(),
                t.concludedOnTime(),
                new SheetWriter.Share(t.onTimeRate()),
                new SheetWriter.Share(t.overdueRate()),
                null,
                t.lateEntries());
    }

    private static void detail(
            SXSSFSheet sheet, ExcelStyles styles, List<OverdueRow> rows, Texts texts, String title, String subtitle) {
        SheetWriter w = new SheetWriter(sheet, styles, DETAIL_COLUMNS);
        w.line(title, styles.title, 28);
        w.line(subtitle, styles.subtitle, 18);
        int header = w.rowIndex();
        w.header(
                texts.msg("report.col.no"),
                texts.msg("report.col.ticketNo"),
                texts.msg("report.col.item"),
                texts.msg("report.col.department"),
                texts.msg("report.col.township"),
                texts.msg("report.col.village"),
                texts.msg("report.col.applicant"),
                texts.msg("report.col.idNumber"),
                texts.msg("report.col.step"),
                texts.msg("report.col.responsible"),
                texts.msg("report.col.submitted"),
                texts.msg("report.col.daysOpen"),
                texts.msg("report.col.pausedDays"),
                texts.msg("report.col.stepDue"),
                texts.msg("report.col.daysPastStep"),
                texts.msg("report.col.daysSupervised"),
                texts.msg("report.col.state"),
                texts.msg("report.col.repeat"));
        int n = 0;
        for (OverdueRow r : rows) {
            w.values(
                    styles.text,
                    styles.integer,
                    styles.percent,
                    ++n,
                    r.ticketNo(),
                    r.itemName(),
                    r.departmentName(),
                    r.townshipName(),
                    r.villageName(),
                    r.applicantName(),
                    r.maskedIdNumber(),
                    r.stepName(),
                    r.responsibleUnit(),
                    r.submittedAt(),
                    r.daysOpen(),
                    r.pausedDays(),
                    r.stepDue() == null ? null : new SheetWriter.Due(r.stepDue()),
                    r.daysPastStep(),
                    r.daysSupervised(),
                    r.stateName(),
                    r.noticedBefore() ? texts.msg("report.repeat.yes") : null);
        }
        w.finish(header, true, w.rowIndex() - 1);
    }
}
