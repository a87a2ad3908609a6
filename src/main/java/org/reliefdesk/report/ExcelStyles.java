package org.reliefdesk.report;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The one fixed set of cell styles of a workbook (Excel allows about 64,000; creating one per
 * cell is the classic way to break a large export). Fonts are 宋体, as official tables are.
 */
final class ExcelStyles {

    static final String FONT = "宋体";

    final CellStyle title;
    final CellStyle subtitle;
    final CellStyle header;
    final CellStyle section;
    final CellStyle text;
    final CellStyle integer;
    final CellStyle dateTime;
    /** A deadline at the end of a day: its last second, shown as the day and "24:00" (as the PDF and the workbench write it). */
    final CellStyle endOfDay;

    final CellStyle percent;
    final CellStyle totalText;
    final CellStyle totalInteger;
    final CellStyle totalPercent;

    ExcelStyles(Workbook wb) {
        Font titleFont = font(wb, 16, true);
        Font bold = font(wb, 11, true);
        Font plain = font(wb, 11, false);
        title = wb.createCellStyle();
        title.setFont(titleFont);
        title.setAlignment(HorizontalAlignment.CENTER);
        title.setVerticalAlignment(VerticalAlignment.CENTER);
        subtitle = wb.createCellStyle();
        subtitle.setFont(plain);
        section = wb.createCellStyle();
        section.setFont(bold);
        header = bordered(wb, bold);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setWrapText(true);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        text = bordered(wb, plain);
        text.setWrapText(true); // a long item or village name wraps within its column
        text.setVerticalAlignment(VerticalAlignment.CENTER);
        integer = bordered(wb, plain);
        integer.setDataFormat(wb.createDataFormat().getFormat("0"));
        dateTime = bordered(wb, plain);
        dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        dateTime.setAlignment(HorizontalAlignment.CENTER);
        endOfDay = bordered(wb, plain);
        endOfDay.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd\" 24:00\""));
        endOfDay.setAlignment(HorizontalAlignment.CENTER);
        percent = bordered(wb, plain);
        percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
        totalText = bordered(wb, bold);
        totalInteger = bordered(wb, bold);
        totalInteger.setDataFormat(wb.createDataFormat().getFormat("0"));
        totalPercent = bordered(wb, bold);
        totalPercent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
    }

    private static Font font(Workbook wb, int points, boolean bold) {
        Font f = wb.createFont();
        f.setFontName(FONT);
        f.setFontHeightInPoints((short) points);
        f.setBold(bold);
        return f;
    }

    private static CellStyle bordered(Workbook wb, Font font) {
        CellStyle s = wb.createCellStyle();
        s.setFont(font);
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        return s;
    }
}
