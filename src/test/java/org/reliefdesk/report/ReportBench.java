package org.reliefdesk.report;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import net.sf.jasperreports.engine.JasperPrint;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.report.OverdueReport;
import org.reliefdesk.logic.report.OverdueRow;
import org.reliefdesk.logic.report.ReportScope;
import org.reliefdesk.logic.report.SummaryRow;
import org.reliefdesk.model.ChinaTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark (mvn -Pbench verify -Dtest=ReportBench; measures, asserts nothing): the Excel report
 * of 100,000 overdue rows against a raw SXSSF write of the same cells in the same run, and the
 * supervision-notice PDF of 10,000 rows; time and peak heap of each. Results in
 * {@code target/bench/reports.txt}.
 */
class ReportBench {

    private static final Logger LOG = LoggerFactory.getLogger(ReportBench.class);
    private static final Texts ZH = new Texts(Texts.CHINESE);
    private static final String[] ITEMS = {"临时救助", "低保", "找工作", "农村饮水安全", "农村危房改造", "大病专项救治", "参保登记"};
    private static final String[] DEPARTMENTS = {"民政", "民政", "人社", "水利", "住建", "卫健", "医保"};
    private static final String[] CODES = {"CIVIL", "CIVIL", "HRSS", "WATER", "HOUSING", "HEALTH", "MEDINS"};

    static OverdueReport report(int n) {
        Instant base = Instant.parse("2026-09-01T01:00:00Z");
        List<OverdueRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int k = i % ITEMS.length;
            rows.add(new OverdueRow(
                    String.format("530128202609%06d", i),
                    "item" + k,
                    ITEMS[k],
                    CODES[k],
                    DEPARTMENTS[k],
                    "530128" + String.format("%03d", i % 16 + 1),
                    "乡镇" + (i % 16 + 1),
                    "某某村委会",
                    "张" + (i % 100),
                    "530128**********1X",
                    "现场核查",
                    "县" + DEPARTMENTS[k] + "部门",
                    base.plusSeconds(i * 60L),
                    20 + i % 60,
                    i % 3,
                    base.plusSeconds(i * 60L + 86_400 * 5),
                    1 + i % 50,
                    i % 4 == 0 ? 0 : 1 + i % 40,
                    i % 4 == 0 ? LadderState.STEP_OVERDUE : LadderState.SUPERVISED,
                    i % 4 == 0 ? "环节超期" : "督办",
                    new OverdueRow.Responsible(false, CODES[k]),
                    i % 10 == 0));
        }
        List<SummaryRow> departments = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            departments.add(
                    new SummaryRow(DEPARTMENTS[d] + (d == 1 ? "2" : ""), null, n / 7, n / 9, n / 30, 10, 100, 50));
        }
        return new OverdueReport(
                ReportScope.county("530128"),
                "禄劝彝族苗族自治县",
                "禄劝彝族苗族自治县",
                LocalDate.of(2026, 11, 27),
                Instant.parse("2026-11-27T15:59:59Z"),
                Instant.parse("2026-11-28T08:00:00Z"),
                rows,
                departments,
                departments,
                departments,
                new SummaryRow("合计", null, n, n / 2, n / 4, 70, 700, 350));
    }

    /** The same cells as the detail sheet, written plainly: no styles but a date format, no widths, no print setup. */
    static void rawSxssf(OverdueReport report, OutputStream out) throws Exception {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            Sheet s = wb.createSheet("raw");
            int r = 0;
            int n = 0;
            for (OverdueRow x : report.rows()) {
                Row row = s.createRow(r++);
                Object[] v = {
                    ++n,
                    x.ticketNo(),
                    x.itemName(),
                    x.departmentName(),
                    x.townshipName(),
                    x.villageName(),
                    x.applicantName(),
                    x.maskedIdNumber(),
                    x.stepName(),
                    x.responsibleUnit(),
                    x.submittedAt(),
                    x.daysOpen(),
                    x.pausedDays(),
                    x.stepDue(),
                    x.daysPastStep(),
                    x.daysSupervised(),
                    x.stateName(),
                    x.noticedBefore() ? "是" : null
                };
                for (int c = 0; c < v.length; c++) {
                    if (v[c] instanceof Number num) {
                        row.createCell(c).setCellValue(num.doubleValue());
                    } else if (v[c] instanceof Instant at) {
                        var cell = row.createCell(c);
                        cell.setCellValue(LocalDateTime.ofInstant(at, ChinaTime.ZONE));
                        cell.setCellStyle(date);
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(v[c]));
                    }
                }
            }
            wb.write(out);
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    /** Best of {@code runs} wall-clock times (after one warm-up) and the peak heap of the last run. */
    private static String measure(int runs, Work work) throws Exception {
        work.run(); // warm-up
        double best = Double.MAX_VALUE;
        long peak = 0;
        for (int i = 0; i < runs; i++) {
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP)
                    .toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long t0 = System.nanoTime();
            work.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
            peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        }
        return String.format(Locale.ROOT, "%.0f ms, peak heap %d MB", best, peak / (1024 * 1024));
    }

    @Test
    void excelAndPdf() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        List<String> lines = new ArrayList<>();
        lines.add("ReliefDesk report benchmark, " + LocalDateTime.now() + ", JDK "
                + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, "
                + "heap max " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB; best of 3 after a warm-up");
        OverdueReport big = report(100_000);
        Path xlsx = dir.resolve("bench-report.xlsx");
        Path raw = dir.resolve("bench-raw.xlsx");
        String report = measure(3, () -> {
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                OverdueWorkbook.write(big, ZH, out);
            }
        });
        String plain = measure(3, () -> {
            try (OutputStream out = Files.newOutputStream(raw)) {
                rawSxssf(big, out);
            }
        });
        lines.add("Excel report, 100,000 detail rows (+ summary sheet): " + report);
        lines.add("raw SXSSF write of the same 100,000 x 18 cells: " + plain);
        OverdueReport tenK = report(10_000);
        Path pdf = dir.resolve("bench-notices.pdf");
        int[] pages = new int[1];
        String notices = measure(2, () -> {
            JasperPrint print = OverduePdf.notices(TestRuns.of(tenK, ZH), ZH);
            pages[0] = print.getPages().size();
            try (OutputStream out = Files.newOutputStream(pdf)) {
                OverduePdf.writePdf(print, out);
            }
        });
        lines.add("PDF supervision notices, 10,000 rows (" + pages[0] + " pages, fill + export): " + notices);
        lines.forEach(l -> LOG.info("BENCH {}", l));
        Files.write(dir.resolve("reports.txt"), lines);
    }
}
