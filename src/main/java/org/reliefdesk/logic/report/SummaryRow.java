package org.reliefdesk.logic.report;

/**
 * Counts for one group of a report (a department and item, a department, a township, or all):
 * open tickets, of them supervised (督办), step-overdue and due soon; concluded tickets and how
 * many of those were concluded before supervision began. {@code overdue} = supervised + step
 * overdue, the number of detail rows of the group. {@code lateEntries}: tickets with an entry the
 * central store received more than a day after the time it carries (补录) — an on-time figure
 * that rests on them is worth a look.
 */
public record SummaryRow(
        String group,
        String subgroup,
        int open,
        int supervised,
        int stepOverdue,
        int dueSoon,
        int concluded,
        int concludedOnTime,
        int lateEntries) {

    public SummaryRow(
            String group,
            String subgroup,
            int open,
            int supervised,
            int stepOverdue,
            int dueSoon,
            int concluded,
            int concludedOnTime) {
        this(group, subgroup, open, supervised, stepOverdue, dueSoon, concluded, concludedOnTime, 0);
    }

    public int overdue() {
        return supervised + stepOverdue;
    }

    /** Share of open tickets that are overdue (step overdue or supervised), 0–1; NaN when none is open. */
    public double overdueRate() {
        return open == 0 ? Double.NaN : (double) overdue() / open;
    }

    /** Share of concluded tickets concluded on time, 0–1; empty (NaN) when none concluded. */
    public double onTimeRate() {
        return concluded == 0 ? Double.NaN : (double) concludedOnTime / concluded;
    }

    SummaryRow plus(SummaryRow o) {
        return new SummaryRow(
                group,
                subgroup,
                open + o.open,
                supervised + o.supervised,
                stepOverdue + o.stepOverdue,
                dueSoon + o.dueSoon,
                concluded + o.concluded,
                concludedOnTime + o.concludedOnTime,
                lateEntries + o.lateEntries);
    }
}
