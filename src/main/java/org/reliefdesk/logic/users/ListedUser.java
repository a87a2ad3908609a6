package org.reliefdesk.logic.users;

import org.reliefdesk.model.User;

/** A user as an administrator sees them: the record and whether they may still sign in. */
public record ListedUser(User user, boolean disabled) {}
