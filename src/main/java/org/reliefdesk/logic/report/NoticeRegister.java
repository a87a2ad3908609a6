package org.reliefdesk.logic.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The register of supervision notices (督办通知): each notice issued gets the next number of its
 * year (〔2021〕12 号) and keeps the tickets it named. Issuing the same notice again — the same run
 * (scope and date), the same recipient, the same tickets — is a reprint and gets its old number;
 * anything else is a new notice with a new number.
 */
public interface NoticeRegister {

    /** A notice about to be issued. {@code scopeKey} is {@link ReportScope#key()}; the recipient by kind and code. */
    record Draft(String scopeKey, String recipientKey, String recipientName, LocalDate asOf, List<String> ticketNos) {
        public Draft {
            ticketNos = ticketNos.stream().sorted().distinct().toList();
        }
    }

    /**
     * A registered notice: the abbreviation it was issued under ({@code null}: the default, said in
     * the reader's language by {@code NoticeLetterhead.number}), its number, and when.
     */
    record Issued(String agency, int year, int serial, Instant issuedAt, boolean reprint) {}

    /**
     * Numbers every draft under {@code agency} ({@code null}: the default; reprints keep their number
     * as issued), all or none, in order.
     */
    List<Issued> issue(List<Draft> drafts, String agency, Instant now);

    /** Of these tickets, those a notice of an earlier date than {@code asOf} already named (再次督办). */
    Set<String> noticedBefore(Collection<String> ticketNos, LocalDate asOf);
}
