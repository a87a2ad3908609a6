package org.reliefdesk.logic.queue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.catalog.CatalogLoader;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.User;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Who works with which tickets: the department in charge, and a department with a step of its own in another's item. */
class TicketScopeTest {

    private static final Catalog CATALOG = CatalogLoader.loadBuiltIn();

    private static User clerk(String department) {
        return new User("u", "某", Role.CLERK, "530128", department, null);
    }

    @Test
    void civilAffairsAlsoWorksOnHouseRenovationsWhoseStatusItConfirms() {
        assertEquals(
                Set.of(
                        "temporary_assistance",
                        "extreme_poverty_support",
                        "minimum_living_allowance",
                        "house_renovation"),
                TicketScope.of(clerk("CIVIL"), CATALOG).itemCodes());
        assertEquals(
                Set.of("house_renovation"),
                TicketScope.of(clerk("HOUSING"), CATALOG).itemCodes());
        assertEquals(
                Set.of("drinking_water"),
                TicketScope.of(clerk("WATER"), CATALOG).itemCodes());
        assertEquals(
                Set.of("job_search", "training"),
                TicketScope.of(clerk("HRSS"), CATALOG).itemCodes());
        // Opening tickets and the department's reports stay with the department in charge.
        assertEquals(3, CATALOG.itemsOf("CIVIL").size());
    }

    @Test
    void theKeyNamesTheScopeWhateverTheOrderOfItsItems() {
        TicketScope a = new TicketScope("530128", Set.of("b", "a", "c"), null);
        TicketScope b = new TicketScope("530128", new LinkedHashSet<>(List.of("c", "a", "b")), null);
        assertEquals("530128|a,b,c|*", a.key());
        assertEquals(a.key(), b.key());
        assertNotEquals(a.key(), new TicketScope("530128", Set.of("a", "b"), null).key());
        assertNotEquals(a.key(), new TicketScope("530128", Set.of("a", "b", "c"), "530128101").key());
        TicketScope leader = TicketScope.of(new User("l", "某", Role.LEADER, "530128", null, null), CATALOG);
        assertNull(leader.itemCodes());
        assertEquals("530128|*|*", leader.key());
    }
}
