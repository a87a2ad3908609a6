package org.reliefdesk.logic.catalog;

/** Kinds of form fields; one renderer and one validator handle each for every item. */
public enum FieldType {
    TEXT,
    LONG_TEXT,
    INTEGER,
    DECIMAL,
    DATE,
    DATE_TIME,
    CHOICE,
    MULTI_CHOICE,
    BOOLEAN,
    ROWS,
    ATTACHMENT,
    ID_NUMBER,
    PHONE
}
