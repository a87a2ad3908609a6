package org.reliefdesk.gui.tickets;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The name a queue's workbook is offered under. */
class TicketExportTest {

    private static final LocalDate DAY = LocalDate.of(2021, 11, 23);

    @Test
    void theQueuesNameAndTheDay() {
        assertEquals("环节超期-2021-11-23.xlsx", TicketExport.fileName("环节超期", DAY));
        assertEquals("Follow-up visit overdue-2021-11-23.xlsx", TicketExport.fileName("Follow-up visit overdue", DAY));
    }

    @Test
    void aCharacterWindowsRefusesInAFileNameBecomesAHyphen() {
        assertEquals("a-b-c-d-e-f-g-h-i-j-2021-11-23.xlsx", TicketExport.fileName(" a\\b/c:d*e?f\"g<h>i|j ", DAY));
        assertEquals("a-b-2021-11-23.xlsx", TicketExport.fileName("a\tb", DAY));
    }
}
