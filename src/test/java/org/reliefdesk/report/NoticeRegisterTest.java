package org.reliefdesk.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.cli.CliRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The notice register, through the command line on the sample county: every notice issued gets a
 * number of its own — a county-wide run and a department's run share none — a reprint keeps its
 * number, a ticket noticed on an earlier date and still overdue is 再次督办 (in the notice, first in
 * the 通报, marked in the workbook), and the letterhead is the office's own.
 */
class NoticeRegisterTest {

    @TempDir
    static Path dir;

    static Path data;

    private static final Pattern NUMBER = Pattern.compile("(\\p{IsHan}+)〔(\\d{4})〕(\\d+)号");

    @BeforeAll
    static void sampleCounty() {
        data = sampleIn("data");
    }

    /** A data directory of its own under the test's folder, the sample county imported into it. */
    private static Path sampleIn(String name) {
        Path into = dir.resolve(name);
        CliRun imported = CliRun.of(
                "import",
                "--file",
                Path.of("sample-data", "luquan-2021-11-23.jsonl").toString(),
                "--data-dir",
                into.toString());
        assertEquals(0, imported.code(), imported.err());
        return into;
    }

    private static String pdfText(String name, String... options) throws Exception {
        return pdfText(data, name, options);
    }

    /** The text of the notices made from {@code dataDir} with {@code options}. */
    private static String pdfText(Path dataDir, String name, String... options) throws Exception {
        Path pdf = dir.resolve(name + ".pdf");
        List<String> args = new ArrayList<>(List.of(
                "report", "overdue", "--format", "pdf", "--out", pdf.toString(), "--data-dir", dataDir.toString()));
        Collections.addAll(args, options);
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** The notice numbers in a print, in order, each once (the attachment repeats its letter's number). */
    private static List<String> numbers(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            if (!found.contains(m.group())) {
                found.add(m.group());
            }
        }
        return found;
    }

    @Test
    void runsShareNoNumberAReprintKeepsItsOwnAndRepeatedTicketsComeFirst() throws Exception {
        // the week before: these notices name tickets that are still overdue on 11-23
        List<String> earlier = numbers(pdfText("earlier", "--as-of", "2021-11-16"));
        assertFalse(earlier.isEmpty());

        List<String> county = numbers(pdfText("county", "--as-of", "2021-11-23"));
        List<String> water = numbers(pdfText("water", "--as-of", "2021-11-23", "--department", "WATER"));
        assertFalse(
                water.isEmpty(), "the water department's run has notices (its own, and townships' for verification)");
        for (String n : water) {
            assertFalse(county.contains(n), n + " is the county-wide run's number too");
        }
        for (String n : county) {
            assertFalse(earlier.contains(n), n + " was the earlier run's number too");
        }
        List<Integer> serials = new ArrayList<>();
        for (String n : numbers(
                String.join("\n", earlier) + "\n" + String.join("\n", county) + "\n" + String.join("\n", water))) {
            Matcher m = NUMBER.matcher(n);
            assertTrue(m.matches());
            assertEquals("救助督", m.group(1));
            serials.add(Integer.parseInt(m.group(3)));
        }
        assertEquals(serials.size(), serials.stream().distinct().count(), "no number given twice: " + serials);

        String again = pdfText("reprint", "--as-of", "2021-11-23");
        assertEquals(county, numbers(again), "a reprint keeps its numbers");
        assertTrue(again.contains("关于再次督办超期未办结救助事项的通知"), "tickets noticed on 11-16 are supervised again");

        Path summary = dir.resolve("summary.pdf");
        assertEquals(
                0,
                CliRun.of(
                                "report",
                                "overdue",
                                "--as-of",
                                "2021-11-23",
                                "--format",
                                "pdf",
                                "--pdf",
                                "summary",
                                "--out",
                                summary.toString(),
                                "--data-dir",
                                data.toString())
                        .code());
        try (PDDocument doc = Loader.loadPDF(summary.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s", "");
            assertEquals(1, doc.getNumberOfPages());
            Matcher repeated = Pattern.compile("本期再次督办(\\d+)件").matcher(text);
            assertTrue(repeated.find(), text);
            assertTrue(Integer.parseInt(repeated.group(1)) > 0);
            assertTrue(text.contains("较上期"), "compared with the previous period");
        }

        Path xlsx = dir.resolve("overdue.xlsx");
        assertEquals(
                0,
                CliRun.of(
                                "report",
                                "overdue",
                                "--as-of",
                                "2021-11-23",
                                "--format",
                                "xlsx",
                                "--out",
                                xlsx.toString(),
                                "--data-dir",
                                data.toString())
                        .code());
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            XSSFSheet detail = wb.getSheet("超期明细");
            assertEquals("再次督办", detail.getRow(2).getCell(17).getStringCellValue());
            int marked = 0;
            for (int i = 3; i <= detail.getLastRowNum(); i++) {
                Row row = detail.getRow(i);
                if (row.getCell(17) != null && "是".equals(row.getCell(17).getStringCellValue())) {
                    marked++;
                }
            }
            assertTrue(marked > 0, "repeated tickets are marked in the workbook");
        }
    }

    /**
     * A notice first made in English keeps its number, and printed in Chinese it reads 救助督, not
     * the English default: the default abbreviation is said in the reader's language. Before, the
     * register kept "Relief Supervision" and the Chinese letter read "Relief Supervision〔2026〕1号".
     */
    @Test
    void aNoticeFirstMadeInEnglishReadsInChineseUnderTheChineseAbbreviation() throws Exception {
        Path other = sampleIn("english-first");
        List<String> inEnglish = new ArrayList<>();
        Matcher m = Pattern.compile("Relief\\s+Supervision\\s+\\[(\\d{4})\\]\\s+No\\.\\s+(\\d+)")
                .matcher(pdfText(other, "english-first", "--as-of", "2021-11-23", "--lang", "en"));
        while (m.find()) {
            String number = m.group(1) + "/" + m.group(2);
            if (!inEnglish.contains(number)) {
                inEnglish.add(number);
            }
        }
        assertFalse(inEnglish.isEmpty(), "the English letters' numbers");

        String text = pdfText(other, "chinese-after", "--as-of", "2021-11-23");
        assertFalse(text.contains("Relief"), "no English abbreviation in the Chinese letters");
        List<String> inChinese = new ArrayList<>();
        for (String n : numbers(text)) {
            Matcher c = NUMBER.matcher(n);
            assertTrue(c.matches());
            assertEquals("救助督", c.group(1), n);
            inChinese.add(c.group(2) + "/" + c.group(3));
        }
        assertEquals(inEnglish, inChinese, "a reprint in Chinese keeps the numbers given in English");
    }

    @Test
    void theLetterheadIsTheOfficesOwnAndABadValueChangesNothing() throws Exception {
        Path other = sampleIn("letterhead-data");
        CliRun set = CliRun.of(
                "report",
                "letterhead",
                "--issuer",
                "禄劝彝族苗族自治县人民政府督查室",
                "--agency",
                "禄督查",
                "--contact",
                "张明",
                "--phone",
                "0871-68123456",
                "--reply-days",
                "5",
                "--data-dir",
                other.toString());
        assertEquals(0, set.code(), set.err());
        CliRun bad = CliRun.of(
                "report", "letterhead", "--phone", "12345", "--contact", "李四", "--data-dir", other.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("联系电话"), bad.err());
        CliRun shown = CliRun.of("report", "letterhead", "--data-dir", other.toString());
        assertTrue(shown.out().contains("联系人: 张明"), "the bad run changed nothing: " + shown.out());
        Path pdf = dir.resolve("own.pdf");
        assertEquals(
                0,
                CliRun.of(
                                "report",
                                "overdue",
                                "--as-of",
                                "2021-11-23",
                                "--format",
                                "pdf",
                                "--out",
                                pdf.toString(),
                                "--data-dir",
                                other.toString())
                        .code());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s", "");
            assertTrue(text.contains("禄劝彝族苗族自治县人民政府督查室"));
            assertTrue(text.contains("禄督查〔"), "the office's abbreviation in the number");
            assertTrue(text.contains("联系人：张明，联系电话：0871-68123456。"), text.substring(0, 400));
        }
    }
}
