package org.reliefdesk.logic.queue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.logic.sample.SampleGenerator;
import org.reliefdesk.model.TestTickets;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.TicketHistory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TicketSearchTest {

    private static final List<Ticket> TICKETS = new SampleGenerator(CatalogLoader.loadBuiltIn())
                    .generate(
                            11,
                            LocalDate.of(2026, 11, 20)
                                    .atTime(LocalTime.NOON)
                                    .atZone(ZoneId.of("Asia/Shanghai"))
                                    .toInstant(),
                            600)
                    .stream()
                    .map(TicketHistory::ticket)
                    .toList();

    @Test
    void theIndexFindsWhatTheRuleMatchesForEveryKindOfQuery() {
        Ticket some = TICKETS.get(137);
        String id = some.applicant().idNumber();
        List<String> queries = List.of(
                "",
                "  ",
                some.ticketNo(),
                some.ticketNo().substring(0, 8),
                some.applicant().name(),
                some.applicant().name().substring(0, 1),
                id.substring(id.length() - 4),
                id.substring(id.length() - 1).toLowerCase(),
                id.substring(0, 6),
                some.township().name(),
                "没有这个人",
                "x",
                "lsq",
                "Li Shui",
                "chongde");
        TicketSearch.Index index = new TicketSearch.Index(TICKETS);
        Predicate<Ticket> odd = t -> t.ticketNo().hashCode() % 2 == 0;
        for (String q : queries) {
            List<Ticket> byRule =
                    TICKETS.stream().filter(TicketSearch.matcher(q).and(odd)).toList();
            assertEquals(byRule, index.find(q, odd), "query '" + q + "'");
        }
    }

    @Test
    void aNameIsFoundByItsPinyinInitialsOrFullPinyinTypedWithoutAnInputMethod() {
        Ticket some = TICKETS.get(3);
        Ticket li = TestTickets.namedFor(some, "李水清");
        Ticket shan = TestTickets.namedFor(TICKETS.get(4), "单春兰");
        TicketSearch.Index index = new TicketSearch.Index(List.of(li, shan, TICKETS.get(5)));
        for (String typed : List.of("lsq", "LSQ", "lishuiqing", "li shui qing", "lishui", "shuiq")) {
            assertTrue(index.find(typed, t -> true).contains(li), typed);
            assertTrue(TicketSearch.matches(li, typed), typed);
        }
        // a surname read otherwise than the character's common reading: either way
        for (String typed : List.of("scl", "shanchunlan", "dcl", "danchunlan")) {
            assertTrue(index.find(typed, t -> true).contains(shan), typed);
        }
        assertEquals(List.of(), index.find("lsqz", t -> true), "no initials beyond the name");
        assertEquals(List.of(), index.find("qsl", t -> true), "initials in their order only");
        // the township by its pinyin too
        assertTrue(TicketSearch.matches(
                some, Pinyin.forms(some.township().name(), ' ').split(" ")[1]));
    }

    @Test
    void anIdNumberMatchesByItsEndNotItsMiddle() {
        Ticket some = TICKETS.get(5);
        String id = some.applicant().idNumber();
        TicketSearch.Index index = new TicketSearch.Index(TICKETS);
        assertTrue(index.find(id.substring(id.length() - 4), t -> true).contains(some));
        String middle = id.substring(10, 14);
        boolean elsewhere = some.ticketNo().contains(middle) || id.endsWith(middle);
        assertEquals(
                elsewhere, !index.find(middle, t -> t == some).isEmpty(), "the middle of an ID number is no match");
    }

    @Test
    void anIndexWithTicketsReplacedFindsThemAsTheyAreNowAndANewOneFirst() {
        TicketSearch.Index index = new TicketSearch.Index(TICKETS.subList(0, 100));
        Ticket renamed = TestTickets.namedFor(TICKETS.get(7), "欧阳新名");
        Ticket added = TICKETS.get(150);
        TicketSearch.Index next = index.replacing(List.of(renamed, added));

        List<Ticket> all = next.find("", t -> true);
        assertEquals(101, all.size());
        assertEquals(added, all.get(0), "a ticket new to the index comes first");
        assertEquals(renamed, all.get(8), "a replaced ticket keeps its place");
        assertEquals(List.of(renamed), next.find("欧阳新名", t -> true));
        assertEquals(
                List.of(),
                next.find(TICKETS.get(7).applicant().name(), t -> t.id().equals(renamed.id())),
                "the old name is gone with the old ticket");
        assertEquals(List.of(added), next.find(added.ticketNo(), t -> true));
        assertEquals(100, index.find("", t -> true).size(), "the index it was made from is unchanged");
        assertEquals(List.of(renamed), next.find(renamed.ticketNo(), t -> true));
    }

    @Test
    void anIndexWithoutTicketsThatLeftTheScopeKeepsTheOthersWithTheirOwnTexts() {
        TicketSearch.Index index = new TicketSearch.Index(TICKETS.subList(0, 10));
        assertSame(index, index.without(Set.of()), "nothing left: the same index");
        Set<UUID> gone =
                Set.of(TICKETS.get(0).id(), TICKETS.get(4).id(), TICKETS.get(9).id());
        TicketSearch.Index next = index.without(gone);

        List<Ticket> kept = TICKETS.subList(0, 10).stream()
                .filter(t -> !gone.contains(t.id()))
                .toList();
        assertEquals(kept, next.find("", t -> true), "the rest, in their order");
        for (Ticket t : kept) {
            // each text still belongs to its own ticket after the ones before it went
            assertEquals(List.of(t), next.find(t.ticketNo(), x -> true), t.ticketNo());
        }
        assertEquals(List.of(), next.find(TICKETS.get(4).ticketNo(), t -> true), "a ticket that left is not found");
        assertEquals(10, index.find("", t -> true).size(), "the index it was made from is unchanged");
        assertEquals(
                List.of(TICKETS.get(1)),
                next.find(
                        TICKETS.get(1).ticketNo(),
                        t -> t.id().equals(TICKETS.get(1).id())),
                "a further condition is applied with the text");
        assertEquals(
                List.of(), next.find(TICKETS.get(1).ticketNo(), t -> false), "and a ticket it refuses is left out");
    }

    @Test
    void typedPinyinIsLatinLettersSpacesAndApostrophesOnly() {
        for (String yes : List.of("a", "z", "A", "Z", "li shui", "xi'an", "LSQ")) {
            assertTrue(Pinyin.latin(yes), yes);
        }
        // the neighbours of a–z and A–Z in ASCII, digits, Han, and no letter at all
        for (String no : List.of("`", "{", "@", "[", "li1", "李", "", " ", "'")) {
            assertFalse(Pinyin.latin(no), no);
        }
    }

    @Test
    void theFirstCodePointOfTheReadingsTableHasItsReading() {
        // U+3400 starts the table (CJK Extension A); U+9FA5 is the last of the common block
        assertEquals("QIU|Q", Pinyin.forms("\u3400", '|'));
        assertEquals("YU|Y", Pinyin.forms("\u9FA5", '|'));
    }

    @Test
    void aQueryWithTheSeparatorIsMatchedWordByWordNotAcrossTexts() {
        Ticket some = TICKETS.get(42);
        TicketSearch.Index index = new TicketSearch.Index(TICKETS);
        String across = some.applicant().name() + "\u0001" + some.township().name();
        List<Ticket> byRule =
                TICKETS.stream().filter(TicketSearch.matcher(across)).toList();
        assertEquals(byRule, index.find(across, t -> true));
        assertEquals(TicketSearch.matches(some, some.applicant().name()), true);
        assertEquals(TicketSearch.matches(some, "没有这个人"), false);
    }
}
