package org.reliefdesk.store;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hibernate.Session;
import org.reliefdesk.logic.Sha256;
import org.reliefdesk.logic.report.NoticeLetterhead;
import org.reliefdesk.logic.report.NoticeRegister;
import org.reliefdesk.model.ChinaTime;

/**
 * The notice register and the letterhead in the local database (schema V8). Numbers are given in
 * one transaction per run, so a run that fails leaves no number used; the unique constraints
 * keep two runs on one PC from taking the same number.
 */
public final class NoticeBook implements NoticeRegister {

    private final LocalStore store;

    NoticeBook(LocalStore store) {
        this.store = store;
    }

    @Override
    public List<Issued> issue(List<Draft> drafts, String agency, Instant now) {
        return store.inTransaction(s -> {
            List<Issued> out = new ArrayList<>(drafts.size());
            for (Draft d : drafts) {
                out.add(issueOne(s, d, agency, now));
            }
            return out;
        });
    }

    private static Issued issueOne(Session s, Draft d, String agency, Instant now) {
        String content = Sha256.hex(String.join("\n", d.ticketNos()).getBytes(StandardCharsets.UTF_8));
        List<Object[]> same = s.createNativeQuery(
                        "SELECT issue_year, serial, issued_at, agency FROM notice WHERE scope_key = :scope"
                                + " AND recipient_key = :recipient AND as_of = :asOf AND content_key = :content",
                        Object[].class)
                .setParameter("scope", d.scopeKey())
                .setParameter("recipient", d.recipientKey())
                .setParameter("asOf", d.asOf())
                .setParameter("content", content)
                .getResultList();
        if (!same.isEmpty()) {
            Object[] r = same.get(0);
            return new Issued(
                    (String) r[3], ((Number) r[0]).intValue(), ((Number) r[1]).intValue(), instant(r[2]), true);
        }
        int year = now.atZone(ChinaTime.ZONE).getYear();
        int serial = ((Number) s.createNativeQuery(
                                "SELECT COALESCE(MAX(serial), 0) + 1 FROM notice WHERE issue_year = :y", Object.class)
                        .setParameter("y", year)
                        .getSingleResult())
                .intValue();
        UUID id = UUID.randomUUID();
        s.createNativeMutationQuery("INSERT INTO notice (id, issue_year, serial, agency, scope_key, recipient_key,"
                        + " recipient_name, as_of, content_key, issued_at)"
                        + " VALUES (:id, :y, :n, :agency, :scope, :recipient, :name, :asOf, :content, :at)")
                .setParameter("id", id)
                .setParameter("y", year)
                .setParameter("n", serial)
                .setParameter("agency", agency, String.class)
                .setParameter("scope", d.scopeKey())
                .setParameter("recipient", d.recipientKey())
                .setParameter("name", cut(d.recipientName(), 200))
                .setParameter("asOf", d.asOf())
                .setParameter("content", content)
                .setParameter("at", now)
                .executeUpdate();
        for (String ticketNo : d.ticketNos()) {
            s.createNativeMutationQuery("INSERT INTO notice_ticket (notice_id, ticket_no) VALUES (:id, :no)")
                    .setParameter("id", id)
                    .setParameter("no", ticketNo)
                    .executeUpdate();
        }
        return new Issued(agency, year, serial, now, false);
    }

    @Override
    public Set<String> noticedBefore(Collection<String> ticketNos, LocalDate asOf) {
        if (ticketNos.isEmpty()) {
            return Set.of();
        }
        Set<String> found = new HashSet<>();
        List<String> all = List.copyOf(ticketNos);
        for (int i = 0; i < all.size(); i += 1000) {
            List<String> part = all.subList(i, Math.min(all.size(), i + 1000));
            found.addAll(store.read(s -> s.createNativeQuery(
                            "SELECT DISTINCT t.ticket_no FROM notice_ticket t"
                                    + " JOIN notice n ON n.id = t.notice_id WHERE n.as_of < :asOf AND t.ticket_no IN (:nos)",
                            String.class)
                    .setParameter("asOf", asOf)
                    .setParameterList("nos", part)
                    .getResultList()));
        }
        return found;
    }

    /**
     * The notices issued, newest first: number (the agency {@code null} for the default
     * abbreviation), recipient, as-of date, tickets named.
     */
    public record Entry(
            String agency,
            int year,
            int serial,
            String recipientName,
            String scopeKey,
            LocalDate asOf,
            Instant issuedAt,
            int tickets) {}

    public List<Entry> list() {
        return store.read(s -> s
                .createNativeQuery(
                        "SELECT n.issue_year, n.serial, n.recipient_name, n.scope_key, n.as_of,"
                                + " n.issued_at, (SELECT COUNT(*) FROM notice_ticket t WHERE t.notice_id = n.id), n.agency FROM notice n"
                                + " ORDER BY n.issue_year DESC, n.serial DESC",
                        Object[].class)
                .getResultList()
                .stream()
                .map(r -> new Entry(
                        (String) r[7],
                        ((Number) r[0]).intValue(),
                        ((Number) r[1]).intValue(),
                        (String) r[2],
                        (String) r[3],
                        date(r[4]),
                        instant(r[5]),
                        ((Number) r[6]).intValue()))
                .toList());
    }

    public NoticeLetterhead letterhead() {
        return store.read(s -> {
            Object[] r = s.createNativeQuery(
                            "SELECT issuer, agency, reply_days, contact, phone, copy_to"
                                    + " FROM notice_letterhead WHERE id = 1",
                            Object[].class)
                    .getSingleResult();
            return new NoticeLetterhead(
                    (String) r[0], (String) r[1], ((Number) r[2]).intValue(), (String) r[3], (String) r[4], (String)
                            r[5]);
        });
    }

    /** Stores a checked letterhead; a bad field is refused by {@link NoticeLetterhead#checked()} before anything changes. */
    public NoticeLetterhead saveLetterhead(NoticeLetterhead letterhead) {
        NoticeLetterhead ok = letterhead.checked();
        store.inTransaction(s -> s.createNativeMutationQuery("UPDATE notice_letterhead SET issuer = :issuer,"
                        + " agency = :agency, reply_days = :days, contact = :contact, phone = :phone, copy_to = :copyTo"
                        + " WHERE id = 1")
                .setParameter("issuer", ok.issuer())
                .setParameter("agency", ok.agency())
                .setParameter("days", ok.replyDays())
                .setParameter("contact", ok.contact())
                .setParameter("phone", ok.phone())
                .setParameter("copyTo", ok.copyTo())
                .executeUpdate());
        return ok;
    }

    private static String cut(String v, int max) {
        return v == null || v.length() <= max ? v : v.substring(0, max);
    }

    private static LocalDate date(Object v) {
        return v instanceof LocalDate d
                ? d
                : v instanceof Date d ? d.toLocalDate() : LocalDate.parse(String.valueOf(v));
    }

    private static Instant instant(Object v) {
        return v instanceof OffsetDateTime o
                ? o.toInstant()
                : v instanceof Instant i ? i : v instanceof Timestamp t ? t.toInstant() : null;
    }
}
