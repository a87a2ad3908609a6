package org.reliefdesk.model;

/** An administrative division (county, township or village) with its statistical code. */
public record Place(String code, String name) {}
