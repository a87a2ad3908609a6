package org.reliefdesk.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Any table of the workbench as a workbook ("export this queue"): the columns and rows as they
 * are shown, in the order shown, with the same styles, widths and print setup as the reports.
 * Values keep their kinds: numbers as numbers, instants as Excel dates (China time).
 */
public final class TableWorkbook {

    private TableWorkbook() {}

    public static void write(
            String sheetName,
            String title,
            String subtitle,
            List<String> headers,
            List<List<Object>> rows,
            OutputStream out)
            throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            ExcelStyles styles = new ExcelStyles(wb);
            SheetWriter w = new SheetWriter(wb.createSheet(safeSheetName(sheetName)), styles, headers.size());
            w.line(title, styles.title, 28);
            w.line(subtitle, styles.subtitle, 18);
            int header = w.rowIndex();
            w.header(headers.toArray(String[]::new));
            for (List<Object> row : rows) {
                w.values(styles.text, styles.integer, styles.percent, row.toArray());
            }
            w.finish(header, true, w.rowIndex() - 1);
            wb.write(out);
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    /** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
    static String safeSheetName(String name) {
        String s = name.replaceAll("[:\\\\/?*\\[\\]]", "_");
        return s.length() > 31 ? s.substring(0, 31) : s;
    }
}
