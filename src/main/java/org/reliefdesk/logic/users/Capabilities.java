package org.reliefdesk.logic.users;

import org.reliefdesk.model.Role;
import org.reliefdesk.model.User;

/**
 * What a role may do, in one place: the screens show and hide by it, the scope and the central
 * store's doors check it. County clerks and township staff handle tickets; leaders read the whole
 * county and issue supervision notices; administrators also manage users and feed the citizen
 * channel.
 */
public record Capabilities(Role role) {

    public static Capabilities of(User user) {
        return new Capabilities(user.role());
    }

    /** Opens tickets for residents, acts on them, attaches files. */
    public boolean handlesTickets() {
        return role == Role.CLERK || role == Role.TOWNSHIP;
    }

    /** Opens a ticket for a resident (the same people who handle them). */
    public boolean opensTickets() {
        return handlesTickets();
    }

    /** Sees every ticket of the county, not a department's or a township's share. */
    public boolean countyWide() {
        return role == Role.LEADER || role == Role.ADMIN;
    }

    /** Works on the items of one department. */
    public boolean byDepartment() {
        return role == Role.CLERK;
    }

    /** Works on the tickets of one township. */
    public boolean byTownship() {
        return role == Role.TOWNSHIP;
    }

    /** Reads the county at a glance (the dashboard). */
    public boolean readsDashboard() {
        return countyWide();
    }

    /** Issues supervision notices with numbers and keeps their register and letterhead. */
    public boolean issuesNotices() {
        return countyWide();
    }

    /** Manages the county's users, its holiday years on this PC and the tickets set aside. */
    public boolean administers() {
        return role == Role.ADMIN;
    }

    /** Feeds the citizen channel's tickets into the central store. */
    public boolean feedsIntake() {
        return role == Role.ADMIN;
    }

    /** Has changes of their own that the central store may not take (leaders change nothing). */
    public boolean hasConflicts() {
        return role != Role.LEADER;
    }

    /** Starts on "my tasks" rather than on all tickets. */
    public boolean startsOnMyTasks() {
        return role == Role.TOWNSHIP;
    }
}
