package org.reliefdesk.logic.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.reliefdesk.logic.clock.LadderState;

/**
 * The supervision report of overdue items for one scope as of one date: every open ticket that
 * was step-overdue or supervised then, and counts by department × item, by department, by
 * township and in total. {@code asOf} is the moment counted (the end of the day, or now for
 * today); {@code generatedAt} when the report was made.
 */
public record OverdueReport(
        ReportScope scope,
        String countyName,
        String scopeTitle,
        LocalDate asOfDate,
        Instant asOf,
        Instant generatedAt,
        List<OverdueRow> rows,
        List<SummaryRow> byDepartmentItem,
        List<SummaryRow> byDepartment,
        List<SummaryRow> byTownship,
        SummaryRow totals) {

    /** The order of a notice's list and the 通报's cases: 再次督办 first, then 督办, then the longest open. */
    public static final Comparator<OverdueRow> URGENT_FIRST = Comparator.comparing((OverdueRow r) -> !r.noticedBefore())
            .thenComparing(r -> r.state() != LadderState.SUPERVISED)
            .thenComparing(OverdueRow::daysOpen, Comparator.reverseOrder())
            .thenComparing(OverdueRow::ticketNo);

    public String countyCode() {
        return scope.countyCode();
    }

    public long supervisedRows() {
        return rows.stream().filter(r -> r.state() == LadderState.SUPERVISED).count();
    }

    public long repeatedRows() {
        return rows.stream().filter(OverdueRow::noticedBefore).count();
    }

    /** The same report with the tickets a notice of an earlier date named marked 再次督办. */
    public OverdueReport withNoticedBefore(Set<String> ticketNos) {
        return new OverdueReport(
                scope,
                countyName,
                scopeTitle,
                asOfDate,
                asOf,
                generatedAt,
                rows.stream()
                        .map(r -> r.withNoticedBefore(ticketNos.contains(r.ticketNo())))
                        .toList(),
                byDepartmentItem,
                byDepartment,
                byTownship,
                totals);
    }
}
