package org.reliefdesk.logic.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reliefdesk.logic.catalog.Condition;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A form's values over the ticket's facts: read as the copy they replace, the facts untouched. */
class FormContextTest {

    @Test
    void theFormsValuesWinTheFactsShowThroughAndAreNeverWritten() {
        Map<String, Object> facts = new HashMap<>(Map.of("willing", "no", "income", 1200L));
        Map<String, Object> copy = new HashMap<>(facts); // what contextOf made before
        FormContext context = new FormContext(facts);
        context.put("willing", "yes");
        copy.put("willing", "yes");
        context.put("members", List.of());
        copy.put("members", List.of());
        Condition willing = new Condition("willing", "yes", null, null);
        Condition poor = new Condition("income", null, List.of(1200, 800), null);
        assertAll(
                () -> assertEquals(copy, context),
                () -> assertEquals(copy.entrySet(), context.entrySet()),
                () -> assertEquals("yes", context.get("willing")),
                () -> assertEquals(1200L, context.get("income")),
                () -> assertTrue(context.containsKey("members")),
                () -> assertFalse(context.containsKey("outcome")),
                () -> assertNull(context.get("outcome")),
                () -> assertTrue(willing.test(context)),
                () -> assertTrue(poor.test(context)),
                () -> assertEquals(Map.of("willing", "no", "income", 1200L), facts));
    }
}
