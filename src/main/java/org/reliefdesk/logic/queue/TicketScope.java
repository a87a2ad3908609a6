package org.reliefdesk.logic.queue;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.logic.users.Capabilities;
import org.reliefdesk.model.ServiceItem;
import org.reliefdesk.model.Ticket;
import org.reliefdesk.model.User;

/**
 * Which tickets a user works with: always one county; a clerk the items of their department
 * (谁主管、谁负责) and those where their department has a step of its own (civil affairs confirms
 * the status of house renovations); township staff only their township. Null means "no limit".
 */
public record TicketScope(String countyCode, Set<String> itemCodes, String townshipCode) {

    public static TicketScope of(User user, Catalog catalog) {
        Capabilities can = Capabilities.of(user);
        Set<String> items = can.byDepartment()
                ? catalog.itemsWorkedOnBy(user.departmentCode()).stream()
                        .map(ServiceItem::code)
                        .collect(Collectors.toUnmodifiableSet())
                : null;
        return new TicketScope(user.countyCode(), items, can.byTownship() ? user.townshipCode() : null);
    }

    /** The scope written as one line, the same for the same scope (to notice that a user's scope changed). */
    public String key() {
        return countyCode + "|" + (itemCodes == null ? "*" : String.join(",", new TreeSet<>(itemCodes))) + "|"
                + (townshipCode == null ? "*" : townshipCode);
    }

    public boolean covers(Ticket t) {
        return t.county().code().equals(countyCode)
                && (itemCodes == null || itemCodes.contains(t.itemCode()))
                && (townshipCode == null || townshipCode.equals(t.township().code()));
    }
}
