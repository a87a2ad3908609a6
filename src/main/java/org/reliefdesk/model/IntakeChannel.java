package org.reliefdesk.model;

/** How a ticket reached the platform: 自己举手, 他人代举 or 政府找. */
public enum IntakeChannel {
    SELF_RAISED,
    RAISED_BY_PROXY,
    GOVERNMENT_FOUND
}
