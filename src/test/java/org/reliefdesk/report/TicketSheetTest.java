package org.reliefdesk.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import net.sf.jasperreports.engine.JasperPrint;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.logic.calendar.CalendarLoader;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.clock.TicketClocks;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.interchange.TicketLineCodec;
import org.reliefdesk.logic.workflow.AppliedAction;
import org.reliefdesk.logic.workflow.WorkflowEngine;
import org.reliefdesk.model.ChinaTime;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.TestTickets;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketEvent;
import org.reliefdesk.model.TicketHistory;
import org.reliefdesk.model.User;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 工单办理单 of sample tickets, written as PDF and read back as a person reads it. */
class TicketSheetTest {

    private static final Instant PRINTED = Instant.parse("2021-11-23T02:30:00Z");
    private static final Catalog CATALOG = CatalogLoader.loadBuiltIn();
    private static List<TicketHistory> sample;

    @TempDir
    Path dir;

    @BeforeAll
    static void readSample() throws Exception {
        TicketLineCodec codec = new TicketLineCodec(CATALOG);
        try (Stream<String> lines = Files.lines(Path.of("sample-data", "luquan-2021-11-23.jsonl"))) {
            sample = lines.limit(400).map(codec::readTrusted).toList();
        }
    }

    private static TicketSheetPdf.Sheet sheet(TicketHistory h, TicketClocks clocks) {
        return new TicketSheetPdf.Sheet(h, clocks.compute(h.ticket(), h.events(), PRINTED));
    }

    private static TicketClocks clocks(Path dir) {
        return new TicketClocks(CATALOG, CalendarLoader.load(dir));
    }

