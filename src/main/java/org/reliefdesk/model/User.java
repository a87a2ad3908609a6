package org.reliefdesk.model;

/**
 * A person who signs in. Department is set for clerks, township for township staff;
 * both may be null for leaders and administrators, who see their whole county.
 */
public record User(
        String username,
        String displayName,
        Role role,
        String countyCode,
        String departmentCode,
        String townshipCode) {}
