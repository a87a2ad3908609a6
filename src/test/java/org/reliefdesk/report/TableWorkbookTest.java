package org.reliefdesk.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Export this table": kinds kept, widths for Chinese, a name Excel accepts. */
class TableWorkbookTest {

    @Test
    void rowsKeepTheirKindsAndChineseColumnsAreWideEnough() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableWorkbook.write(
                "全部[12]",
                "标题",
                "副标题",
                List.of("工单编号", "申请人住址", "已用天数", "提交时间"),
                List.of(List.of(
                        "530128202111230001", "云南省昆明市禄劝彝族苗族自治县屏山街道大村村委会", 12L, Instant.parse("2021-11-23T01:30:00Z"))),
                out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertEquals("全部_12_", sheet.getSheetName());
            assertEquals("530128202111230001", sheet.getRow(3).getCell(0).getStringCellValue());
            assertEquals(12.0, sheet.getRow(3).getCell(2).getNumericCellValue());
            assertTrue(DateUtil.isCellDateFormatted(sheet.getRow(3).getCell(3)));
            // 25 Chinese characters count as 50 Latin ones, not 25: wider than a column may be (24),
            // so the column is at its widest, the text wraps, and its row is tall enough for the lines
            assertEquals(24 * 256, sheet.getColumnWidth(1));
            assertTrue(sheet.getRow(3).getCell(1).getCellStyle().getWrapText());
            assertTrue(
                    sheet.getRow(3).getHeightInPoints() >= 3 * 14,
                    String.valueOf(sheet.getRow(3).getHeightInPoints()));
            assertEquals(
                    20 * 256,
                    sheet.getColumnWidth(0),
                    "a ticket number keeps its own width (18 digits and 2 of margin)");
        }
    }
}