    private String text(JasperPrint print) throws Exception {
        Path pdf = dir.resolve("sheet-" + System.nanoTime() + ".pdf");
        ReportMaker.writePdf(print, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void aSupervisedTicketPrintsItsParticularsEveryEntryAfterSubmissionAndPlacesToSign() throws Exception {
        TicketClocks clocks = clocks(dir);
        TicketHistory h = sample.stream()
                .filter(x -> clocks.compute(x.ticket(), x.events(), PRINTED).state() == LadderState.SUPERVISED)
                .filter(x -> x.events().size() >= 4)
                .findFirst()
                .orElseThrow();
        Ticket t = h.ticket();
        Texts zh = new Texts(Texts.CHINESE);
        JasperPrint print =
                TicketSheetPdf.fill(List.of(sheet(h, clocks)), CATALOG, zh, a -> "办理人" + a.length(), "李明", PRINTED);
        String text = text(print);
        assertTrue(text.contains("工单办理单"), text);
        assertTrue(text.contains(t.ticketNo()));
        assertTrue(text.contains(t.applicant().name()));
        assertTrue(text.contains(t.applicant().maskedIdNumber()), "the ID number masked");
        assertFalse(text.contains(t.applicant().idNumber()), "never the whole ID number");
        assertTrue(text.contains(CATALOG.itemName(t.itemCode(), zh.locale())));
        assertTrue(text.contains("督办（自"), "where it stands on the ladder, and since when: " + text);
        assertTrue(text.contains("打印人：李明"));
        assertTrue(text.contains("2021-11-23 10:30"), "printed at, China time");
        assertTrue(text.contains("经办人（签字）") && text.contains("分管领导意见"), "places to sign");
        assertTrue(text.contains("第 1 页　共 " + print.getPages().size() + " 页"), text);
        // every entry after the submission is a numbered row; the submission is the request above
        long entries = h.events().stream()
                .filter(e -> e.fromStep() != null || TicketEvent.DISPATCH.equals(e.action()))
                .count();
        for (TicketEvent e : h.events().subList(1, h.events().size())) {
            assertTrue(text.contains(CATALOG.actionName(e.action(), zh.locale())), e.action());
        }
        assertTrue(text.contains("\n" + entries + " "), "the last entry is number " + entries + ": " + text);
        assertFalse(text.contains("\n" + (entries + 1) + " "), "no more entries than the history holds");
    }

    @Test
    void severalTicketsPrintAsOneRunWithEachSheetCountingItsOwnPages() throws Exception {
        TicketClocks clocks = clocks(dir);
        List<TicketSheetPdf.Sheet> three = new ArrayList<>();
        sample.subList(0, 3).forEach(h -> three.add(sheet(h, clocks)));
        Texts en = new Texts(Locale.ENGLISH);
        JasperPrint print = TicketSheetPdf.fill(three, CATALOG, en, a -> a, "Li Ming", PRINTED);
        String text = text(print);
        assertEquals(3, print.getParts().partCount(), "one part per ticket");
        for (TicketSheetPdf.Sheet s : three) {
            assertTrue(text.contains("Ticket " + s.history().ticket().ticketNo()), "its number on its pages");
        }
        assertTrue(text.contains("Ticket handling sheet") && text.contains("Clerk (signature)"), text);
        assertFalse(text.contains("工单办理单") || text.contains("经办人"), "an English sheet has no Chinese label");
        assertEquals(
                "ticket-sheets-" + three.get(0).history().ticket().ticketNo() + "-3-in-all.pdf",
                TicketSheetPdf.fileName(
                        three.stream().map(s -> s.history().ticket().ticketNo()).toList(), en));
    }

    @Test
    void aTransferredTicketPrintsTheItemItLeftAndARareNameInBothLanguages() throws Exception {
        TicketClocks clocks = clocks(dir);
        TicketHistory h = sample.stream()
                .filter(x -> x.ticket().itemCode().equals("drinking_water"))
                .filter(x -> x.ticket().currentStep().equals("acceptance")
                        && x.ticket().dispatchedAt() != null)
                .findFirst()
                .orElseThrow();
        Ticket t = h.ticket();
        Ticket rare = TestTickets.namedFor(t, "杨㛃堃赟");
        AppliedAction moved = new WorkflowEngine(CATALOG, Clock.fixed(PRINTED, ChinaTime.ZONE))
                .apply(
                        rare,
                        h.events(),
                        new User("water.clerk", "李水清", Role.CLERK, "530128", "WATER", null),
                        "transfer",
                        Map.of("item", "house_renovation", "reason", "房屋漏雨"),
                        null);
        List<TicketEvent> events = new ArrayList<>(h.events());
        events.add(moved.event());
        TicketSheetPdf.Sheet sheet = sheet(new TicketHistory(moved.ticket(), events), clocks);
        for (Texts texts : List.of(new Texts(Texts.CHINESE), new Texts(Locale.ENGLISH))) {
            JasperPrint print = TicketSheetPdf.fill(List.of(sheet), CATALOG, texts, a -> a, "李明", PRINTED);
            // kept for a look with pdftoppm
            Path kept =
                    Path.of("target", "sheets", "transferred-" + texts.locale().getLanguage() + ".pdf");
            Files.createDirectories(kept.getParent());
            ReportMaker.writePdf(print, kept);
            String text = text(print).replaceAll("\\s+", "");
            assertTrue(text.contains("杨㛃堃赟"), "every character of the name prints: " + text);
            boolean zh = texts.locale().getLanguage().equals("zh");
            assertTrue(text.contains(zh ? "原事项：农村饮水安全" : "Itemleft:ruraldrinking-watersafety"), text);
            assertTrue(text.contains(zh ? "转派至事项：农村危房改造" : "Transfertoitem:ruraldilapidated"), text);
        }
    }

    @Test
    void aNameTheFontsCannotPrintStopsTheSheetNamingTheTicketAndNothingElseIsMade() {
        TicketClocks clocks = clocks(dir);
        TicketHistory h = sample.get(0);
        Ticket t = h.ticket();
        Ticket odd = TestTickets.namedFor(t, "𠮷田");
        Texts zh = new Texts(Texts.CHINESE);
        InvalidFieldException e = assertThrows(
                InvalidFieldException.class,
                () -> TicketSheetPdf.fill(
                        List.of(sheet(new TicketHistory(odd, h.events()), clocks)),
                        CATALOG,
                        zh,
                        a -> a,
                        "李明",
                        PRINTED));
        assertEquals("applicant.name", e.field());
        assertTrue(zh.describe(e).contains(t.ticketNo()), zh.describe(e));
        InvalidFieldException none = assertThrows(
                InvalidFieldException.class, () -> TicketSheetPdf.fill(List.of(), CATALOG, zh, a -> a, "李明", PRINTED));
        assertEquals("rule.sheet.none", none.rule());
    }
}
