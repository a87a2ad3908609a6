package org.reliefdesk.logic.users;

import java.util.regex.Pattern;

import org.reliefdesk.logic.catalog.Catalog;
import org.reliefdesk.model.InvalidFieldException;
import org.reliefdesk.model.Role;
import org.reliefdesk.model.User;

/**
 * What makes a user record usable: a sign-in name of lower-case letters, digits, dots or
 * dashes; a name; a county; a department for clerks and a township for township staff —
 * the scope the workbench and the workflow rules rely on.
 */
public final class UserRules {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");
    private static final Pattern COUNTY = Pattern.compile("\\d{6}");
    private static final Pattern TOWNSHIP = Pattern.compile("\\d{9}");

    private UserRules() {}

    public static void check(User u, Catalog catalog) {
        if (u.username() == null || !USERNAME.matcher(u.username()).matches()) {
            throw new InvalidFieldException("username", "rule.user.username");
        }
        if (u.displayName() == null || u.displayName().isBlank()) {
            throw new InvalidFieldException("displayName", "rule.required");
        }
        if (u.role() == null) {
            throw new InvalidFieldException("role", "rule.required");
        }
        if (u.countyCode() == null || !COUNTY.matcher(u.countyCode()).matches()) {
            throw new InvalidFieldException("countyCode", "rule.digits", 6);
        }
        if (u.role() == Role.CLERK
                && (u.departmentCode() == null
                        || catalog.department(u.departmentCode()).isEmpty())) {
            throw new InvalidFieldException("departmentCode", "rule.user.clerkNeedsDepartment");
        }
        if (u.role() == Role.TOWNSHIP
                && (u.townshipCode() == null
                        || !TOWNSHIP.matcher(u.townshipCode()).matches()
                        || !u.townshipCode().startsWith(u.countyCode()))) {
            throw new InvalidFieldException("townshipCode", "rule.user.townshipNeedsTownship");
        }
    }
}
