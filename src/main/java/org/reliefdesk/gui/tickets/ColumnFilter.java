package org.reliefdesk.gui.tickets;

import org.reliefdesk.logic.clock.TicketClock;
import org.reliefdesk.model.Ticket;

/**
 * A column the list can be narrowed by, to one of its values (服务事项 = 农村饮水安全): the code a
 * ticket holds there. Chosen from 视图 → 按列筛选, kept in saved views.
 */
public enum ColumnFilter {
    ITEM("column.item"),
    STEP("column.step"),
    TOWNSHIP("column.township"),
    LADDER("column.ladder");

    private final String labelKey;

    ColumnFilter(String labelKey) {
        this.labelKey = labelKey;
    }

    /** The bundle key of the column's name. */
    public String labelKey() {
        return labelKey;
    }

    /** The ticket's code in this column (its clock's shown state for the time limit). */
    public String codeOf(Ticket t, TicketClock clock) {
        return switch (this) {
            case ITEM -> t.itemCode();
            case STEP -> t.currentStep();
            case TOWNSHIP -> t.township().code();
            case LADDER -> clock == null ? "" : clock.shownState();
        };
    }
}
