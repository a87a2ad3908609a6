package org.reliefdesk.central;

import java.util.function.BiPredicate;

import org.reliefdesk.logic.users.Capabilities;
import org.reliefdesk.model.User;

/**
 * Who may call a route: anyone (signing in), anyone signed in, or a signed-in user with a
 * capability ({@link Capabilities}) — one column of the route table, checked before the handler
 * runs. A refusal is 403 with the reason given here.
 */
record Access(String name, boolean signedIn, BiPredicate<CentralStore, User> allows, String refusal) {

    static final Access ANYONE = new Access("anyone", false, (s, u) -> true, null);
    static final Access SIGNED_IN = new Access("signed in", true, (s, u) -> true, null);
    static final Access STAFF = new Access(
            "staff",
            true,
            (s, u) -> Capabilities.of(u).handlesTickets(),
            "only clerks and township staff attach files");
    static final Access ADMINISTRATOR = new Access(
            "administrator", true, (s, u) -> Capabilities.of(u).administers(), "only an administrator manages users");
    static final Access INTAKE = new Access(
            "intake",
            true,
            (s, u) -> Capabilities.of(u).feedsIntake(),
            "only an administrator feeds the citizen channel");
    /** A holiday year counts for the whole province: the province's calendar editors, never a county's administrator. */
    static final Access CALENDAR_EDITOR = new Access(
            "calendar editor",
            true,
            (s, u) -> s.calendarEditors().contains(u.username()),
            "holiday years are imported by the province's calendar editors");
}
