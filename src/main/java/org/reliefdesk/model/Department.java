package org.reliefdesk.model;

/** A county department that receives dispatched tickets, e.g. 水利 (water resources). */
public record Department(String code, String nameZh, String nameEn) {}
