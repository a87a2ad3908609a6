package org.reliefdesk.model;

import java.util.Locale;

/**
 * Something of the catalog named in a message (an action, a step, a department, the choices of a
 * field): its code for machines, and its name in both languages for whoever says the message.
 * Logic puts these in a refusal instead of words; the edge says them in the user's language.
 */
public record Named(String kind, String code, String zh, String en) {

    /** The name in {@code locale}: Chinese for Chinese, English otherwise. */
    public String in(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? zh : en;
    }

    /** The code: what a log line or a machine reads. */
    @Override
    public String toString() {
        return code;
    }
}
