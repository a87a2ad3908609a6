package org.reliefdesk.gui.tickets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.reliefdesk.logic.i18n.Texts;

/**
 * Why the greyed actions of a ticket cannot be done now, one line per reason: before the platform
 * dispatches a ticket every action is refused for that one reason, and five lines said it five
 * times over.
 */
final class ActionRefusals {

    private final Map<String, List<String>> actionsByReason = new LinkedHashMap<>();

    /** Action {@code name} cannot be done, {@code reason} says why (in the person's words). */
    void add(String name, String reason) {
        actionsByReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(name);
    }

    /** "受理、退回：平台尚未派单…", a line per reason in the order the actions came. */
    String text(Texts texts) {
        return actionsByReason.entrySet().stream()
                .map(e -> texts.msg(
                        "text.labelled", String.join(texts.msg("text.listSeparator"), e.getValue()), e.getKey()))
                .collect(Collectors.joining("\n"));
    }
}
