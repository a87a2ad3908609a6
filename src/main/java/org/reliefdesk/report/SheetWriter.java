package org.reliefdesk.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.reliefdesk.model.ChinaTime;

/**
 * Writes one sheet row by row (streaming-friendly: rows only grow) and remembers how wide each
 * column's text is, counting a Chinese character as two, because POI's own autosize cannot be
 * used on a streamed sheet and measures CJK text too narrow.
 */
final class SheetWriter {

    /** The widest column, in Latin characters; longer texts wrap (a readable print scale on A4). */
    private static final int MAX_CHARS = 24;

    /** The height of one line of 10-point text in a row. */
    private static final float LINE_POINTS = 14.5f;

    private final Sheet sheet;
    private final ExcelStyles styles;
    private final int[] widths;
    private int next;

    SheetWriter(Sheet sheet, ExcelStyles styles, int columns) {
        this.sheet = sheet;
        this.styles = styles;
        this.widths = new int[columns];
    }

    int rowIndex() {
        return next;
    }

    Row row() {
        return sheet.createRow(next++);
    }

    void skip() {
        next++;
    }

    /** A merged line across all columns (title or subtitle); not counted for column widths. */
    void line(String text, CellStyle style, float height) {
        Row r = row();
        r.setHeightInPoints(height);
        Cell c = r.createCell(0);
        c.setCellValue(text);
        c.setCellStyle(style);
        if (widths.length > 1) {
            sheet.addMergedRegion(new CellRangeAddress(r.getRowNum(), r.getRowNum(), 0, widths.length - 1));
        }
    }

    /** One row of values: text, whole numbers, shares (percent), instants (as Excel dates, China time). */
    void values(CellStyle textStyle, CellStyle numberStyle, CellStyle percentStyle, Object... values) {
        Row r = row();
        int lines = 1;
        for (int i = 0; i < values.length; i++) {
            put(r, i, values[i], textStyle, numberStyle, percentStyle);
            if (values[i] instanceof String text) {
                // a text wider than the widest column wraps: the row grows to show every line
                lines = Math.max(lines, (displayWidth(text) + MAX_CHARS - 3) / (MAX_CHARS - 2));
            }
        }
        if (lines > 1) {
            r.setHeightInPoints(lines * LINE_POINTS);
        }
    }

    void put(Row r, int column, Object v, CellStyle textStyle, CellStyle numberStyle, CellStyle percentStyle) {
        Cell c = r.createCell(column);
        if (v == null) {
            c.setCellStyle(textStyle);
        } else if (v instanceof Share share) {
            if (!Double.isNaN(share.value())) {
                c.setCellValue(share.value());
            }
            c.setCellStyle(percentStyle);
            measure(column, "100.0%");
        } else if (v instanceof Number n) {
            c.setCellValue(n.doubleValue());
            c.setCellStyle(numberStyle);
            measure(column, String.valueOf(n.longValue()));
        } else if (v instanceof Due due) {
            LocalDateTime t = LocalDateTime.ofInstant(due.at(), ChinaTime.ZONE);
            boolean endOfDay = t.toLocalTime().equals(LocalTime.MIDNIGHT);
            // the end of a day is its last second, written "24:00": sorts right, reads as the PDF reads
            c.setCellValue(endOfDay ? t.minusSeconds(1) : t);
            c.setCellStyle(endOfDay ? styles.endOfDay : styles.dateTime);
            measure(column, "2026-11-28 24:00");
        } else if (v instanceof Instant at) {
            c.setCellValue(LocalDateTime.ofInstant(at, ChinaTime.ZONE));
            c.setCellStyle(styles.dateTime);
            measure(column, "2026-11-28 09:00");
        } else if (v instanceof LocalDate d) {
            c.setCellValue(d);
            c.setCellStyle(styles.dateTime);
            measure(column, "2026-11-28 09:00");
        } else {
            String s = v.toString();
            c.setCellValue(s);
            c.setCellStyle(textStyle);
            measure(column, s);
        }
    }

    /** A header row; its labels count for the widths too. */
    void header(String... labels) {
        Row r = row();
        r.setHeightInPoints(30);
        for (int i = 0; i < labels.length; i++) {
            Cell c = r.createCell(i);
            c.setCellValue(labels[i]);
            c.setCellStyle(styles.header);
            measure(i, labels[i]);
        }
    }

    void measure(int column, String s) {
        if (column < widths.length) {
            widths[column] = Math.max(widths[column], displayWidth(s));
        }
    }

    /** Width in Latin characters: CJK and full-width characters count as two. */
    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += Character.isIdeographic(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF)
                    ? 2
                    : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    /**
     * Column widths from the text written; frozen rows above {@code headerRow + 1}; the header
     * repeated on every printed page; A4 landscape, fitted to the page width; the page number and
     * count in the footer ("3 / 12").
     */
    void finish(int headerRow, boolean filter, int lastRow) {
        for (int i = 0; i < widths.length; i++) {
            int chars = Math.min(MAX_CHARS, Math.max(6, widths[i] + 2));
            sheet.setColumnWidth(i, chars * 256);
        }
        sheet.createFreezePane(0, headerRow + 1);
        if (filter && lastRow > headerRow) {
            sheet.setAutoFilter(new CellRangeAddress(headerRow, lastRow, 0, widths.length - 1));
        }
        sheet.setRepeatingRows(new CellRangeAddress(0, headerRow, 0, widths.length - 1));
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
        sheet.getFooter().setCenter("&P / &N");
    }

    /** A deadline (the first late instant), written as people write it: the end of a day is that day's 24:00. */
    record Due(Instant at) {}

    /** A share from 0 to 1, written as a percent; NaN leaves the cell empty. */
    record Share(double value) {}
}
