package org.reliefdesk.gui.tickets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reliefdesk.gui.common.DirectUiTasks;
import org.reliefdesk.logic.queue.Queue;
import org.reliefdesk.model.InvalidFieldException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person's saved views: kept under a name, read back in the next session, applied to the list. */
class SavedViewsTest {

    @TempDir
    Path dir;

    private SavedViews views(TicketList list) {
        return new SavedViews(dir, "water.clerk", new DirectUiTasks(), list);
    }

    @Test
    void aViewIsKeptUnderItsNameAndComesBackInTheNextSession() {
        TicketList list = new TicketList();
        SavedViews views = views(list);
        list.queueProperty().set(Queue.SUPERVISED);
        list.searchProperty().set("崇德");
        list.filters().put(ColumnFilter.STEP, "acceptance");
        views.save(views.current(" 督办·崇德 ", List.of("column.daysOpen:DESC"), List.of("column.sync")));
        list.queueProperty().set(Queue.ALL);
        list.searchProperty().set("");
        list.filters().clear();
        views.save(views.current("全部", List.of(), List.of()));

        TicketList next = new TicketList();
        SavedViews read = views(next);
        read.load();
        assertEquals(
                List.of("督办·崇德", "全部"),
                read.views().stream().map(SavedView::name).toList());
        SavedView first = read.views().get(0);
        assertEquals(List.of("column.daysOpen:DESC"), first.sort());
        assertEquals(Set.of("column.sync"), first.hidden());
        List<SavedView> shown = new ArrayList<>();
        read.apply(first, shown::add);
        assertEquals(Queue.SUPERVISED, next.queueProperty().get());
        assertEquals("崇德", next.searchProperty().get());
        assertEquals(Map.of(ColumnFilter.STEP, "acceptance"), next.filters(), "its column filter too");
        read.apply(read.views().get(1), shown::add);
        assertTrue(next.filters().isEmpty(), "a view without filters clears them");
        read.apply(first, v -> {});
        assertEquals(first, shown.get(0), "the table is given the view to sort and hide columns");
    }

    @Test
    void theSameNameReplacesAndDeleteRemovesOnlyThatView() {
        TicketList list = new TicketList();
        SavedViews views = views(list);
        views.save(views.current("a", List.of(), List.of()));
        views.save(views.current("b", List.of(), List.of()));
        list.searchProperty().set("lsq");
        assertTrue(views.has("a "));
        views.save(views.current("a", List.of(), List.of()));
        assertEquals(
                List.of("a", "b"), views.views().stream().map(SavedView::name).toList(), "replaced in its place");
        assertEquals("lsq", views.views().get(0).search());
        views.delete("a");
        assertEquals(List.of("b"), views.views().stream().map(SavedView::name).toList());
        SavedViews read = views(new TicketList());
        read.load();
        assertEquals(List.of("b"), read.views().stream().map(SavedView::name).toList());
    }

    @Test
    void aBlankOrLongNameIsRefusedNamingTheFieldAndNothingIsWritten() {
        SavedViews views = views(new TicketList());
        InvalidFieldException blank =
                assertThrows(InvalidFieldException.class, () -> views.save(views.current("  ", List.of(), List.of())));
        assertEquals("viewName", blank.field());
        assertEquals("rule.required", blank.rule());
        assertEquals(
                "rule.view.nameLength",
                views.refusal("x".repeat(31)).orElseThrow().rule());
        assertFalse(views.refusal("x".repeat(30)).isPresent());
        assertTrue(views.views().isEmpty());
        assertFalse(Files.exists(dir.resolve("prefs").resolve("water.clerk.views.properties")));
    }

    @Test
    void aDamagedEntryIsSkippedAndTheOthersKept() throws Exception {
        Path file = dir.resolve("prefs").resolve("water.clerk.views.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "0.name=好的\n0.queue=SUPERVISED\n1.name=坏的\n1.queue=NO_SUCH_QUEUE\n2.name=也好\n");
        SavedViews views = views(new TicketList());
        views.load();
        assertEquals(
                List.of("好的", "也好"), views.views().stream().map(SavedView::name).toList());
        assertEquals(Queue.ALL, views.views().get(1).queue(), "a view without a queue shows all");
    }
}
