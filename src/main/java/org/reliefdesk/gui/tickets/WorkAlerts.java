package org.reliefdesk.gui.tickets;

import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.reliefdesk.logic.calendar.WorkingHours;
import org.reliefdesk.logic.clock.LadderState;
import org.reliefdesk.logic.queue.WorkWatch;

/** What became the user's work since the last look, told after each load (only in office hours). */
final class WorkAlerts {

    private final ObjectProperty<WorkWatch.Alerts> alerts = new SimpleObjectProperty<>();
    private final WorkWatch watch = new WorkWatch();

    /** Looks at a loaded snapshot: new tickets of mine, and mine that turned due soon. */
    void look(ScopeSnapshot s) {
        if (s.maker() == null) {
            return;
        }
        List<WorkWatch.Seen> mine = s.tickets().stream()
                .filter(t -> s.actionable().contains(t.id()))
                .map(t -> new WorkWatch.Seen(
                        t.id(), t.ticketNo(), s.clocks().get(t.id()).state() == LadderState.DUE_SOON))
                .toList();
        WorkWatch.Alerts news =
                watch.look(mine, WorkingHours.OFFICE.contains(s.at(), s.maker().calendar()));
        if (!news.isEmpty()) {
            alerts.set(news);
        }
    }

    ObjectProperty<WorkWatch.Alerts> property() {
        return alerts;
    }
}
