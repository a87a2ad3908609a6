package org.reliefdesk.model;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The small model types whose answers other code relies on. */
class SmallTypesTest {

    @Test
    void aNamedThingIsItsCodeToMachinesAndItsNameToPeople() {
        Named water = new Named("department", "WATER", "水利", "Water resources");
        assertEquals("WATER", water.toString());
        assertEquals("水利", water.in(Locale.SIMPLIFIED_CHINESE));
        assertEquals("Water resources", water.in(Locale.ENGLISH));
    }

    @Test
    void onlyAConcludedTicketIsNotOpen() {
        assertTrue(TicketStatus.NEW.isOpen());
        assertTrue(TicketStatus.IN_PROGRESS.isOpen());
        assertFalse(TicketStatus.CONCLUDED.isOpen());
    }

    @Test
    void anEventIsALateEntryOnlyWhenReceivedMoreThanItsLimitAfterItsTime() {
        Instant at = Instant.parse("2026-11-20T02:00:00Z");
        assertFalse(event(at, null).lateEntry());
        assertFalse(event(at, at.plus(TicketEvent.LATE_ENTRY)).lateEntry());
        assertTrue(event(at, at.plus(TicketEvent.LATE_ENTRY).plusSeconds(1)).lateEntry());
        assertFalse(event(at, at.minusSeconds(60)).lateEntry());
    }

    @Test
    void aRefusalSaysItsFieldRuleAndValues() {
        InvalidFieldException plain = new InvalidFieldException("name", "rule.required");
        assertEquals("name: rule.required", plain.getMessage());
        assertEquals(List.of(), plain.args());
        InvalidFieldException withArgs = new InvalidFieldException("n", "rule.form.max", 10);
        assertEquals("n: rule.form.max [10]", withArgs.getMessage());
    }

    @Test
    void anIdNumberIsMaskedToItsFirstSixAndLastTwo() {
        assertEquals("530102**********1X", ResidentIdNumber.mask("53010219900101001X"));
        assertEquals("1234567", ResidentIdNumber.mask("1234567"));
        assertEquals("12345678", ResidentIdNumber.mask("12345678"));
        assertEquals("123456*89", ResidentIdNumber.mask("123456789"));
        assertNull(ResidentIdNumber.mask(null));
    }

    private static TicketEvent event(Instant at, Instant received) {
        return new TicketEvent(
                UUID.randomUUID(), UUID.randomUUID(), 2, "a", at, "accept", null, null, null, Map.of(), null, received);
    }
}
