package org.reliefdesk.gui.common;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What "export this table" writes for a shown cell. */
class FormatsTest {

    @Test
    void aDayOfTheYearIsWrittenTheSameInEveryLanguage() {
        assertEquals("09-14", Formats.monthDay(LocalDate.of(2026, 9, 14)));
        assertEquals("11-30", Formats.monthDay(LocalDate.of(2026, 11, 30)));
    }

    @Test
    void numbersAndTimesKeepTheirKindsTicketAndIdNumbersStayText() {
        assertEquals(12L, Formats.exportValue("12"));
        assertEquals("530128202111230001", Formats.exportValue("530128202111230001")); // ticket no.: text
        assertEquals("530128**********1X", Formats.exportValue("530128**********1X"));
        assertEquals(Instant.parse("2021-11-23T01:30:00Z"), Formats.exportValue("2021-11-23 09:30")); // China time
        // the end of a day is the next midnight, a real Excel date
        assertEquals(Instant.parse("2024-09-30T16:00:00Z"), Formats.exportValue("2024-09-30 24:00"));
        assertEquals("2024-13-45 99:99", Formats.exportValue("2024-13-45 99:99")); // not a time: stays as shown
        assertEquals("待受理", Formats.exportValue("待受理"));
        assertEquals(null, Formats.exportValue(null));
    }
}
