package org.reliefdesk.logic;

/**
 * A failure that says itself as a text key and its arguments (a store that would not open, a
 * central store out of reach): the workbench and the commands put it in the reader's language.
 */
public interface Worded {

    /** The key of the text in messages_*.properties. */
    String messageKey();

    /** The text's arguments. */
    Object[] messageArgs();
}
