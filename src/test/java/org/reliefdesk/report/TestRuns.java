package org.reliefdesk.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reliefdesk.logic.i18n.Texts;
import org.reliefdesk.logic.report.NoticeLetterhead;
import org.reliefdesk.logic.report.NoticeRegister;
import org.reliefdesk.logic.report.OverdueReport;

/** Print runs for report tests that need no store: a register in memory, the default letterhead. */
final class TestRuns {

    private TestRuns() {}

    static PrintRun of(OverdueReport report, Texts texts) {
        return new PrintRun(
                report,
                null,
                NoticeLetterhead.defaults().resolved(report.countyName(), texts),
                report.asOfDate().plusDays(3),
                new MemoryRegister());
    }

    /** Numbers notices like the store's register, without a database. */
    static final class MemoryRegister implements NoticeRegister {
        private final Map<Draft, Issued> issued = new HashMap<>();

        @Override
        public List<Issued> issue(List<Draft> drafts, String agency, Instant now) {
            List<Issued> out = new ArrayList<>();
            for (Draft d : drafts) {
                out.add(issued.computeIfAbsent(d, x -> new Issued(agency, 2021, issued.size() + 1, now, false)));
            }
            return out;
        }

        @Override
        public Set<String> noticedBefore(Collection<String> ticketNos, LocalDate asOf) {
            return Set.of();
        }
    }
}
