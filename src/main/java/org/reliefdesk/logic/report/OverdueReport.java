package org.reliefdesk.logic.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The supervision report of overdue items for one scope as of one date: every open ticket that
 * was step-overdue or supervised then, and counts by department × item, by department, by
 * township and in total. {@code asOf} is the moment counted (the end of the day, or now for
 * today); {@code generatedAt} when the report was made.
 */
public record OverdueReport(String countyCode, String countyName, String scopeTitle, LocalDate asOfDate, Instant asOf,
                            Instant generatedAt, List<OverdueRow> rows, List<SummaryRow> byDepartmentItem,
                            List<SummaryRow> byDepartment, List<SummaryRow> byTownship, SummaryRow totals) {

    public long supervisedRows() {
        return rows.stream().filter(r -> r.state() == org.reliefdesk.logic.clock.LadderState.SUPERVISED).count();
    }
}
