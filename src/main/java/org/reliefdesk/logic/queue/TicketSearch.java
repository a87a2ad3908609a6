package org.reliefdesk.logic.queue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.reliefdesk.model.Ticket;

/**
 * The workbench search box: matches the ticket number, the applicant's name, the end of
 * the ID number (clerks ask for "the last four digits"), or the township name; names and
 * townships also by their pinyin as typed without an input method ({@code lsq} or
 * {@code lishuiqing} finds 李水清, see {@link Pinyin}).
 */
public final class TicketSearch {

    /** Joins the searched texts of one ticket; no typed query holds it, so no match spans two texts. */
    private static final char SEPARATOR = '\u0001';

    private TicketSearch() {}

    public static boolean matches(Ticket t, String query) {
        return matcher(query).test(t);
    }

    /**
     * The test for one query, prepared once. A blank query matches everything.
     */
    public static Predicate<Ticket> matcher(String query) {
        if (query == null || query.isBlank()) {
            return t -> true;
        }
        String q = normal(query);
        return t -> t.ticketNo().contains(q)
                || t.applicant().name().contains(q)
                || t.applicant().idNumber().endsWith(q)
                || t.township().name().contains(q)
                || (Pinyin.latin(query)
                        && (Pinyin.forms(t.applicant().name(), SEPARATOR).contains(q)
                                || Pinyin.forms(t.township().name(), SEPARATOR).contains(q)));
    }

    private static String normal(String query) {
        String q = query.strip();
        return Pinyin.latin(q) ? Pinyin.query(q) : q.toUpperCase(Locale.ROOT);
    }

    /**
     * The same rule over a fixed list, prepared for a keystroke in a county of 100,000 tickets:
     * each ticket's number, name and township are joined once into one text, so a keystroke runs
     * one {@code contains} and one {@code endsWith} per ticket instead of four calls through the
     * ticket's parts.
     */
    public static final class Index {

        private final List<Ticket> tickets;
        private final String[] texts;

        public Index(List<Ticket> tickets) {
            this.tickets = List.copyOf(tickets);
            this.texts = new String[this.tickets.size()];
            Map<String, String> forms = new HashMap<>(); // names and townships recur: each is spelled once
            for (int i = 0; i < texts.length; i++) {
                texts[i] = text(this.tickets.get(i), forms);
            }
        }

        private Index(List<Ticket> tickets, String[] texts) {
            this.tickets = tickets;
            this.texts = texts;
        }

        private static String text(Ticket t, Map<String, String> forms) {
            return t.ticketNo()
                    + SEPARATOR
                    + t.applicant().name()
                    + SEPARATOR
                    + t.township().name()
                    + SEPARATOR
                    + forms.computeIfAbsent(t.applicant().name(), n -> Pinyin.forms(n, SEPARATOR))
                    + SEPARATOR
                    + forms.computeIfAbsent(t.township().name(), n -> Pinyin.forms(n, SEPARATOR));
        }

        /**
         * This index with {@code changed} in place of the tickets of the same id; one not held
         * before comes first (the newest). Only the changed tickets' texts are made again.
         */
        public Index replacing(List<Ticket> changed) {
            Map<UUID, Ticket> byId = new HashMap<>();
            changed.forEach(t -> byId.put(t.id(), t));
            List<Ticket> kept = new ArrayList<>(tickets.size() + changed.size());
            List<String> keptTexts = new ArrayList<>(tickets.size() + changed.size());
            for (int i = 0; i < texts.length; i++) {
                Ticket now = byId.remove(tickets.get(i).id());
                kept.add(now != null ? now : tickets.get(i));
                keptTexts.add(now != null ? text(now, new HashMap<>()) : texts[i]);
            }
            List<Ticket> added =
                    changed.stream().filter(t -> byId.containsKey(t.id())).toList();
            kept.addAll(0, added);
            keptTexts.addAll(
                    0, added.stream().map(t -> text(t, new HashMap<>())).toList());
            return new Index(Collections.unmodifiableList(kept), keptTexts.toArray(String[]::new));
        }

        /** This index without the tickets of {@code ids} (moved out of the scope); the others' texts are kept. */
        public Index without(Set<UUID> ids) {
            if (ids.isEmpty()) {
                return this;
            }
            List<Ticket> kept = new ArrayList<>(tickets.size());
            List<String> keptTexts = new ArrayList<>(tickets.size());
            for (int i = 0; i < texts.length; i++) {
                if (!ids.contains(tickets.get(i).id())) {
                    kept.add(tickets.get(i));
                    keptTexts.add(texts[i]);
                }
            }
            return new Index(Collections.unmodifiableList(kept), keptTexts.toArray(String[]::new));
        }

        /** Tickets that match {@code query} and {@code also}, in the list's order. */
        public List<Ticket> find(String query, Predicate<Ticket> also) {
            boolean all = query == null || query.isBlank();
            String q = all ? "" : normal(query);
            if (q.indexOf(SEPARATOR) >= 0) {
                Predicate<Ticket> words = matcher(query);
                return tickets.stream()
                        .filter(t -> words.test(t) && also.test(t))
                        .toList();
            }
            List<Ticket> found = new ArrayList<>();
            for (int i = 0; i < texts.length; i++) {
                Ticket t = tickets.get(i);
                if ((all || texts[i].contains(q) || t.applicant().idNumber().endsWith(q)) && also.test(t)) {
                    found.add(t);
                }
            }
            return found;
        }
    }
}
