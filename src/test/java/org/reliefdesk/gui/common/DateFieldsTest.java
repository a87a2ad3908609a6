package org.reliefdesk.gui.common;

import java.time.LocalDate;

import javafx.util.StringConverter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Dates as people type them, in either language's habits. */
class DateFieldsTest {

    @Test
    void theFormsPeopleTypeAreDates() {
        LocalDate first = LocalDate.of(2024, 10, 1);
        for (String typed : new String[] {
            "2024-10-01", "2024/10/1", "2024.10.01", "20241001", "2024年10月1日", " 2024-10-1 ", "2024 年 10 月 1 日"
        }) {
            assertEquals(first, DateFields.parse(typed), typed);
        }
        assertEquals("2024-10-01", DateFields.converter().toString(first));
    }

    @Test
    void anythingElseIsNoDateAndNoError() {
        for (String typed : new String[] {"", "  ", "abc", "2024-13-01", "2024-02-30", "10/01/2024", "2024-10"}) {
            assertNull(DateFields.parse(typed), typed);
        }
        assertNull(DateFields.converter().fromString(null));
    }

    @Test
    void aDateIsShownAsIsoAndNoDateAsNothing() {
        StringConverter<LocalDate> field = DateFields.converter();
        assertNull(field.fromString(" 2026-13-45 "));
        assertEquals("", field.toString(null));
        assertEquals(LocalDate.of(2026, 12, 5), field.fromString("2026/12/5"));
        assertEquals("2026-12-05", field.toString(LocalDate.of(2026, 12, 5)));
    }
}
