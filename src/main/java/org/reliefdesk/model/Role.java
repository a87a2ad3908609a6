package org.reliefdesk.model;

/** What a user may do: county clerk, township staff, leader (read-only) or administrator. */
public enum Role {
    CLERK,
    TOWNSHIP,
    LEADER,
    ADMIN
}
