package org.reliefdesk.gui.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.gui.session.AppConfig;
import org.reliefdesk.gui.session.TestWorkspaces;
import org.reliefdesk.gui.session.Workspace;
import org.reliefdesk.gui.tickets.WorkbenchViewModel;
import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.sample.DemoUsers;
import org.reliefdesk.model.Ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 办理单 preview's view model: sheets made from the stored histories, named and saved, without a window. */
class TicketSheetViewModelTest {

    @TempDir
    Path dir;

    @Test
    void theSheetsOfTheChosenTicketsAreMadeAndSavedWhereThePersonChose() throws Exception {
        Path chosen = dir.resolve("out").resolve("sheets.pdf");
        Files.createDirectories(chosen.getParent());
        AppConfig.FileSaver saver = (owner, name, extension) -> Optional.of(chosen);
        try (Workspace w = TestWorkspaces.demo(
                dir.resolve("data"), 200, Texts.CHINESE, AppConfig.Central.OFF, saver, owner -> List.of())) {
            WorkbenchViewModel workbench = new WorkbenchViewModel(w, DemoUsers.WATER_CLERK);
            workbench.reload();
            List<Ticket> two = workbench.list().visible().subList(0, 2);
            TicketSheetViewModel vm = new TicketSheetViewModel(workbench, two);
            assertEquals("工单办理单 — " + two.get(0).ticketNo() + " 等 2 件", vm.title());
            assertEquals("工单办理单-" + two.get(0).ticketNo() + "等2件.pdf", vm.suggestedName());
            vm.make();
            assertFalse(vm.busyProperty().get());
            int pages = vm.pagesProperty().get().size();
            assertTrue(pages >= 2, "one sheet or more per ticket: " + pages);
            assertEquals("共 2 件工单，" + pages + " 页", vm.messageProperty().get());
            vm.save(null);
            assertTrue(
                    vm.messageProperty().get().contains(chosen.toString()),
                    vm.messageProperty().get());
            try (PDDocument doc = Loader.loadPDF(chosen.toFile())) {
                String text = new PDFTextStripper().getText(doc);
                assertEquals(pages, doc.getNumberOfPages());
                for (Ticket t : two) {
                    assertTrue(text.contains("工单编号 " + t.ticketNo()), "each sheet names its ticket");
                }
                // the people who acted, as the workbench names them, and the one who printed
                assertTrue(text.contains("平台（自动派单）"), text);
                assertTrue(text.contains("打印人：" + DemoUsers.WATER_CLERK.displayName()), text);
            }
        }
    }

    @Test
    void nothingIsSavedWhenThePersonCancelsTheFileChoice() throws Exception {
        try (Workspace w = TestWorkspaces.demo(
                dir.resolve("data"),
                50,
                Texts.CHINESE,
                AppConfig.Central.OFF,
                (o, n, e) -> Optional.empty(),
                owner -> List.of())) {
            WorkbenchViewModel workbench = new WorkbenchViewModel(w, DemoUsers.WATER_CLERK);
            workbench.reload();
            TicketSheetViewModel vm = new TicketSheetViewModel(
                    workbench, workbench.list().visible().subList(0, 1));
            vm.save(null);
            assertNull(vm.pagesProperty().get(), "nothing made yet, nothing to save");
            vm.make();
            String made = vm.messageProperty().get();
            vm.save(null);
            assertEquals(made, vm.messageProperty().get(), "a cancelled choice says nothing new");
            try (var files = Files.list(dir)) {
                assertEquals(List.of(dir.resolve("data")), files.toList(), "no file beside the data");
            }
        }
    }
}
